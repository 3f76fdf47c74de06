using Guichet.Demo;

namespace Guichet;

/// What happens before the first request: the schema is created or migrated, and an empty
/// database gets the demo data (both can be switched off in configuration).
internal static class Setup
{
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        if (scope.ServiceProvider.GetRequiredService<DatabaseOptions>().MigrateOnStart)
            await DataModule.MigrateAsync(db);
        // The journal's key exists before any use case needs it (made inside a use case's write
        // transaction, it would wait for that transaction on SQLite).
        scope.ServiceProvider.GetRequiredService<Platform.EventLog.JournalKey>().Ensure();
        if (configuration.GetValue("Demo:SeedIfEmpty", true) && await DemoData.SeedIfEmptyAsync(scope.ServiceProvider, CancellationToken.None) is { } loaded)
            DemoData.PrintLogins(output, loaded);
    }
}
