using Guichet.Improve.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Proposals.Pages.Staff;

/// The yearly improvement report: per organisation, the proposals made or done in the year within
/// the reader's units, counted by status, each with its measured effect; CSV and JSON.
internal sealed class ReportModel(ProposalWork work, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IReadOnlyList<ProposalReport> Reports { get; private set; } = [];
    public Guichet.Platform.Web.Forms.FieldErrors Errors { get; } = new(texts, "proposals");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await work.ReportAsync(User, Year, ct);
        if (result.Value is { } reports)
        {
            Reports = reports;
            Year ??= reports.FirstOrDefault()?.Year;
        }
        else
        {
            Errors.Add(result.InvalidParams);
            Response.StatusCode = result.Status;
        }
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if ((await work.ReportAsync(User, Year, ct)).Value is not { Count: > 0 } reports) return await OnGetAsync(ct);
        var file = ProposalExport.ReportCsv(reports[0].Year, reports);
        return File(file.Content, file.MediaType, file.Name);
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        if ((await work.ReportAsync(User, Year, ct)).Value is not { } reports) return await OnGetAsync(ct);
        return new JsonResult(reports.Select(ProposalExport.Report).ToList(), MeasureExport.Json);
    }
}
