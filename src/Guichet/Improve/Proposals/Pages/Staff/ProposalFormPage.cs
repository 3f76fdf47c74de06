using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Proposals.Pages.Staff;

/// What the pages that make and revise a proposal share: the fields as typed (a wrong number is
/// shown back as typed), the choices, the errors, and the form read into the API's request.
internal abstract class ProposalFormPage(ProposalWork work, Texts texts) : PageModel
{
    protected ProposalWork Work => work;
    protected Texts Texts => texts;

    public FieldErrors Errors { get; } = new(texts, "proposals");
    public ProposalChoices Choices { get; protected set; } = null!;
    public ProposalService? Service { get; protected set; }

    public string? Title { get; set; }
    public string? Step { get; set; }
    public string? Problem { get; set; }
    public string? Evidence { get; set; }
    public string? Change { get; set; }
    public string? OwnerUnitId { get; set; }
    public string? OwnerId { get; set; }
    public string? KpiCode { get; set; }
    public string? Target { get; set; }
    public string? WindowDays { get; set; } = Proposal.DefaultWindow.ToString(CultureInfo.InvariantCulture);

    /// The form's action, and the label of its button.
    public abstract string Action { get; }
    public abstract string Submit { get; }

    protected void Fill(ProposalContent c)
    {
        Title = c.Title;
        Step = c.Step;
        Problem = c.Problem;
        Evidence = c.Evidence;
        Change = c.Change;
        OwnerUnitId = c.OwnerUnitId.ToString();
        OwnerId = c.OwnerId?.ToString();
        KpiCode = c.Kpi;
        Target = c.Target.ToString("0.##", CultureInfo.CurrentCulture);
        WindowDays = c.WindowDays.ToString(CultureInfo.InvariantCulture);
    }

    /// The form as sent, as the use case's request; unreadable numbers and ids are marked here
    /// and sent as missing (or as an id that names nothing), so the use case refuses them too.
    protected ProposalRequest Read(Guid? serviceId)
    {
        var form = Request.Form;
        Title = FormReader.Value(form, "title");
        Step = FormReader.Value(form, "step");
        Problem = FormReader.Value(form, "problem");
        Evidence = FormReader.Value(form, "evidence");
        Change = FormReader.Value(form, "change");
        OwnerUnitId = FormReader.Value(form, "ownerUnitId");
        OwnerId = FormReader.Value(form, "ownerId");
        KpiCode = FormReader.Value(form, "kpi");
        Target = FormReader.Value(form, "target");
        WindowDays = FormReader.Value(form, "windowDays");
        double? target = null;
        if (Target is not null)
        {
            if (FormReader.TryNumber(Target, out var t)) target = t;
            else Errors.Add("target", "not-a-number");
        }
        int? window = null;
        if (WindowDays is not null)
        {
            if (int.TryParse(WindowDays, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w)) window = w;
            else
            {
                Errors.Add("windowDays", "not-a-number");
                window = 0; // refused by the use case too, never taken as the default
            }
        }
        Guid? Id(string? text) => text is null ? null : Guid.TryParse(text, out var g) ? g : Guid.Empty;
        return new ProposalRequest(serviceId, Step, Title, Problem, Evidence, Change, Id(OwnerUnitId), Id(OwnerId), KpiCode, target, window);
    }

    /// The use case's refusal shown on the form (with a 400, 409 or 422).
    protected void Show<T>(Result<T> result) where T : class
    {
        Errors.Add(result.InvalidParams);
        if (result.InvalidParams.Count == 0) Errors.AddGeneral(result.Code ?? "invalid-value", "proposal-form");
        Response.StatusCode = result.Status;
    }
}
