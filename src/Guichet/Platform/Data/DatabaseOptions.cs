namespace Guichet.Platform.Data;

/// Configuration section "Database". Provider "sqlite" (default, embedded) or "postgres".
internal sealed class DatabaseOptions
{
    public string Provider { get; set; } = "sqlite";

    /// Used for PostgreSQL; for SQLite, defaults to guichet.db in the data directory.
    public string? ConnectionString { get; set; }

    /// Apply migrations at start-up (the embedded default). Production may run `guichet migrate` instead.
    public bool MigrateOnStart { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);
}
