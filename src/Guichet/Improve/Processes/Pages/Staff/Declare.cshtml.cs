using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Processes.Pages.Staff;

/// A row of the steps table as typed: kept as text so that a wrong number is shown back as typed.
internal sealed record StepRow(string? Activity, string? Unit, string? NormDays, bool Optional)
{
    public bool IsBlank => Activity is null && Unit is null && NormDays is null && !Optional;
}

/// Declares a new version of a service's process: the owner unit, the case type whose cases follow
/// it, and the steps as rows of a table (activity, unit, norm in working days, optional); blank rows
/// are dropped, "more rows" adds five without JavaScript.
internal sealed class DeclareModel(ProcessWork work, Texts texts) : PageModel
{
    private const int BlankRows = 3;

    public ProcessView View { get; private set; } = null!;
    public FieldErrors Errors { get; } = new(texts, "processes") { PathLabels = true };
    public string? OwnerUnitId { get; private set; }
    public string? CaseType { get; private set; }
    public string? Note { get; private set; }
    public List<StepRow> Rows { get; private set; } = [];

    public string Label(string activity) => work.ActivityLabel(activity);

    public async Task<IActionResult> OnGetAsync(Guid serviceId, CancellationToken ct)
    {
        if (await work.ViewAsync(serviceId, ct) is not { } view) return NotFound();
        View = view;
        if (view.Line.Process is { } p)
        {
            OwnerUnitId = p.Content.OwnerUnitId.ToString();
            CaseType = p.Content.CaseType;
            Note = p.Content.Note;
            Rows = [.. p.Content.Steps.Select(s => new StepRow(s.Activity, s.UnitId?.ToString(), s.NormDays.ToString(CultureInfo.InvariantCulture), s.Optional))];
        }
        else if (view.Line.CaseTypes.Count == 1) CaseType = view.Line.CaseTypes[0].Code;
        Rows.AddRange(Enumerable.Repeat(new StepRow(null, null, null, false), BlankRows));
        return Page();
    }

    /// Five more blank rows, keeping what was typed.
    public async Task<IActionResult> OnPostRowsAsync(Guid serviceId, CancellationToken ct)
    {
        if (await work.ViewAsync(serviceId, ct) is not { } view) return NotFound();
        View = view;
        Read();
        Rows.AddRange(Enumerable.Repeat(new StepRow(null, null, null, false), 5));
        return Page();
    }

    [RequiresAct(Acts.ProcessDeclare)]
    public async Task<IActionResult> OnPostAsync(Guid serviceId, CancellationToken ct)
    {
        if (await work.ViewAsync(serviceId, ct) is not { } view) return NotFound();
        View = view;
        Read();
        var steps = new List<StepRequest>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            int? norm = null;
            if (row.NormDays is { } text)
            {
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) norm = n;
                else Errors.Add($"steps[{i}].normDays", "not-a-number");
            }
            // Nothing unreadable goes through: a wrong number is sent as missing (the use case then
            // refuses it too), a wrong unit as no unit of the organisation.
            Guid? unit = row.Unit is { } u ? (Guid.TryParse(u, out var g) ? g : Guid.Empty) : null;
            steps.Add(new StepRequest(row.Activity, unit, norm, row.Optional));
        }
        Guid? owner = OwnerUnitId is null ? null : Guid.TryParse(OwnerUnitId, out var o) ? o : Guid.Empty;
        var result = await work.DeclareAsync(User, serviceId, new ProcessRequest(owner, CaseType, steps, Note), ct);
        if (result.Value is { } process) return Redirect($"/staff/improve/processes/{serviceId}?declared={process.Version}");
        if (result.Status == StatusCodes.Status404NotFound) return NotFound();
        Errors.Add(result.InvalidParams);
        if (!result.Ok && result.InvalidParams.Count == 0) Errors.AddGeneral(result.Code ?? "invalid-value");
        Rows.AddRange(Enumerable.Repeat(new StepRow(null, null, null, false), BlankRows));
        Response.StatusCode = result.Ok ? StatusCodes.Status400BadRequest : result.Status;
        return Page();
    }

    /// The form as sent; blank rows dropped, so that the API's row numbers are the table's.
    private void Read()
    {
        var form = Request.Form;
        OwnerUnitId = FormReader.Value(form, "ownerUnitId");
        CaseType = FormReader.Value(form, "caseType");
        Note = FormReader.Value(form, "note");
        var count = FormReader.RowCount(form, "steps");
        Rows = [];
        for (var i = 0; i < count; i++)
        {
            var row = new StepRow(FormReader.Value(form, $"steps[{i}].activity"), FormReader.Value(form, $"steps[{i}].unitId"),
                FormReader.Value(form, $"steps[{i}].normDays"), FormReader.Value(form, $"steps[{i}].optional") is not null);
            if (!row.IsBlank) Rows.Add(row);
        }
    }
}
