using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Satisfaction.Pages.Staff;

/// The survey results for managers and quality staff: per service, unit or channel over a period,
/// and the unhappy answers with a comment, which a complaint officer turns into a complaint in one click.
internal sealed class ResultsModel(SurveyResults results, SurveyWork work, CatalogueDirectory catalogue, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? By { get; set; }

    public SurveyReport? Report { get; private set; }
    public List<UnhappyAnswer> Unhappy { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Done { get; private set; }
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public bool IsOfficer => User.May(Acts.ComplaintHandle);

    public string Query => $"from={Report!.From:yyyy-MM-dd}&to={Report.To:yyyy-MM-dd}&by={Report.By}";

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        var query = results.Read(From, To, By);
        if (query.Value is not { } q)
        {
            foreach (var p in query.InvalidParams) Errors[p.Name] = texts["satisfaction.results.error." + p.Code];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await LoadAsync(q, ct);
        return Page();
    }

    /// The same results as CSV or JSON for the signed-in reader (the API takes bearer tokens only).
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        results.Read(From, To, By) is { Value: { } q }
            ? File(System.Text.Encoding.UTF8.GetBytes(SurveyResults.Csv(await results.ReportAsync(q.From, q.To, q.By, Languages.Current, ct))), "text/csv; charset=utf-8", "satisfaction.csv")
            : await OnGetAsync(null, ct);

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct) =>
        results.Read(From, To, By) is { Value: { } q } ? new JsonResult(await results.ReportAsync(q.From, q.To, q.By, Languages.Current, ct)) : await OnGetAsync(null, ct);

    [RequiresAct(Acts.ComplaintHandle)]
    public async Task<IActionResult> OnPostComplaintAsync(Guid survey, CancellationToken ct)
    {
        if (!IsOfficer) return Forbid();
        var made = await work.ToComplaintAsync(User, survey, ct);
        if (made.Value is { } r) return Redirect($"/staff/complaints/{r.Complaint.Id}");
        if (made.Status == 404) return NotFound();
        Errors["survey"] = texts["satisfaction.results.error." + made.Code];
        Response.StatusCode = made.Status;
        if (results.Read(From, To, By).Value is { } q) await LoadAsync(q, ct);
        return Page();
    }

    private async Task LoadAsync(ResultsQuery q, CancellationToken ct)
    {
        From = q.From;
        To = q.To;
        Report = await results.ReportAsync(q.From, q.To, q.By, Languages.Current, ct);
        Unhappy = await results.UnhappyAsync(User, q.From, q.To, ct);
        var language = Languages.Current;
        var services = await catalogue.ServicesAsync(Unhappy.Where(u => u.ServiceId is not null).Select(u => u.ServiceId!.Value).Distinct(), ct);
        var units = await catalogue.UnitsAsync(Unhappy.Where(u => u.UnitId is not null).Select(u => u.UnitId!.Value).Distinct(), ct);
        Names = services.Select(s => (s.Id, s.Name.Resolve(language, "fr").Text)).Concat(units.Select(u => (u.Id, u.Name.Resolve(language, "fr").Text)))
            .DistinctBy(x => x.Item1).ToDictionary(x => x.Item1, x => x.Item2);
    }

    public string NameOf(Guid? id) => id is { } g && Names.TryGetValue(g, out var n) ? n : "–";

    public string GroupName(SurveyResultRow row) => Report!.By switch
    {
        "channel" => texts["satisfaction.channel." + row.Key],
        _ when row.Key == "none" => texts["satisfaction.results.none"],
        _ => row.Name,
    };

    public static string Percent(double? d) => d is { } v ? v.ToString("P0", CultureInfo.CurrentCulture) : "–";

    public static string Mean(double? d) => d is { } v ? v.ToString("0.0", CultureInfo.CurrentCulture) : "–";
}
