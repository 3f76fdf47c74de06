namespace Guichet.Orient.Catalogue;

internal enum ChannelKind { Counter, Phone, Email, Web, Post }

internal sealed record PostalAddress(string Street, string Postcode, LocalizedText City);

/// A way to reach an organisation: a counter (with an address), a phone line, an e-mail
/// address, a website or form, a postal address. Counters and phone lines have opening hours.
internal sealed class Channel : ICatalogueRecord
{
    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? UnitId { get; private set; }
    public string Slug { get; private set; } = "";
    public ChannelKind Kind { get; private set; }
    public LocalizedText Name { get; private set; } = new();
    public PostalAddress? Address { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Url { get; private set; }
    public OpeningHours? OpeningHours { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Channel() { }

    public Channel(Guid id, Guid organisationId, ChannelContent content, DateTimeOffset now)
    {
        Id = id;
        OrganisationId = organisationId;
        Update(content, now);
    }

    public void Update(ChannelContent c, DateTimeOffset now)
    {
        UnitId = c.UnitId;
        Slug = c.Slug;
        Kind = c.Kind;
        Name = c.Name;
        Address = c.Address;
        Latitude = c.Latitude;
        Longitude = c.Longitude;
        Phone = c.Phone;
        Email = c.Email;
        Url = c.Url;
        OpeningHours = c.OpeningHours;
        UpdatedAt = now;
    }

    public void SetOpeningHours(OpeningHours? hours, DateTimeOffset now)
    {
        OpeningHours = hours;
        UpdatedAt = now;
    }
}

internal sealed record ChannelContent(
    string Slug,
    ChannelKind Kind,
    Guid? UnitId,
    LocalizedText Name,
    PostalAddress? Address,
    double? Latitude,
    double? Longitude,
    string? Phone,
    string? Email,
    string? Url,
    OpeningHours? OpeningHours);

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> b)
    {
        b.ToTable("catalogue_channels");
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasJsonConversion();
        b.Property(x => x.Address).HasJsonConversion();
        b.Property(x => x.OpeningHours).HasJsonConversion();
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Url).HasMaxLength(2000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
