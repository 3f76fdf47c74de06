using Microsoft.EntityFrameworkCore.Design;

namespace Guichet.Platform.Data;

// Used only by `dotnet ef migrations add` (scripts/new-migration.sh): one migrations set per provider.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGuichetDb>
{
    public SqliteGuichetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGuichetDb>
{
    public PostgresGuichetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGuichetDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
