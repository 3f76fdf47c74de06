using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;

namespace Guichet.Platform.Data;

/// The one database of Guichet. Each module configures its own tables (prefixed with the
/// module's name) with IEntityTypeConfiguration classes in its own folder; they are all picked
/// up here. The provider-specific subclasses only exist to carry one migrations set each.
internal abstract class GuichetDb : DbContext, IDataProtectionKeyContext
{
    protected GuichetDb(DbContextOptions options) : base(options) { }

    /// The data-protection key ring (DataProtectionKeys, ADR 0015).
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GuichetDb).Assembly);
        // The framework's entity, without a file of ours to configure it in.
        modelBuilder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");
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
