namespace Guichet.Demo;

/// The demo organisation: staff accounts for each role and the catalogue of a fictional
/// municipality, a federal public service and a few other bodies.
internal static class DemoData
{
    public const string Password = "Guichet-demo-2026";

    /// Each account with its unit in the demo catalogue ("organisation/unit"), or none: the
    /// admin and the editor work across organisations.
    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? Unit)> Staff =
    [
        ("admin@guichet.demo", "Ada Admin", Roles.Admin, null),
        ("editor@guichet.demo", "Eddy Editor", Roles.Editor, null),
        ("frontoffice@guichet.demo", "Fatima Front", Roles.FrontOffice, "hautrival/hautrival-citizen-services"),
        ("casehandler@guichet.demo", "Koen Handler", Roles.CaseHandler, "hautrival/hautrival-urban-planning"),
        ("manager@guichet.demo", "Marie Manager", Roles.Manager, "hautrival/hautrival-general-management"),
        ("complaints@guichet.demo", "Claire Complaints", Roles.Complaints, "hautrival/hautrival-general-management"),
    ];

    /// The demo data, unless the database has staff already (null then).
    public static async Task<DemoLoaded?> SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<GuichetDb>();
        if (await db.Set<StaffUser>().AnyAsync(ct)) return null;
        return await SeedAsync(services, ct);
    }

    public static async Task<DemoLoaded> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<GuichetDb>();
        var accounts = services.GetRequiredService<StaffAccounts>();
        services.GetRequiredService<Platform.EventLog.JournalKey>().Ensure();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (email, name, role, _) in Staff)
            if (!await db.Set<StaffUser>().AnyAsync(u => u.Email == email, ct))
                await accounts.CreateAsync(email, name, [role], Password, null, ct);
        await db.SaveChangesAsync(ct);
        foreach (var seeder in services.GetServices<IDemoSeeder>())
            await seeder.SeedAsync(ct);
        // Units exist once the catalogue is seeded.
        foreach (var (email, _, _, unit) in Staff)
            if (unit is not null)
                (await db.Set<StaffUser>().SingleAsync(u => u.Email == email, ct)).MoveToUnit(Orient.Catalogue.Demo.CatalogueDemoSeeder.StableId("unit:" + unit));
        await db.SaveChangesAsync(ct);
        // A process history (contacts, cases, the journal) for the improvement loop to read; last,
        // as it uses the staff, the catalogue and the case types.
        var history = services.GetRequiredService<IConfiguration>().GetValue(DemoProcessHistory.Setting, true)
            ? await ActivatorUtilities.CreateInstance<DemoProcessHistory>(services).LoadAsync(ct)
            : null;
        await tx.CommitAsync(ct);
        return new DemoLoaded(history);
    }

    public static void PrintLogins(TextWriter output, DemoLoaded loaded)
    {
        output.WriteLine("Guichet: THIS IS A DEMO. The demo organisation was loaded with staff accounts whose password is published;");
        output.WriteLine("never expose this database to the internet. Staff sign-in at /staff/sign-in with password '" + Password + "':");
        foreach (var (email, _, role, _) in Staff)
            output.WriteLine($"  {email,-28} ({role})");
        if (loaded.History is { } h)
            output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"A process history of {h.Cases} cases and {h.Contacts} contacts over the last {DemoProcessHistory.Days} days was loaded ({h.Events} journal events, {h.Took.TotalSeconds:0.0} s)."));
    }
}

/// What the demo seeding loaded: the process history, unless it was switched off.
internal sealed record DemoLoaded(DemoHistory? History);
