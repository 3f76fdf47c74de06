namespace Guichet.Orient.Catalogue;

internal enum Audience { Citizens, Companies }

internal enum ServiceStatus { Draft, Published }

internal enum DayCount { Calendar, Working }

internal sealed record ProcessingTime(int Days, DayCount Unit);

internal sealed record LegalResource(LocalizedText Title, string Url);

/// Keywords per language: { "fr": [...], "nl": [...], ... }.
[System.Text.Json.Serialization.JsonConverter(typeof(LocalizedKeywordsJsonConverter))]
internal sealed record LocalizedKeywords
{
    public IReadOnlyList<string> Fr { get; init; } = [];
    public IReadOnlyList<string> Nl { get; init; } = [];
    public IReadOnlyList<string> De { get; init; } = [];
    public IReadOnlyList<string> En { get; init; } = [];

    public IReadOnlyList<string> this[string language] => language switch
    {
        "fr" => Fr,
        "nl" => Nl,
        "de" => De,
        "en" => En,
        _ => [],
    };

    public IEnumerable<string> All => Fr.Concat(Nl).Concat(De).Concat(En);
}

/// A public service of the catalogue (cpsv:PublicService). Editors change a draft and publish
/// it; only published services are visible to the public, in search, the API and the exports.
internal sealed class PublicService : ICatalogueRecord
{
    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public ServiceStatus Status { get; private set; }
    public ServiceContent Content { get; private set; } = null!;

    // Copied out of Content for the unique index and for filtering by unit in SQL.
    public string Slug { get; private set; } = "";
    public Guid? UnitId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    private PublicService() { }

    public PublicService(Guid id, Guid organisationId, ServiceContent content, DateTimeOffset now)
    {
        Id = id;
        OrganisationId = organisationId;
        SetContent(content);
        Status = ServiceStatus.Draft;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public bool IsPublished => Status == ServiceStatus.Published;

    public void Edit(ServiceContent content, DateTimeOffset now)
    {
        SetContent(content);
        UpdatedAt = now;
    }

    private void SetContent(ServiceContent content)
    {
        Content = content;
        Slug = content.Slug;
        UnitId = content.UnitId;
    }

    public void Publish(DateTimeOffset now)
    {
        Status = ServiceStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    public void Unpublish(DateTimeOffset now)
    {
        Status = ServiceStatus.Draft;
        UpdatedAt = now;
    }
}

/// Everything an editor writes about a service; validated as a whole by CatalogueRules.
internal sealed record ServiceContent
{
    public required string Slug { get; init; }
    public Guid? UnitId { get; init; }
    public required LocalizedText Name { get; init; }
    public required LocalizedText Description { get; init; }
    public LocalizedKeywords Keywords { get; init; } = new();
    public IReadOnlyList<Audience> Audiences { get; init; } = [];
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> LifeEvents { get; init; } = [];
    public IReadOnlyList<string> BusinessEvents { get; init; } = [];
    public LocalizedText? Cost { get; init; }
    public IReadOnlyList<LocalizedText> Evidence { get; init; } = [];
    public LocalizedText? Output { get; init; }
    public IReadOnlyList<LegalResource> LegalResources { get; init; } = [];
    public ProcessingTime? ProcessingTime { get; init; }
    public LocalizedText? AppealSummary { get; init; }
    public IReadOnlyList<Guid> ChannelIds { get; init; } = [];
}

internal sealed class PublicServiceConfiguration : IEntityTypeConfiguration<PublicService>
{
    public void Configure(EntityTypeBuilder<PublicService> b)
    {
        b.ToTable("catalogue_services");
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.Status, x.OrganisationId });
        b.Property(x => x.Content).HasJsonConversion();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
