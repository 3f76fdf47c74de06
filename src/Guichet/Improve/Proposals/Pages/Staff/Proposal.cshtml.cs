using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Proposals.Pages.Staff;

/// One proposal: what it says, its KPI (before and after the change once done, with the verdict;
/// the latest window while open), its history, and the form that moves it to its next status.
internal sealed class ProposalModel(ProposalWork work, Texts texts) : PageModel
{
    public ProposalView View { get; private set; } = null!;
    public FieldErrors Errors { get; } = new(texts, "proposals");
    public string? Done { get; private set; }
    public string? NextStatus { get; private set; }
    public string? DoneOn { get; private set; }
    public string? Note { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if ((await work.ViewAsync(User, id, ct)).Value is not { } view) return NotFound();
        View = view;
        Done = done is "made" or "revised" or "moved" ? done : null;
        return Page();
    }

    [RequiresAct(Acts.ProposalManage)]
    public async Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken ct)
    {
        NextStatus = FormReader.Value(Request.Form, "status");
        DoneOn = FormReader.Value(Request.Form, "doneOn");
        Note = FormReader.Value(Request.Form, "note");
        DateOnly? on = null;
        if (DoneOn is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) on = d;
            else Errors.Add("doneOn", "not-a-date");
        }
        var result = Errors.Count > 0 ? null : await work.MoveAsync(User, id, new StatusRequest(NextStatus, on, Note), ct);
        if (result?.Value is not null) return Redirect($"/staff/improve/proposals/{id}?done=moved#status");
        if (result?.Status == StatusCodes.Status404NotFound) return NotFound();
        if ((await work.ViewAsync(User, id, ct)).Value is not { } view) return NotFound();
        View = view;
        if (result is not null)
        {
            Errors.Add(result.InvalidParams);
            if (result.InvalidParams.Count == 0) Errors.AddGeneral(result.Code ?? "invalid-value", "status-form");
        }
        Response.StatusCode = result?.Status ?? StatusCodes.Status400BadRequest;
        return Page();
    }
}
