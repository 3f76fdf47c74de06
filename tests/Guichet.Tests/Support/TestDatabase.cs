using Microsoft.Data.Sqlite;
using Npgsql;

namespace Guichet.Tests.Support;

/// The database a test host runs on: SQLite by default, PostgreSQL when the test script sets
/// GUICHET_TEST_DB=postgres and GUICHET_TEST_PG (a connection string to a server it started).
/// Each host gets a database of its own, dropped at the end.
public sealed class TestDatabase : IAsyncDisposable
{
    public static string Provider => Environment.GetEnvironmentVariable("GUICHET_TEST_DB") is "postgres" ? "postgres" : "sqlite";

    public string ConnectionString { get; }
    public string Directory { get; }
    private readonly string? _postgresName;

    private TestDatabase(string connectionString, string directory, string? postgresName)
    {
        ConnectionString = connectionString;
        Directory = directory;
        _postgresName = postgresName;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "guichet-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        if (Provider == "sqlite")
            return new TestDatabase(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "guichet.db"), DefaultTimeout = 30 }.ToString(), dir, null);

        var server = Environment.GetEnvironmentVariable("GUICHET_TEST_PG")
            ?? throw new InvalidOperationException("GUICHET_TEST_PG is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        var name = "guichet_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        return new TestDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), dir, name);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("GUICHET_TEST_PG"));
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
