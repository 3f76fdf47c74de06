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

    /// Adds a new stamp to the pending changes: every use case that changes the catalogue calls
    /// this before its SaveChanges, so the stamp commits with the change. An UPDATE without
    /// reading the row first: the stamp only has to differ from every earlier one.
    public static void Bump(DbContext db)
    {
        var tracked = db.ChangeTracker.Entries<CatalogueVersion>().FirstOrDefault();
        if (tracked is not null) tracked.State = EntityState.Detached;
        db.Attach(new CatalogueVersion(SingletonId, Guid.NewGuid())).Property(x => x.Stamp).IsModified = true;
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

/// Changes saved on this node, counted by the use cases after each catalogue save, so that the
/// node's own edits show in search at once (other nodes see them at their next stamp check).
internal sealed class CatalogueChanges
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Saved() => Interlocked.Increment(ref _count);
}
