using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Queue.Pages.Staff;

/// For managers: missed appointments and counter waiting times per counter and service over a
/// period (by default the last 30 days). A bad period answers 400 with the error on the form.
[Authorize(Policy = Acts.ReportsRead)]
internal sealed class StatisticsModel(CounterStatistics statistics, Texts texts, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public StatisticsPeriod? Period { get; private set; }
    public (string Field, string Message)? Error { get; private set; }
    public IReadOnlyList<CounterServiceFigures> Rows { get; private set; } = [];

    public string Lang => Languages.Current;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (period, error) = StatisticsPeriod.Parse(From, To, BrusselsTime.LocalDate(time.GetUtcNow()));
        if (period is null)
        {
            Error = (error!.Name, texts["queue.statistics.error." + error.Code]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Period = period;
        From = period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        To = period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Rows = await statistics.ForAsync(User, period, ct);
        return Page();
    }
}
