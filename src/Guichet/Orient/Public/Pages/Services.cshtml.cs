using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Public.Pages;

/// Search results: free text and filters in a GET form (it works without script and the address
/// can be shared), one page of result cards, and never a dead end when nothing matches.
internal sealed class ServicesModel(ServiceSearch search, PublicCatalogue catalogue, CodeLists codes, WorkingCalendar calendar, TimeProvider time, Texts texts) : PageModel
{
    public const int PageSize = 10;
    public const int MaxQuery = 200;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "audience")] public string? AudienceCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "theme")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "organisation")] public string? OrganisationSlug { get; set; }

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public IReadOnlyList<TopicLink> Themes { get; private set; } = [];
    public IReadOnlyList<TopicLink> LifeEvents { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<ServiceGlance> Results { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, 1, _ => "/services");
    public bool HasFilters => AudienceCode is not null || Theme is not null || OrganisationSlug is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim() is var q && q.Length > MaxQuery ? q[..MaxQuery] : q;
        Organisations = await catalogue.OrganisationsAsync(ct);
        Themes = TopicLink.List(TopicKind.Themes, codes, new Dictionary<string, int>(), withServicesOnly: false);

        // A value the form does not offer (an old link, a hand-edited address) filters nothing.
        Audience? audience = AudienceCode switch { "citizens" => Audience.Citizens, "companies" => Audience.Companies, _ => null };
        if (audience is null) AudienceCode = null;
        if (Theme is not null && !codes.Themes.ContainsKey(Theme)) Theme = null;
        var organisation = Organisations.FirstOrDefault(o => o.Slug == OrganisationSlug);
        if (organisation is null) OrganisationSlug = null;

        var query = new SearchQuery
        {
            Text = Query,
            Language = Languages.Current,
            Audience = audience,
            Theme = Theme,
            OrganisationId = organisation?.Id,
            Page = Pager.Requested(Request),
            PageSize = PageSize,
        };
        (Total, Results, Pager) = await ResultsPage.SearchAsync(search, query, UrlOf, time.GetUtcNow(), calendar, texts, ct);
        if (Total == 0)
            LifeEvents = TopicLink.List(TopicKind.LifeEvents, codes, TopicLink.CountCodes(await catalogue.PublishedContentsAsync(ct), TopicKind.LifeEvents), withServicesOnly: true);
    }

    /// This search with other filters or another page.
    public string UrlOf(int page) => SearchUrl(Query, AudienceCode, Theme, OrganisationSlug, page);

    public static string SearchUrl(string? q, string? audience = null, string? theme = null, string? organisation = null, int page = 1)
    {
        var b = new QueryBuilder();
        if (q is not null) b.Add("q", q);
        if (audience is not null) b.Add("audience", audience);
        if (theme is not null) b.Add("theme", theme);
        if (organisation is not null) b.Add("organisation", organisation);
        if (page > 1) b.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/services" + b.ToQueryString();
    }
}
