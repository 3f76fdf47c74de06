using Guichet.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Orient.Catalogue.Pages.Staff;

internal sealed class ChannelsModel(GuichetDb db, CatalogueWork work) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<Channel> Channels { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Unit> Units { get; private set; } = new Dictionary<Guid, Unit>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await work.OrganisationInScopeAsync(User, id, ct);
        if (found.Value is not { } organisation) return StaffPage.Missing(this, found);
        Organisation = organisation;
        Channels = await StaffPage.ChannelsAsync(db, organisation, ct);
        Units = await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == id).ToDictionaryAsync(u => u.Id, ct);
        return Page();
    }
}
