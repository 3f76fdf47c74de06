using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Queue.Pages.Staff;

/// The front office's way in: the offices of their organisation and their desks.
[Authorize(Policy = Acts.QueueServe)]
internal sealed class DesksModel(GuichetDb db, CatalogueDirectory catalogue) : PageModel
{
    public List<OfficeView> Offices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await QueueScope.OfAsync(User, catalogue, ct);
        Offices = await OfficeView.LoadAsync(db, catalogue, scope.Apply(db.Set<QueueOffice>()), ct);
    }
}
