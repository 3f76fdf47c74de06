using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Processes.Pages.Staff;

/// The process inventory of the organisation: per organisation, every service with its channels,
/// case types and statutory time, and its declared process (owner, version, steps).
internal sealed class InventoryModel(ProcessWork work) : PageModel
{
    public IReadOnlyList<InventoryOrganisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await work.InventoryAsync(ct);
}
