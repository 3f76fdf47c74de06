using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Orient.Search.Api;

/// Public search over the published catalogue: GET /api/v1/services and /api/v1/services/{id}.
internal static class SearchApi
{
    public const int MaxPageSize = 100, MaxQueryLength = 200;

    public static WebApplication MapSearchApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Search");
        api.MapGet("/services", Search).ProducesProblem(400)
            .WithSummary("Published services matching ?q= (any of the four languages, accents and case ignored, one or two typos tolerated, synonyms), ranked; filters audience=citizens|companies, theme, organisation (id), lifeEvent, businessEvent; paged with page (from 1) and pageSize (1-100). Texts in ?lang= (default: the negotiated language), each item saying which language its texts are in, with the organisation, the unit, whether it is a referral to another body, an open-now summary and the contact points.");
        api.MapGet("/services/{id:guid}", Get).ProducesProblem(404)
            .WithSummary("One published service with every text in the four languages, its organisation, unit and channels, and whether it is open now.");
        return app;
    }

    private static async Task<Results<Ok<ServiceSearchResponse>, ProblemHttpResult>> Search(
        string? q, string? lang, string? audience, string? theme, Guid? organisation, string? lifeEvent, string? businessEvent, int? page, int? pageSize,
        ServiceSearch search, CodeLists codes, WorkingCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        if (lang is not null && !Languages.IsSupported(lang)) errors.Add(new("lang", "unknown-language", "Use fr, nl, de or en."));
        Audience? audienceValue = null;
        if (audience is not null)
        {
            if (audience == "citizens") audienceValue = Audience.Citizens;
            else if (audience == "companies") audienceValue = Audience.Companies;
            else errors.Add(new("audience", "unknown-code", "Use citizens or companies."));
        }
        if (theme is not null && !codes.Themes.ContainsKey(theme)) errors.Add(new("theme", "unknown-code", "Not a theme of the catalogue's code list."));
        if (lifeEvent is not null && !codes.LifeEvents.ContainsKey(lifeEvent)) errors.Add(new("lifeEvent", "unknown-code", "Not a life event of the catalogue's code list."));
        if (businessEvent is not null && !codes.BusinessEvents.ContainsKey(businessEvent)) errors.Add(new("businessEvent", "unknown-code", "Not a business event of the catalogue's code list."));
        if (page is < 1 or > 10_000) errors.Add(new("page", "out-of-range", "From 1 to 10000."));
        if (pageSize is < 1 or > MaxPageSize) errors.Add(new("pageSize", "out-of-range", $"From 1 to {MaxPageSize}."));
        if (q is { Length: > MaxQueryLength }) errors.Add(new("q", "too-long", $"At most {MaxQueryLength} characters."));
        if (errors.Count > 0) return Problems.Validation(errors);

        var language = lang ?? Languages.Current;
        var query = new SearchQuery
        {
            Text = q, Language = language, Audience = audienceValue, Theme = theme, OrganisationId = organisation,
            LifeEvent = lifeEvent, BusinessEvent = businessEvent, Page = page ?? 1, PageSize = pageSize ?? 20,
        };
        var results = await search.SearchAsync(query, ct);
        var now = time.GetUtcNow();
        var items = results.Hits.Select(h => ServiceSummaryResponse.From(h, language, OpenNowSummary.For(h.Entry, now, calendar))).ToList();
        return TypedResults.Ok(new ServiceSearchResponse(results.Total, query.Page, query.PageSize, items));
    }

    private static async Task<Results<Ok<PublicServiceResponse>, ProblemHttpResult>> Get(
        Guid id, GuichetDb db, WorkingCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        // From the database, not the index: a service unpublished a moment ago is gone at once.
        var service = await db.Set<PublicService>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.Status == ServiceStatus.Published, ct);
        if (service is null) return Problems.NotFound("The service");
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstAsync(o => o.Id == service.OrganisationId, ct);
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == service.OrganisationId).ToListAsync(ct);
        var unit = units.FirstOrDefault(u => u.Id == service.UnitId);
        var channelIds = service.Content.ChannelIds.ToList();
        var channels = await db.Set<Channel>().AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToListAsync(ct);
        var entry = new CatalogueEntry(service, organisation, unit, [.. channelIds.Select(i => channels.FirstOrDefault(c => c.Id == i)).OfType<Channel>()]);
        var depth = 0;
        for (var parent = unit?.ParentId; parent is { } p && depth <= units.Count; parent = units.FirstOrDefault(u => u.Id == p)?.ParentId) depth++;
        return TypedResults.Ok(PublicServiceResponse.From(entry, depth, OpenNowSummary.For(entry, time.GetUtcNow(), calendar)));
    }
}
