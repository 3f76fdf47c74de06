namespace Guichet.Platform.Data;

/// The one database of Guichet. Each module configures its own tables (prefixed with the
/// module's name) with IEntityTypeConfiguration classes in its own folder; they are all picked
/// up here. The provider-specific subclasses only exist to carry one migrations set each.
internal abstract class GuichetDb : DbContext
{
    protected GuichetDb(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GuichetDb).Assembly);
    }
}

internal sealed class SqliteGuichetDb(DbContextOptions<SqliteGuichetDb> options) : GuichetDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset stored as text; UTC ticks sort correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

internal sealed class PostgresGuichetDb(DbContextOptions<PostgresGuichetDb> options) : GuichetDb(options);
