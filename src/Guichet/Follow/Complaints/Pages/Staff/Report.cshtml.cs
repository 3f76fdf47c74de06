using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Complaints.Pages.Staff;

/// The yearly complaint report for complaint officers and managers (of their units): counts by
/// channel, category, unit and outcome, the founded share, the deadlines kept; CSV and JSON beside it.
internal sealed class ReportModel(ComplaintReport reports, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }

    public ComplaintYearReport? Report { get; private set; }
    public string? YearError { get; private set; }
    public IReadOnlyList<int> Years => [.. Enumerable.Range(Math.Max(ComplaintReport.FirstYear, reports.ThisYear - 9), Math.Min(10, reports.ThisYear - ComplaintReport.FirstYear + 1)).Reverse()];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var read = reports.ReadYear(Year, out var year);
        if (!read.Ok)
        {
            YearError = texts["complaints.error." + read.InvalidParams[0].Code];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Report = await reports.ForYearAsync(User, year, Languages.Current, ct);
        return Page();
    }

    /// The same report as CSV or JSON for the signed-in reader (the API takes bearer tokens only).
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!reports.ReadYear(Year, out var year).Ok) return await OnGetAsync(ct);
        return File(System.Text.Encoding.UTF8.GetBytes(ComplaintReport.Csv(await reports.ForYearAsync(User, year, Languages.Current, ct))), "text/csv; charset=utf-8", $"complaints-{year}.csv");
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        if (!reports.ReadYear(Year, out var year).Ok) return await OnGetAsync(ct);
        return new JsonResult(await reports.ForYearAsync(User, year, Languages.Current, ct));
    }

    public static string Percent(double? share) => share is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "–";

    public static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.CurrentCulture) : "–";
}
