using Guichet.Orient.Catalogue;

namespace Guichet.Orient.Search.Api;

/// One page of services, best match first (by name when there is no query text).
internal sealed record ServiceSearchResponse(int Total, int Page, int PageSize, IReadOnlyList<ServiceSummaryResponse> Items);

/// A service at a glance, its texts in the language asked for or, when missing, in the
/// organisation's primary language (<see cref="Language"/> says which).
internal sealed record ServiceSummaryResponse(
    Guid Id, string Slug, string Name, string Summary, string Language, bool Referral,
    ProviderResponse Organisation, ProviderResponse? Unit, OpenNowSummary? OpenNow, ContactResponse Contact, double Score)
{
    private const int SummaryLength = 240;

    public static ServiceSummaryResponse From(SearchHit hit, string language, OpenNowSummary? openNow)
    {
        var e = hit.Entry;
        var fallback = e.Organisation.PrimaryLanguage;
        var (name, shown) = e.Service.Content.Name.Resolve(language, fallback);
        var description = e.Service.Content.Description.Resolve(shown, fallback).Text;
        var cut = description.Length <= SummaryLength ? -1 : description.LastIndexOf(' ', SummaryLength);
        var summary = description.Length <= SummaryLength ? description : description[..(cut > 0 ? cut : SummaryLength)] + "…";
        return new(e.Service.Id, e.Service.Slug, name, summary, shown, e.IsReferral,
            new ProviderResponse(e.Organisation.Id, e.Organisation.Slug, e.Organisation.Name.Resolve(language, fallback).Text),
            e.Unit is null ? null : new ProviderResponse(e.Unit.Id, e.Unit.Slug, e.Unit.Name.Resolve(language, fallback).Text),
            openNow, ContactResponse.From(e), hit.Score);
    }
}

internal sealed record ProviderResponse(Guid Id, string Slug, string Name);

/// The first phone number, e-mail address and website among the service's channels.
internal sealed record ContactResponse(string? Phone, string? Email, string? Url)
{
    public static ContactResponse From(CatalogueEntry e) => new(
        e.Channels.Select(c => c.Phone).FirstOrDefault(p => !string.IsNullOrEmpty(p)),
        e.Channels.Select(c => c.Email).FirstOrDefault(p => !string.IsNullOrEmpty(p)),
        e.Channels.Select(c => c.Url).FirstOrDefault(p => !string.IsNullOrEmpty(p)));
}

/// A published service in full, every text in the four languages as written.
internal sealed record PublicServiceResponse(
    Guid Id, string Slug, bool Referral, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
    LocalizedText Name, LocalizedText Description, LocalizedKeywords Keywords,
    IReadOnlyList<Audience> Audiences, IReadOnlyList<string> Themes, IReadOnlyList<string> LifeEvents, IReadOnlyList<string> BusinessEvents,
    LocalizedText? Cost, IReadOnlyList<LocalizedText> Evidence, LocalizedText? Output, IReadOnlyList<LegalResource> LegalResources,
    ProcessingTime? ProcessingTime, LocalizedText? AppealSummary,
    Catalogue.Api.OrganisationResponse Organisation, Catalogue.Api.UnitResponse? Unit, IReadOnlyList<Catalogue.Api.ChannelResponse> Channels,
    OpenNowSummary? OpenNow)
{
    public static PublicServiceResponse From(CatalogueEntry e, int unitDepth, OpenNowSummary? openNow)
    {
        var s = e.Service;
        var c = s.Content;
        return new(s.Id, s.Slug, e.IsReferral, s.PublishedAt, s.UpdatedAt, c.Name, c.Description, c.Keywords,
            c.Audiences, c.Themes, c.LifeEvents, c.BusinessEvents, c.Cost, c.Evidence, c.Output, c.LegalResources, c.ProcessingTime, c.AppealSummary,
            Catalogue.Api.OrganisationResponse.From(e.Organisation), e.Unit is null ? null : Catalogue.Api.UnitResponse.From(e.Unit, unitDepth),
            [.. e.Channels.Select(Catalogue.Api.ChannelResponse.From)], openNow);
    }
}
