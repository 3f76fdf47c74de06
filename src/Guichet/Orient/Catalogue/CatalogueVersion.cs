using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Orient.Catalogue;

/// The catalogue's version stamp: one row whose value changes, in the same transaction, with
/// every change to an organisation, unit, channel or service. Each app node compares it with the
/// stamp its search index was built from, so several nodes on one database stay consistent
/// without messaging (ADR 0005).
internal sealed class CatalogueVersion
{
    public const int SingletonId = 1;
    public static readonly Guid Initial = new("6a1c9d3e-0000-4000-8000-000000000001");

    public int Id { get; private set; }
    public Guid Stamp { get; private set; }

    private CatalogueVersion() { }

    public CatalogueVersion(int id, Guid stamp)
    {
        Id = id;
        Stamp = stamp;
    }
}

internal sealed class CatalogueVersionConfiguration : IEntityTypeConfiguration<CatalogueVersion>
{
    public void Configure(EntityTypeBuilder<CatalogueVersion> b)
    {
        b.ToTable("catalogue_version");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new CatalogueVersion(CatalogueVersion.SingletonId, CatalogueVersion.Initial));
    }
}

/// Changes on this node, counted after each save that touched the catalogue, so that the node's
/// own edits show in search at once (other nodes see them at their next stamp check).
internal sealed class CatalogueChanges
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Saved() => Interlocked.Increment(ref _count);
}

/// Writes a new stamp with every save that adds or changes catalogue entities.
internal sealed class CatalogueVersionInterceptor(CatalogueChanges changes) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static bool Touches(DbContext context) => context.ChangeTracker.Entries().Any(e =>
        e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && e.Entity is Organisation or Unit or Channel or PublicService);

    private static void Stamp(DbContext? context)
    {
        if (context is null || !Touches(context)) return;
        var tracked = context.ChangeTracker.Entries<CatalogueVersion>().FirstOrDefault();
        if (tracked is not null) tracked.State = EntityState.Detached;
        // An UPDATE without reading the row first: the stamp only has to differ from every earlier one.
        var entry = context.Attach(new CatalogueVersion(CatalogueVersion.SingletonId, Guid.NewGuid()));
        entry.Property(x => x.Stamp).IsModified = true;
    }

    private void Saved(DbContext? context)
    {
        if (context is null) return;
        var stamps = context.ChangeTracker.Entries<CatalogueVersion>().ToList();
        if (stamps.Count == 0) return;
        foreach (var stamp in stamps) stamp.State = EntityState.Detached;
        changes.Saved();
    }
}
