using System.Globalization;
using Guichet.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Guichet.Bench;

/// A fresh private database of one provider for one scenario: a new database on the PostgreSQL
/// that run.sh started, or a SQLite file in a temporary folder; the app's connection string and
/// the baseline's (same file or server, same settings as the app's).
internal sealed class BenchDatabase(string provider, string connectionString, string bareConnectionString, string? sqliteDirectory) : IAsyncDisposable
{
    public string Provider => provider;
    public bool IsPostgres => provider == "postgres";
    public string Name => IsPostgres ? "PostgreSQL" : "SQLite";
    public string ConnectionString => connectionString;
    public string BareConnectionString => bareConnectionString;

    public static string[] Providers(string option) => option switch
    {
        "both" => ["postgres", "sqlite"],
        "postgres" or "sqlite" => [option],
        _ => throw new ArgumentException("--provider is postgres, sqlite or both"),
    };

    public static async Task<BenchDatabase> CreateAsync(BenchOptions o, string provider, string scenario)
    {
        if (provider == "postgres")
        {
            var name = "guichet_bench_" + scenario;
            await using (var admin = new NpgsqlConnection(o.PostgresServer))
            {
                await admin.OpenAsync();
                await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin)) await drop.ExecuteNonQueryAsync();
                await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin)) await create.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(o.PostgresServer) { Database = name }.ToString();
            return new BenchDatabase(provider, cs, cs, null);
        }
        var dir = Directory.CreateTempSubdirectory($"guichet-bench-{scenario}-").FullName;
        var path = Path.Combine(dir, "guichet.db");
        // The app's own default for SQLite (DataModule.DefaultSqlite), pointed at this file; the
        // baseline turns foreign keys on as EF Core does for its connections.
        var app = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        var bare = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30, ForeignKeys = true }.ToString();
        return new BenchDatabase(provider, app, bare, dir);
    }

    /// How the app is configured on this database: a deployment's environment variables, no demo
    /// data loaded at start (the scenario seeds it with `seed --demo`), the mail outbox's sender
    /// off (its rows are still written in each transaction; sending is not what is measured).
    public Dictionary<string, string> AppEnvironment(IReadOnlyDictionary<string, string>? more = null)
    {
        var env = new Dictionary<string, string>
        {
            ["Database__Provider"] = provider,
            ["Database__ConnectionString"] = connectionString,
            ["Demo__SeedIfEmpty"] = "false",
            ["Outbox__Enabled"] = "false",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string>()) env[k] = v;
        return env;
    }

    public GuichetDb Context() => IsPostgres
        ? new PostgresGuichetDb(new DbContextOptionsBuilder<PostgresGuichetDb>().UseNpgsql(connectionString).Options)
        : new SqliteGuichetDb(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite(connectionString).Options);

    /// A scalar query with the bare driver (reads after a run: counts, checks).
    public async Task<long> ScalarAsync(string sql)
    {
        if (IsPostgres)
        {
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 300 };
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        await using var lite = new SqliteConnection(bareConnectionString);
        await lite.OpenAsync();
        await using var c = lite.CreateCommand();
        c.CommandText = sql;
        return Convert.ToInt64(await c.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        if (IsPostgres)
        {
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 300 };
            await cmd.ExecuteNonQueryAsync();
            return;
        }
        await using var lite = new SqliteConnection(bareConnectionString);
        await lite.OpenAsync();
        await using var c = lite.CreateCommand();
        c.CommandText = sql;
        await c.ExecuteNonQueryAsync();
    }

    public async Task<string?> TextAsync(string sql)
    {
        if (IsPostgres)
        {
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn);
            return await cmd.ExecuteScalarAsync() as string;
        }
        await using var lite = new SqliteConnection(bareConnectionString);
        await lite.OpenAsync();
        await using var c = lite.CreateCommand();
        c.CommandText = sql;
        return await c.ExecuteScalarAsync() as string;
    }

    /// The server and the settings the numbers were measured with.
    public async Task<string> DescribeAsync()
    {
        if (!IsPostgres)
        {
            await using var db = Context();
            await db.Database.OpenConnectionAsync(); // as EF opens them, with its connection set-up
            var lite = (SqliteConnection)db.Database.GetDbConnection();
            string Pragma(string name)
            {
                using var cmd = lite.CreateCommand();
                cmd.CommandText = "PRAGMA " + name;
                return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "?";
            }
            using var v = lite.CreateCommand();
            v.CommandText = "select sqlite_version()";
            return $"SQLite {v.ExecuteScalar()} (journal_mode {Pragma("journal_mode")}, synchronous {Pragma("synchronous")}: 2 = FULL, the library's default)";
        }
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd2 = new NpgsqlCommand("SELECT current_setting('server_version') || ', fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit') || ', shared_buffers ' || current_setting('shared_buffers') || ', max_connections ' || current_setting('max_connections')", conn);
        return "PostgreSQL " + (string)(await cmd2.ExecuteScalarAsync())!;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public ValueTask DisposeAsync()
    {
        if (sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(sqliteDirectory, recursive: true); } catch (IOException) { }
        }
        return ValueTask.CompletedTask;
    }
}
