using Guichet.Deliver.Decisions;
using Guichet.Orient.Catalogue;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Complaints.Pages.Staff;

/// One complaint for staff: what it is about, its deadlines, and what can be done next — print
/// the acknowledgement letter, assign it, ask the unit's view, give that view, answer it. The same
/// use cases and refusals as the API.
internal sealed class ComplaintModel(ComplaintWork work, ComplaintMail mail, CatalogueDirectory catalogue, GuichetDb db, Texts texts) : PageModel
{
    public Complaint Complaint { get; private set; } = null!;
    public CaseReference? Decision { get; private set; }
    public FieldErrors Errors { get; } = new(texts, "complaints");
    public IReadOnlyDictionary<Guid, string> Units { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<FormChoice> UnitChoices { get; private set; } = [];
    public IReadOnlyList<FormChoice> OfficerChoices { get; private set; } = [];
    public IReadOnlyList<(string Name, long Size)> Attachments { get; private set; } = [];
    public string? Done { get; private set; }
    public DateOnly Today => work.Today;
    public int WarningDays => work.WarningDays;
    public bool IsOfficer => User.May(Acts.ComplaintHandle);
    /// What was typed in a form that failed, to show again.
    public IFormCollection? Typed { get; private set; }

    public string SecondLineDefault => mail.SecondLine(Complaint.Language);

    public string UnitName(Guid? id) => id is { } u && Units.TryGetValue(u, out var name) ? name : texts["complaints.no-unit"];

    public string? TypedValue(string field) => Typed?[field].ToString();

    /// The answer as a letter to print, for the signed-in officer (the API takes bearer tokens only).
    public async Task<IActionResult> OnGetAnswerLetterAsync(Guid id, CancellationToken ct) =>
        await work.AnswerLetterAsync(User, id, ct) is { Value: { } html } ? Content(html, "text/html; charset=utf-8") : NotFound();

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        var complaint = await work.ViewAsync(User, id, ct);
        if (complaint is null) return NotFound();
        Done = done;
        await LoadAsync(complaint, ct);
        return Page();
    }

    [RequiresAct(Acts.ComplaintHandle)]
    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await work.AssignAsync(User, id, new AssignComplaintRequest(Guid(Field("officerId")), Guid(Field("unitId"))), ct), "assigned", ct);

    [RequiresAct(Acts.ComplaintHandle)]
    public async Task<IActionResult> OnPostAskViewAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await work.AskViewAsync(User, id, new AskViewRequest(Field("question")), ct), "view-asked", ct);

    public async Task<IActionResult> OnPostGiveViewAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await work.GiveViewAsync(User, id, new GiveViewRequest(Field("view")), ct), "view-given", ct);

    [RequiresAct(Acts.ComplaintHandle)]
    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await work.AnswerAsync(User, id, new AnswerComplaintRequest(Field("outcome"), Field("reasons"), Field("measures"), Field("secondLine")), ct), "answered", ct);

    public async Task<IActionResult> OnPostAcknowledgementLetterAsync(Guid id, CancellationToken ct)
    {
        var letter = await work.AcknowledgementLetterAsync(User, id, ct);
        return letter.Value is { } html ? Content(html, "text/html; charset=utf-8") : NotFound();
    }

    private async Task<IActionResult> AfterAsync(Guid id, Result<Complaint> result, string done, CancellationToken ct)
    {
        if (result.Ok) return Redirect($"/staff/complaints/{id}?done={done}");
        if (result.Status == StatusCodes.Status404NotFound) return NotFound();
        if (result.InvalidParams.Count > 0) Errors.Add(result.InvalidParams);
        else if (result.Code is "complaint-answer-reasons-missing") Errors.Add("reasons", result.Code);
        else if (result.Code is "complaint-second-line-missing") Errors.Add("secondLine", result.Code);
        else Errors.AddGeneral(result.Code ?? "invalid-value");
        Typed = Request.Form;
        var complaint = await ComplaintScope.FindAsync(db, User, id, ct);
        if (complaint is null) return NotFound();
        await LoadAsync(complaint, ct);
        Response.StatusCode = result.Status;
        return Page();
    }

    private async Task LoadAsync(Complaint complaint, CancellationToken ct)
    {
        Complaint = complaint;
        Decision = await work.DecisionOfAsync(complaint, ct);
        var own = await catalogue.OwnUnitsAsync(ct);
        var language = Languages.Current;
        UnitChoices = [.. own.Select(u => new FormChoice(u.Id.ToString(), u.Name.Resolve(language, "fr").Text)).OrderBy(c => c.Label, StringComparer.CurrentCulture)];
        Units = await StaffText.UnitNamesAsync(catalogue, new[] { complaint.UnitId, complaint.ViewUnitId }.OfType<Guid>(), ct);
        var staff = await db.Set<StaffUser>().AsNoTracking().ToListAsync(ct);
        OfficerChoices = [.. staff.Where(u => u.RoleList.Contains(Roles.Complaints)).OrderBy(u => u.DisplayName).Select(u => new FormChoice(u.Id.ToString(), u.DisplayName))];
        Attachments = await db.Set<ComplaintAttachment>().AsNoTracking().Where(a => a.ComplaintId == complaint.Id).Select(a => new { a.FileName, a.Size }).ToListAsync(ct) is { } list
            ? [.. list.Select(a => (a.FileName, a.Size))] : [];
    }

    private string? Field(string name) => Request.Form[name].ToString().Trim() is { Length: > 0 } v ? v : null;

    private static Guid? Guid(string? text) => text is null ? null : System.Guid.TryParse(text, out var g) ? g : System.Guid.Empty;
}
