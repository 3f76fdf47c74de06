using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Public.Pages;

/// The front door: search, or browse by life event, business event, theme or organisation.
internal sealed class HomeModel(PublicCatalogue catalogue, CodeLists codes) : PageModel
{
    public IReadOnlyList<TopicLink> LifeEvents { get; private set; } = [];
    public IReadOnlyList<TopicLink> BusinessEvents { get; private set; } = [];
    public IReadOnlyList<TopicLink> Themes { get; private set; } = [];
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var contents = await catalogue.PublishedContentsAsync(ct);
        IReadOnlyList<TopicLink> List(TopicKind kind) => TopicLink.List(kind, codes, TopicLink.CountCodes(contents, kind), withServicesOnly: true);
        LifeEvents = List(TopicKind.LifeEvents);
        BusinessEvents = List(TopicKind.BusinessEvents);
        Themes = List(TopicKind.Themes);
        Organisations = [.. (await catalogue.OrganisationsAsync(ct)).Where(o => !o.External)];
    }
}
