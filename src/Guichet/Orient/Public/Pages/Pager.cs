using Guichet.Orient.Search;

namespace Guichet.Orient.Public.Pages;

/// Which page of results is shown, and the address of any other page (same query, other page).
internal sealed record Pager(int Current, int Count, Func<int, string> UrlOf)
{
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// The page asked for with ?page= (read from the query: "page" is also the Razor Pages route
    /// value naming the page, which model binding would find first); 1 when absent or not a number.
    public static int Requested(HttpRequest request) =>
        int.TryParse(request.Query["page"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var page) ? Math.Max(1, page) : 1;

    /// A page number kept between 1 and the last page.
    public static int Clamp(int requested, int total, int pageSize) => Math.Clamp(requested, 1, PageCount(total, pageSize));
}

/// One page of search results as cards, with its pager: the page the query asks for, or the last
/// one when it asks beyond the results.
internal sealed record ResultsPage(int Total, IReadOnlyList<ServiceGlance> Results, Pager Pager)
{
    public static async Task<ResultsPage> SearchAsync(ServiceSearch search, SearchQuery query, Func<int, string> urlOf,
        DateTimeOffset now, WorkingCalendar calendar, Texts texts, CancellationToken ct)
    {
        var results = await search.SearchAsync(query, ct);
        var page = Pager.Clamp(query.Page, results.Total, query.PageSize);
        if (page != query.Page) results = await search.SearchAsync(query with { Page = page }, ct);
        return new(results.Total, [.. results.Hits.Select(h => ServiceGlance.From(h.Entry, now, calendar, texts))],
            new Pager(page, Pager.PageCount(results.Total, query.PageSize), urlOf));
    }
}
