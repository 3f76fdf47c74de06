namespace Guichet.Orient.Catalogue;

/// A unit of an organisation (a department, a service, an office); units form a tree.
internal sealed class Unit : ICatalogueRecord
{
    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Slug { get; private set; } = "";
    public LocalizedText Name { get; private set; } = new();
    public DateTimeOffset UpdatedAt { get; private set; }

    private Unit() { }

    public Unit(Guid id, Guid organisationId, UnitContent content, DateTimeOffset now)
    {
        Id = id;
        OrganisationId = organisationId;
        Update(content, now);
    }

    public void Update(UnitContent c, DateTimeOffset now)
    {
        Slug = c.Slug;
        ParentId = c.ParentId;
        Name = c.Name;
        UpdatedAt = now;
    }
}

internal sealed record UnitContent(string Slug, Guid? ParentId, LocalizedText Name);

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("catalogue_units");
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.HasIndex(x => new { x.OrganisationId, x.Slug }).IsUnique();
        b.Property(x => x.Name).HasJsonConversion();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
