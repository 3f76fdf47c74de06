using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// A list page of one organisation (its units, its channels), shown to those who may change it.
internal abstract class OrganisationPageModel(CatalogueWork work) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await work.OrganisationInScopeAsync(User, id, ct);
        if (found.Value is not { } organisation) return StaffPage.Missing(this, found);
        Organisation = organisation;
        await LoadAsync(ct);
        return Page();
    }

    /// What the page lists of the organisation.
    protected abstract Task LoadAsync(CancellationToken ct);
}
