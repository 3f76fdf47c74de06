using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Public.Pages;

// Browsing by a code list: the list with its service counts (/life-events), and the services of
// one code (/life-events/{code}) as result cards. Life events, business events and themes work
// the same; each page only says which list it is.

internal abstract class TopicListModel(TopicKind kind, PublicCatalogue catalogue, CodeLists codes) : PageModel
{
    public TopicKind Kind => kind;
    public string TextKey => TopicTexts.Key(kind);
    public IReadOnlyList<TopicLink> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Topics = TopicLink.List(kind, codes, TopicLink.CountCodes(await catalogue.PublishedContentsAsync(ct), kind), withServicesOnly: false);
}

internal abstract class TopicModel(TopicKind kind, ServiceSearch search, CodeLists codes, WorkingCalendar calendar, TimeProvider time, Texts texts) : PageModel
{
    public const int PageSize = 20;

    public TopicKind Kind => kind;
    public string TextKey => TopicTexts.Key(kind);
    public string Code { get; private set; } = "";
    public Shown Label { get; private set; } = null!;
    public int Total { get; private set; }
    public IReadOnlyList<ServiceGlance> Results { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!TopicLink.Codes(kind, codes).TryGetValue(code, out var label)) return NotFound();
        Code = code;
        Label = TopicLink.LabelOf(label);
        var query = TopicLink.Filter(kind, new SearchQuery { Language = Languages.Current, Page = Pager.Requested(Request), PageSize = PageSize }, code);
        var path = $"{TopicLink.Path(kind)}/{code}";
        (Total, Results, Pager) = await ResultsPage.SearchAsync(search, query, n => n == 1 ? path : $"{path}?page={n}", time.GetUtcNow(), calendar, texts, ct);
        return Page();
    }
}

internal static class TopicTexts
{
    public static string Key(TopicKind kind) => kind switch
    {
        TopicKind.LifeEvents => "life-events",
        TopicKind.BusinessEvents => "business-events",
        _ => "themes",
    };
}

internal sealed class LifeEventsModel(PublicCatalogue catalogue, CodeLists codes) : TopicListModel(TopicKind.LifeEvents, catalogue, codes);

internal sealed class BusinessEventsModel(PublicCatalogue catalogue, CodeLists codes) : TopicListModel(TopicKind.BusinessEvents, catalogue, codes);

internal sealed class ThemesModel(PublicCatalogue catalogue, CodeLists codes) : TopicListModel(TopicKind.Themes, catalogue, codes);

internal sealed class LifeEventModel(ServiceSearch search, CodeLists codes, WorkingCalendar calendar, TimeProvider time, Texts texts)
    : TopicModel(TopicKind.LifeEvents, search, codes, calendar, time, texts);

internal sealed class BusinessEventModel(ServiceSearch search, CodeLists codes, WorkingCalendar calendar, TimeProvider time, Texts texts)
    : TopicModel(TopicKind.BusinessEvents, search, codes, calendar, time, texts);

internal sealed class ThemeModel(ServiceSearch search, CodeLists codes, WorkingCalendar calendar, TimeProvider time, Texts texts)
    : TopicModel(TopicKind.Themes, search, codes, calendar, time, texts);
