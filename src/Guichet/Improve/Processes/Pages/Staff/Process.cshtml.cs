using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Processes.Pages.Staff;

/// A service's declared process: what the catalogue and the case types say about it, its steps
/// with their owner and norm, the BPMN download, its versions, and the conformance of the cases of
/// a period (within the reader's units), with the deviating cases linked to their files.
internal sealed class ProcessModel(ProcessWork work, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public ProcessView View { get; private set; } = null!;
    public ConformanceReport? Report { get; private set; }
    public FieldErrors Errors { get; } = new(texts, "processes");
    public bool Declared { get; private set; }

    public IReadOnlyDictionary<Guid, string> UnitNames => View.Units.ToDictionary(u => u.Id, u => u.Name.Resolve(Languages.Current, "fr").Text);

    public string Label(string activity) => work.ActivityLabel(activity);

    /// The current declared process as BPMN 2.0 for the signed-in reader (the API takes bearer tokens only).
    public async Task<IActionResult> OnGetBpmnAsync(Guid serviceId, CancellationToken ct) =>
        (await work.BpmnAsync(serviceId, ct)).Value is { } xml ? File(xml, "application/xml", $"process-{serviceId:N}.bpmn") : NotFound();

    public async Task<IActionResult> OnGetAsync(Guid serviceId, int? declared, CancellationToken ct)
    {
        if (await work.ViewAsync(serviceId, ct) is not { } view) return NotFound();
        View = view;
        Declared = declared is not null;
        if (view.Line.Process is null) return Page();
        var result = await work.ConformanceAsync(User, serviceId, From, To, 200, ct);
        Report = result.Value;
        if (!result.Ok)
        {
            Errors.Add(result.InvalidParams);
            Response.StatusCode = result.Status;
        }
        return Page();
    }
}
