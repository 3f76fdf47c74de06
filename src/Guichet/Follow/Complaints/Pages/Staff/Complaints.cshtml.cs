using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Complaints.Pages.Staff;

/// The complaint officer's work list (unit staff: their unit's complaints): open ones first by
/// answer deadline, each deadline with its state (warning before, breach after).
internal sealed class ComplaintsModel(ComplaintWork work, CatalogueDirectory catalogue) : PageModel
{
    public IReadOnlyList<Complaint> Complaints { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Units { get; private set; } = new Dictionary<Guid, string>();
    public bool OpenOnly { get; private set; }
    public DateOnly Today => work.Today;
    public int WarningDays => work.WarningDays;

    public async Task OnGetAsync(bool? all, CancellationToken ct)
    {
        OpenOnly = all != true;
        Complaints = await work.ListAsync(User, OpenOnly, 500, ct);
        Units = await StaffText.UnitNamesAsync(catalogue, Complaints.Select(c => c.UnitId).OfType<Guid>(), ct);
    }
}
