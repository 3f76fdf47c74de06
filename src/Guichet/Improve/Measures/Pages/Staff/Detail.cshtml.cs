using Microsoft.AspNetCore.Mvc;

namespace Guichet.Improve.Measures.Pages.Staff;

/// One KPI: its number against the previous period, the weekly trend as an SVG chart with its data
/// table, the figure by service, case type, unit or channel, and the objects behind the number
/// (linked to their pages), each exportable as CSV.
internal sealed class DetailModel(MeasureWork work, Texts texts) : MeasuresPage(work, texts)
{
    [BindProperty(SupportsGet = true)] public string? Breakdown { get; set; }

    public Kpi Kpi { get; private set; } = null!;
    public KpiDetail? Detail { get; private set; }
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (Kpi.Find(code) is not { } kpi) return NotFound();
        Kpi = kpi;
        if (!await LoadAsync(ct)) return Page();
        var result = await Work.DetailAsync(User, code, Query, string.IsNullOrEmpty(Breakdown) ? null : Breakdown, ct);
        if (result.Value is null)
        {
            Errors = result.InvalidParams;
            Response.StatusCode = result.Status;
            return Page();
        }
        Detail = result.Value;
        Names = await Work.NamesAsync(ct);
        return Page();
    }

    /// The trend, the breakdown or the objects as CSV (?part=), with the page's filter.
    public async Task<IActionResult> OnGetCsvAsync(string code, string? part, CancellationToken ct)
    {
        if (part is null || !MeasureExport.Parts.Contains(part)) return NotFound();
        var result = await Work.DetailAsync(User, code, Query, string.IsNullOrEmpty(Breakdown) ? null : Breakdown, ct);
        if (result.Value is not { } d) return await OnGetAsync(code, ct);
        var file = MeasureExport.DetailCsv(code, part, d, await Work.NamesAsync(ct));
        return File(file.Content, file.MediaType, file.Name);
    }

    public async Task<IActionResult> OnGetJsonAsync(string code, CancellationToken ct)
    {
        var result = await Work.DetailAsync(User, code, Query, string.IsNullOrEmpty(Breakdown) ? null : Breakdown, ct);
        if (result.Value is not { } d) return await OnGetAsync(code, ct);
        return new JsonResult(MeasureExport.Detail(Work.Filter(User, Query).Value!, d, await Work.NamesAsync(ct)), MeasureExport.Json);
    }

    public string NameOf(string? key) => key is null or "" ? "—" : Names.TryGetValue(key, out var n) ? n : Breakdown == "channel" ? ChannelName(key) : key;

    public static string? Link(Observation o) => MeasureExport.Link(o);
}
