using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Orient.Catalogue.Pages.Staff;

internal sealed class ChannelsModel(GuichetDb db, CatalogueWork editing) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<Channel> Channels { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Unit> Units { get; private set; } = new Dictionary<Guid, Unit>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (organisation, refusal) = await StaffPage.OrganisationAsync(this, db, editing, id, ct);
        if (organisation is null) return refusal!;
        Organisation = organisation;
        Channels = [.. (await db.Set<Channel>().AsNoTracking().Where(c => c.OrganisationId == id).ToListAsync(ct))
            .OrderBy(c => c.Kind).ThenBy(c => c.Name.Resolve(Languages.Current, organisation.PrimaryLanguage).Text, StringComparer.CurrentCultureIgnoreCase)];
        Units = await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == id).ToDictionaryAsync(u => u.Id, ct);
        return Page();
    }
}
