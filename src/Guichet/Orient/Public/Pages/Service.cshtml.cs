using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Public.Pages;

/// Everything about one published service: what it is, for whom, what to bring, what it costs and
/// gives, how long it takes, the law and the appeal; who provides it and every way to reach them.
internal sealed class ServiceModel(PublicCatalogue catalogue, CodeLists codes, WorkingCalendar calendar, TimeProvider time, Texts texts,
    IEnumerable<IWaitingTimes> waitingTimes, IEnumerable<IServiceActions> actions, Platform.Web.PublicUrls urls) : PageModel
{
    public CatalogueEntry Entry { get; private set; } = null!;
    public ServiceContent Service => Entry.Service.Content;
    public string Primary => Entry.Organisation.PrimaryLanguage;
    public Shown Name { get; private set; } = null!;
    public Shown Description { get; private set; } = null!;
    public Shown OrganisationName { get; private set; } = null!;
    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];
    public IReadOnlyList<TopicLink> Topics { get; private set; } = [];

    /// What the customer can do here (book, write), offered by later stages.
    public IReadOnlyList<ServiceAction> Actions { get; private set; } = [];
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var entry = await catalogue.ServiceAsync(slug, ct);
        if (entry is null) return NotFound();
        Entry = entry;
        Name = Shown.Of(Service.Name, Primary);
        Description = Shown.Of(Service.Description, Primary);
        OrganisationName = Shown.Of(entry.Organisation.Name, Primary);
        var now = time.GetUtcNow();
        var waits = new Dictionary<Guid, int>();
        foreach (var source in waitingTimes)
            foreach (var wait in await source.ForServiceAsync(entry.Service.Id, ct))
                waits.TryAdd(wait.ChannelId, wait.Minutes);
        Channels = [.. entry.Channels.Select(c => ChannelView.From(c, Primary, now, calendar, texts, detailed: true) with { WaitMinutes = waits.TryGetValue(c.Id, out var m) ? m : null })];
        var offered = new List<ServiceAction>();
        foreach (var source in actions)
            offered.AddRange(await source.ForServiceAsync(entry.Service.Id, ct));
        Actions = offered;
        Topics = [.. Topic(TopicKind.LifeEvents, Service.LifeEvents), .. Topic(TopicKind.BusinessEvents, Service.BusinessEvents), .. Topic(TopicKind.Themes, Service.Themes)];
        var pageUrl = urls.Absolute($"/services/{entry.Service.Slug}");
        JsonLd = GovernmentServiceJsonLd.Write(entry, pageUrl, now, calendar, codes, texts);
        return Page();
    }

    private IEnumerable<TopicLink> Topic(TopicKind kind, IEnumerable<string> values)
    {
        var list = TopicLink.Codes(kind, codes);
        return values.Where(list.ContainsKey).Select(code => new TopicLink(kind, code, TopicLink.LabelOf(list[code]), 0));
    }

    public string ProcessingTime(ProcessingTime time) =>
        texts[$"public.processing.{time.Unit.ToString().ToLowerInvariant()}-{(time.Days == 1 ? "one" : "many")}", time.Days];
}
