using Guichet.Improve.Measures;
using Guichet.Improve.Processes.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Processes.Pages.Staff;

/// The process inventory of the organisation: per organisation, every service with its channels,
/// case types and statutory time, and its declared process (owner, version, steps).
internal sealed class InventoryModel(ProcessWork work) : PageModel
{
    public IReadOnlyList<InventoryOrganisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await work.InventoryAsync(ct);

    /// The inventory as CSV or JSON for the signed-in reader (the API itself takes bearer tokens only).
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(await work.CsvAsync(ct), "text/csv; charset=utf-8", "process-inventory.csv");

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct) =>
        new JsonResult(ProcessesApi.InventoryOf(await work.InventoryAsync(ct)), MeasureExport.Json);
}
