using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Public.Pages;

/// The organisations of the catalogue: ours first, then the other bodies we refer to.
internal sealed class OrganisationsModel(PublicCatalogue catalogue) : PageModel
{
    public IReadOnlyList<Organisation> Own { get; private set; } = [];
    public IReadOnlyList<Organisation> Others { get; private set; } = [];
    public IReadOnlyDictionary<Guid, int> Counts { get; private set; } = new Dictionary<Guid, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisations = await catalogue.OrganisationsAsync(ct);
        Own = [.. organisations.Where(o => !o.External)];
        Others = [.. organisations.Where(o => o.External)];
        Counts = await catalogue.ServiceCountsAsync(ct);
    }
}
