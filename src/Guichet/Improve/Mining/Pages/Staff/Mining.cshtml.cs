using Guichet.Improve.Mining.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Mining.Pages.Staff;

/// The process-mining page: choose the live journal (a case type or a service, a period) or an
/// analysis space, see its graph with its data table, variants, bottlenecks, hand-overs and rework,
/// filter the paths, export the selection, import a log into a new space.
internal sealed class MiningModel(MiningWork work, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? CaseType { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Service { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Space { get; set; }
    [BindProperty(SupportsGet = true)] public double? Variants { get; set; }
    [BindProperty(SupportsGet = true)] public double? Edges { get; set; }

    public IReadOnlyList<MinableCaseType> CaseTypes { get; private set; } = [];
    public IReadOnlyList<AnalysisSpace> Spaces { get; private set; } = [];
    public AnalysisSpace? CurrentSpace { get; private set; }
    public ProcessMap? Map { get; private set; }
    public IReadOnlyList<InvalidParam> Errors { get; private set; } = [];
    public string? Refusal { get; private set; }
    public string? Imported { get; private set; }

    public bool Chosen => Space is not null || !string.IsNullOrWhiteSpace(CaseType) || Service is not null;
    public PathFilter Filter => new(Variants ?? 100, Edges ?? 0);

    public async Task<IActionResult> OnGetAsync(Guid? imported, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (imported is { } id && Spaces.FirstOrDefault(s => s.Id == id) is { } s) Imported = s.Name;
        if (!Chosen) return Page();
        var result = Space is { } spaceId ? await work.SpaceAsync(spaceId, Filter, ct) : await work.LiveAsync(User, Query, Filter, ct);
        if (result.Status == 404) return NotFound();
        Map = result.Value;
        Errors = result.InvalidParams;
        if (!result.Ok && result.Status != 400) Refusal = result.Title;
        if (!result.Ok) Response.StatusCode = result.Status;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var result = Space is { } id ? await work.ExportSpaceAsync(User, id, format, ct) : await work.ExportLiveAsync(User, Query, format, ct);
        if (result.Value is { } file) return File(file.Content, file.MediaType, file.FileName);
        if (result.Status == 404) return NotFound();
        await LoadAsync(ct);
        Errors = result.InvalidParams;
        Response.StatusCode = result.Status;
        return Page();
    }

    [RequiresAct(Acts.AnalysisSpaceManage)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is { Length: > MiningApi.MaxFileBytes })
            return await RefusedAsync(413, texts["mining.import.too-large"], ct);
        await using var stream = file?.OpenReadStream();
        var result = await work.ImportAsync(User, MiningApi.ImportOf(Request.Form, stream), ct);
        if (result.Value is { } space) return Redirect($"/staff/improve/mining?space={space.Id}&imported={space.Id}");
        Errors = result.InvalidParams;
        return await RefusedAsync(result.Status, result.Title, ct);
    }

    [RequiresAct(Acts.AnalysisSpaceManage)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var result = await work.DeleteAsync(User, id, ct);
        return result.Ok ? Redirect("/staff/improve/mining") : NotFound();
    }

    private async Task<IActionResult> RefusedAsync(int status, string? title, CancellationToken ct)
    {
        Space = null;
        await LoadAsync(ct);
        if (status != 400) Refusal = title;
        Response.StatusCode = status;
        return Page();
    }

    private LiveQuery Query => new(CaseType, Service, From, To);

    private async Task LoadAsync(CancellationToken ct)
    {
        CaseTypes = await work.CaseTypesAsync(ct);
        Spaces = await work.SpacesAsync(ct);
        CurrentSpace = Space is { } id ? Spaces.FirstOrDefault(s => s.Id == id) : null;
    }

    /// A journal activity's label in the page's language; an imported log's activity as it is.
    public string Label(string activity) => texts.Has("activity." + activity) ? texts["activity." + activity] : activity;

    public string? Error(string field) => Errors.FirstOrDefault(e => e.Name == field)?.Reason;

    /// The query string of the current selection, with the changes given.
    public string Link(string? handler = null, string? format = null)
    {
        var q = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text) q.Add(name + "=" + Uri.EscapeDataString(text));
        }
        if (Space is { } s) Add("space", s);
        else
        {
            Add("caseType", CaseType);
            Add("service", Service);
            Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        Add("handler", handler);
        Add("format", format);
        return "/staff/improve/mining?" + string.Join("&", q);
    }

    public static string Duration(double? seconds)
    {
        if (seconds is not { } s) return "—";
        var t = TimeSpan.FromSeconds(s);
        return t.TotalDays >= 1 ? $"{t.TotalDays.ToString("0.#", CultureInfo.CurrentCulture)} d"
            : t.TotalHours >= 1 ? $"{t.TotalHours.ToString("0.#", CultureInfo.CurrentCulture)} h"
            : $"{t.TotalMinutes.ToString("0.#", CultureInfo.CurrentCulture)} min";
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);
}
