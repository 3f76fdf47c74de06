using Microsoft.AspNetCore.Mvc;

namespace Guichet.Improve.Measures.Pages.Staff;

/// The manager's dashboard: every KPI for the filter against the previous period of equal length,
/// grouped by stage, each number linked to its detail (trend, breakdown, the cases behind it) and
/// to its definition, the whole table as CSV or JSON.
internal sealed class DashboardModel(MeasureWork work, Texts texts) : MeasuresPage(work, texts)
{
    public IReadOnlyList<Comparison> Figures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        Figures = (await Work.DashboardAsync(User, Query, ct)).Value ?? [];
        return Page();
    }

    /// The same figures as CSV or JSON (?handler=csv|json), with the page's filter.
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if ((await Work.DashboardAsync(User, Query, ct)).Value is not { } figures) return await OnGetAsync(ct);
        var file = MeasureExport.DashboardCsv(figures);
        return File(file.Content, file.MediaType, file.Name);
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        if ((await Work.DashboardAsync(User, Query, ct)).Value is not { } figures) return await OnGetAsync(ct);
        return new JsonResult(MeasureExport.Dashboard(Work.Filter(User, Query).Value!, figures), MeasureExport.Json);
    }
}
