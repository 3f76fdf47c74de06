using Guichet.Deliver;
using Guichet.Demo;
using Guichet.Orient;
using Guichet.Platform;
using Guichet.Welcome;

namespace Guichet.Cli;

/// The command line of the same binary: `dotnet run --project src/Guichet -- <command>`.
/// It builds the same services as the web host, runs one command and exits (0 = done).
internal static class Cli
{

    /// Any first word that is not an option (`--urls ...`) is a command, known or not: an unknown
    /// one must fail with the usage, not start a web server.
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') || args is ["--help"];

    /// The journal's actor for what the command line does: whoever runs it on the server.
    private const string Actor = "system:cli";

    public static async Task<int> RunAsync(string[] args)
    {
        var (words, options) = Parse(args);
        if (words.Length == 0 || words[0] is "help" or "--help")
        {
            Console.Out.WriteLine(Usage);
            return 0;
        }

        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPlatform(builder.Configuration);
        builder.Services.AddOrient();
        builder.Services.AddWelcome();
        builder.Services.AddDeliver();
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GuichetDb>();
        var ct = CancellationToken.None;

        try
        {
            switch (words)
            {
                case ["migrate"]:
                    await DataModule.MigrateAsync(db, ct);
                    Console.Out.WriteLine("Database is up to date.");
                    return 0;

                case ["seed"] when options.ContainsKey("demo"):
                    await DataModule.MigrateAsync(db, ct);
                    if (await DemoData.SeedIfEmptyAsync(services, ct) is { } loaded) DemoData.PrintLogins(Console.Out, loaded);
                    else Console.Out.WriteLine("The database is not empty: demo data not loaded.");
                    return 0;

                case ["users", "add"]:
                {
                    var email = Required(options, "email");
                    var roles = Required(options, "role").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    Guid? unit = options.TryGetValue("unit", out var u) ? Guid.Parse(u) : null;
                    var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
                    var user = await services.GetRequiredService<StaffAccounts>()
                        .CreateAsync(email, options.GetValueOrDefault("name") ?? email, roles, password, unit, ct);
                    services.GetRequiredService<EventLog>().Record(Actor, PlatformActivities.StaffUserCreated,
                        [new EventLogObject("staff-user", user.Id.ToString(), Role.Subject), .. unit is { } un ? [new EventLogObject("unit", un.ToString(), Role.Unit)] : Array.Empty<EventLogObject>()],
                        new Dictionary<string, object?> { ["roles"] = user.RoleList });
                    await db.SaveChangesAsync(ct);
                    Console.Out.WriteLine($"Account {user.Email} created ({string.Join(", ", user.RoleList)}), id {user.Id}.");
                    return 0;
                }

                case ["users", "password"]:
                case ["users", "roles"]:
                {
                    var email = StaffUser.Normalize(Required(options, "email"));
                    var user = await db.Set<StaffUser>().FirstOrDefaultAsync(x => x.Email == email, ct)
                        ?? throw new ArgumentException($"There is no account for {email}.");
                    var accounts = services.GetRequiredService<StaffAccounts>();
                    var subject = new EventLogObject("staff-user", user.Id.ToString(), Role.Subject);
                    if (words[1] == "password")
                    {
                        accounts.ChangePassword(user, (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "");
                        services.GetRequiredService<EventLog>().Record(Actor, PlatformActivities.PasswordChanged, [subject]);
                    }
                    else if (accounts.ChangeRoles(user, Required(options, "role").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
                        services.GetRequiredService<EventLog>().Record(Actor, PlatformActivities.RolesChanged, [subject], new Dictionary<string, object?> { ["roles"] = user.RoleList });
                    await db.SaveChangesAsync(ct);
                    Console.Out.WriteLine($"Account {user.Email} changed ({string.Join(", ", user.RoleList)}); its sessions have ended.");
                    return 0;
                }

                case ["users", "list"]:
                    foreach (var user in await db.Set<StaffUser>().OrderBy(x => x.Email).ToListAsync(ct))
                        Console.Out.WriteLine($"{user.Id}  {user.Email,-30} {user.Roles}");
                    return 0;

                case ["token", "create"]:
                {
                    DateOnly? expires = options.GetValueOrDefault("expires") is { } e
                        ? (DateOnly.TryParseExact(e, "yyyy-MM-dd", out var day) ? day : throw new ArgumentException("--expires takes a date, yyyy-MM-dd."))
                        : null;
                    var made = await services.GetRequiredService<ApiTokens>().CreateAsync(Actor, Required(options, "email"),
                        options.GetValueOrDefault("name") ?? "cli", options.GetValueOrDefault("scopes") ?? "read,write", expires, ct);
                    if (made.Value is not { } m)
                        throw new ArgumentException(string.Join(" ", made.InvalidParams.Select(p => $"--{p.Name}: {p.Reason}")));
                    Console.Error.WriteLine($"Token {m.Token.Id} for {m.Owner.Email} ({m.Token.Scopes}{(expires is null ? "" : ", until " + expires.Value.ToString("yyyy-MM-dd"))}); it is shown once:");
                    Console.Out.WriteLine(m.PlainText);
                    return 0;
                }

                case ["token", "list"]:
                    foreach (var t in await db.Set<ApiToken>().OrderBy(x => x.CreatedAt).ToListAsync(ct))
                        Console.Out.WriteLine($"{t.Id}  {t.Name,-20} user {t.UserId}  {t.Scopes,-20} {(t.RevokedAt is not null ? "revoked" : t.ExpiresAt is { } x && x <= DateTimeOffset.UtcNow ? "expired" : "active")}  last used {t.LastUsedAt?.ToString("u") ?? "never"}");
                    return 0;

                case ["catalogue", ..]:
                    return await Orient.Cpsv.CatalogueCommands.RunAsync(words, options, services, Console.Out, Console.Error, ct);

                case ["token", "revoke"]:
                {
                    var revoked = await services.GetRequiredService<ApiTokens>().RevokeAsync(Actor, Guid.Parse(Required(options, "id")), ct);
                    if (revoked.Value is null) throw new ArgumentException(revoked.Title);
                    Console.Out.WriteLine($"Token {revoked.Value.Id} revoked.");
                    return 0;
                }
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("guichet: " + e.Message);
            return 2;
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine("guichet: " + e.Message);
            return 2;
        }

        Console.Error.WriteLine("guichet: unknown command. " + Usage);
        return 2;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"--{name} is required.");

    private static (string[] Words, Dictionary<string, string> Options) Parse(string[] args)
    {
        var words = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i] != "--help")
            {
                var name = args[i][2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0) options[name[..eq]] = name[(eq + 1)..];
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) options[name] = args[++i];
                else options[name] = "";
            }
            else words.Add(args[i]);
        }
        return (words.ToArray(), options);
    }

    public const string Usage = """
        Usage: guichet <command>
          migrate                                   create or upgrade the database
          seed --demo                               load the demo data into an empty database
          users add --email E --role R[,R] [--name N] [--unit ID]   (password read from stdin)
          users password --email E                  a new password (read from stdin); the account's sessions end
          users roles --email E --role R[,R]        new roles; the account's sessions end
          users list
          token create --email E [--name N] [--scopes read,write|open311] [--expires yyyy-MM-dd]
                                                    print a new API token (shown once); open311: an api_key for an Open311 client
          token list | token revoke --id ID
          catalogue export [--out FILE] [--base-uri URI]   the published catalogue as CPSV-AP 3.2 JSON-LD
          catalogue import --file FILE              import CPSV-AP 3.2 JSON-LD (validated first)
        Configuration (environment): Database__Provider=sqlite|postgres, Database__ConnectionString, Data__Directory.
        Roles: admin, editor, frontoffice, casehandler, manager.
        """;
}
