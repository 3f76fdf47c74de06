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
            var connectionString = options.ConnectionString ?? configuration.GetConnectionString("Guichet") ?? DefaultSqlite(configuration);
            CreatePrivately(connectionString);
            o.UseSqlite(connectionString);
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

    /// The data folder, made readable by its owner only (0700) when Guichet creates it: it holds
    /// the SQLite database with every customer's data.
    public static string DataDirectory(IConfiguration configuration)
    {
        var dir = Path.GetFullPath(configuration["Data:Directory"] ?? "data");
        if (!Directory.Exists(dir))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
            else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return dir;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Prepared = new();

    /// Creates the SQLite file, before SQLite does, readable and writable by its owner only
    /// (0600; SQLite gives its -wal and -shm files the same mode). An existing file is left as it is.
    internal static void CreatePrivately(string connectionString)
    {
        if (OperatingSystem.IsWindows() || Prepared.ContainsKey(connectionString)) return;
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return;
        var path = Path.GetFullPath(source);
        if (!File.Exists(path) && Directory.Exists(Path.GetDirectoryName(path)))
        {
            try
            {
                using var _ = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            }
            catch (IOException) when (File.Exists(path)) { } // made by another context in the meantime
        }
        Prepared[connectionString] = true;
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
