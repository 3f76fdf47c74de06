using Guichet.Demo;

namespace Guichet;

/// What happens before the first request: the schema is created or migrated, the demo data is
/// loaded when asked for, and the console says what an administrator has to do next.
internal static class Setup
{
    /// The demo data (and its logins with a published password) loads only when asked: `--demo`,
    /// Demo:SeedIfEmpty=true, or the Development environment. A production install starts empty.
    public static bool DemoAsked(IConfiguration configuration, IHostEnvironment environment, bool demoArgument) =>
        demoArgument || configuration.GetValue("Demo:SeedIfEmpty", false) || environment.IsDevelopment();

    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, TextWriter output, bool demoArgument = false)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        if (scope.ServiceProvider.GetRequiredService<DatabaseOptions>().MigrateOnStart)
            await DataModule.MigrateAsync(db);
        // The journal's key exists before any use case needs it (made inside a use case's write
        // transaction, it would wait for that transaction on SQLite).
        scope.ServiceProvider.GetRequiredService<Platform.EventLog.JournalKey>().Ensure();
        if (DemoAsked(configuration, environment, demoArgument) && await DemoData.SeedIfEmptyAsync(scope.ServiceProvider, CancellationToken.None) is { } loaded)
            DemoData.PrintLogins(output, loaded);
        else if (!await db.Set<StaffUser>().AnyAsync())
            PrintFirstAdmin(output);
        if (scope.ServiceProvider.GetRequiredService<PublicUrls>().MailBlockedReason is { } blocked)
            output.WriteLine("Guichet: mail sending is OFF. " + blocked);
    }

    public static void PrintFirstAdmin(TextWriter output)
    {
        output.WriteLine("Guichet: no staff account yet. Create the first administrator with the command line of the same binary");
        output.WriteLine("(the password is read from standard input, at least 12 characters):");
        output.WriteLine("  guichet users add --email you@example.be --role admin --name \"Your Name\"");
        output.WriteLine("  (from the sources: dotnet run --project src/Guichet -- users add ...)");
        output.WriteLine("To try Guichet with a demo organisation instead (never on a public server), start it with --demo.");
    }
}
