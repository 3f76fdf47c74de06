namespace Guichet.Orient.Catalogue;

internal enum OrganisationKind { Municipality, Federal, Regional, Community, Other }

/// A public organisation. An external one is another body: its services are listed only as
/// referrals, so that a search never dead-ends ("not ours, but here is who").
internal sealed class Organisation : Guichet.Platform.EventLog.IJournaled
{
    public Guid Id { get; private set; }
    public string Slug { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    public string PrimaryLanguage { get; private set; } = "fr";
    public bool External { get; private set; }
    public LocalizedText Name { get; private set; } = new();
    public LocalizedText Description { get; private set; } = new();
    public string? Homepage { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Organisation() { }

    public Organisation(Guid id, OrganisationContent content, DateTimeOffset now)
    {
        Id = id;
        Apply(content, now);
    }

    public void Update(OrganisationContent content, DateTimeOffset now) => Apply(content, now);

    private void Apply(OrganisationContent c, DateTimeOffset now)
    {
        Slug = c.Slug;
        Kind = c.Kind;
        PrimaryLanguage = c.PrimaryLanguage;
        External = c.External;
        Name = c.Name;
        Description = c.Description ?? new LocalizedText();
        Homepage = c.Homepage;
        UpdatedAt = now;
    }
}

internal sealed record OrganisationContent(
    string Slug,
    OrganisationKind Kind,
    string PrimaryLanguage,
    bool External,
    LocalizedText Name,
    LocalizedText? Description,
    string? Homepage);

/// A unit, channel or service: a record of one organisation, with a slug of its own. Changing one
/// is journaled (IJournaled): the use cases record an activity with every change.
internal interface ICatalogueRecord : Guichet.Platform.EventLog.IJournaled
{
    Guid Id { get; }
    Guid OrganisationId { get; }
    string Slug { get; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("catalogue_organisations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PrimaryLanguage).HasMaxLength(2);
        b.Property(x => x.Name).HasJsonConversion();
        b.Property(x => x.Description).HasJsonConversion();
        b.Property(x => x.Homepage).HasMaxLength(2000);
    }
}
