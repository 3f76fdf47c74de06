using Guichet.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Orient.Catalogue.Pages.Staff;

internal sealed class UnitsModel(GuichetDb db, CatalogueWork work) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<(Unit Unit, int Depth)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await work.OrganisationInScopeAsync(User, id, ct);
        if (found.Value is not { } organisation) return StaffPage.Missing(this, found);
        Organisation = organisation;
        Units = UnitTree.Order(await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == id).ToListAsync(ct), organisation.PrimaryLanguage);
        return Page();
    }
}
