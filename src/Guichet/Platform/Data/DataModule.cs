using Microsoft.Data.Sqlite;

namespace Guichet.Platform.Data;

internal static class DataModule
{
    /// The provider is read when the first context is made, not at registration, so that test
    /// hosts and the command line can set it through ordinary configuration.
    public static IServiceCollection AddData(this IServiceCollection services)
    {
        services.AddSingleton(sp => Read(sp.GetRequiredService<IConfiguration>()));
        services.AddDbContext<SqliteGuichetDb>((sp, o) =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var options = sp.GetRequiredService<DatabaseOptions>();
            o.UseSqlite(options.ConnectionString ?? configuration.GetConnectionString("Guichet") ?? DefaultSqlite(configuration));
            if (configuration.GetValue<bool>("Journal:Guard")) o.AddInterceptors(new EventLog.JournalGuard());
        });
        services.AddDbContext<PostgresGuichetDb>((sp, o) =>
        {
            var options = sp.GetRequiredService<DatabaseOptions>();
            var cs = options.ConnectionString
                ?? sp.GetRequiredService<IConfiguration>().GetConnectionString("Guichet")
                ?? throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL.");
            o.UseNpgsql(cs);
            if (sp.GetRequiredService<IConfiguration>().GetValue<bool>("Journal:Guard")) o.AddInterceptors(new EventLog.JournalGuard());
        });
        services.AddScoped<GuichetDb>(sp => sp.GetRequiredService<DatabaseOptions>().IsPostgres
            ? sp.GetRequiredService<PostgresGuichetDb>()
            : sp.GetRequiredService<SqliteGuichetDb>());
        return services;
    }

    private static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider.ToLowerInvariant() is not ("sqlite" or "postgres"))
            throw new InvalidOperationException($"Database:Provider must be 'sqlite' or 'postgres', not '{options.Provider}'.");
        return options;
    }

    public static string DataDirectory(IConfiguration configuration)
    {
        var dir = Path.GetFullPath(configuration["Data:Directory"] ?? "data");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string DefaultSqlite(IConfiguration configuration) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(DataDirectory(configuration), "guichet.db"),
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// Creates or upgrades the schema. WAL lets readers go on while one writer commits.
    public static async Task MigrateAsync(GuichetDb db, CancellationToken ct = default)
    {
        // Before the first release the migrations were squashed into one baseline (ADR 0013): a
        // database made by an earlier development build cannot be upgraded, and says so.
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"This database was made by an earlier development build of Guichet (migration {unknown[0]} is unknown to this one). " +
                "Move its data folder (or database) away and start again: a new database is made with the demo data.");
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
