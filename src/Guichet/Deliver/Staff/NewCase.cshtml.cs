using Guichet.Deliver.Cases;
using Guichet.Deliver.CaseTypes;
using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Deliver.Staff;

/// Opens a case at the counter or from a letter: case type, language of procedure, subject,
/// receipt, completeness, the applicant and optionally a representative.
internal sealed class NewCaseModel(CaseWork work, GuichetDb db, Texts texts) : PageModel
{
    /// What was typed, as typed, to show the form again.
    public sealed record PartyForm(string? Kind, string? Number, string? Name, string? Email, string? Address)
    {
        public bool IsBlank => Number is null && Name is null && Email is null && Address is null;
    }

    public sealed record Form(string? CaseType, string? Language, string? Subject, string? ReceivedOn, bool Complete, PartyForm Applicant, PartyForm Representative);

    public Form Values { get; private set; } = null!;
    public IReadOnlyList<CaseChoice> CaseTypes { get; private set; } = [];
    public CaseFormErrors Errors { get; } = new(texts);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Values = new Form(null, null, null, CaseDisplay.Iso(work.Today), false, new PartyForm("person", null, null, null, null), new PartyForm("person", null, null, null, null));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var f = Request.Form;
        string? V(string name) => f[name].ToString().Trim() is { Length: > 0 } v ? v : null;
        PartyForm Party(int i) => new(V($"parties[{i}].kind"), V($"parties[{i}].number"), V($"parties[{i}].name"), V($"parties[{i}].email"), V($"parties[{i}].address"));
        Values = new Form(V("caseType"), V("language"), V("subject"), V("receivedOn"), f["complete"].ToString() == "true", Party(0), Party(1));

        var parties = new List<PartyRequest?> { PartyOf(Values.Applicant, "applicant") };
        if (!Values.Representative.IsBlank) parties.Add(PartyOf(Values.Representative, "representative"));
        if (!CaseDisplay.TryDate(Values.ReceivedOn, out var received)) Errors.Add("receivedOn", "invalid-date");
        var request = new OpenCaseRequest(Values.CaseType, null, Values.Language, Values.Subject, received, Values.Complete, parties);

        // Problems of the form and of the request are shown together; nothing is opened while there are any.
        Errors.Add(await work.ProblemsOfOpenAsync(request, ct), Anchor);
        if (Errors.Count > 0) return Page();
        var result = await work.OpenAsync(User, request, ct);
        if (result.Value is not { } opened)
        {
            Errors.Add(result.InvalidParams, Anchor);
            if (Errors.Count == 0) Errors.AddGeneral(result.Code ?? "invalid-value");
            return Page();
        }
        // A case opened for another unit leaves the user's sight: say where it went.
        return CaseScope.Of(User).Sees(opened)
            ? Redirect($"/staff/cases/{opened.Id}?done=opened")
            : Redirect($"/staff/cases?done=opened-elsewhere&number={Uri.EscapeDataString(opened.Number)}");
    }

    private static PartyRequest PartyOf(PartyForm p, string role) => new(role, p.Kind, p.Name, p.Number, p.Email, null, p.Address);

    /// Problems about the parties as a whole are shown at the applicant's name.
    private static string Anchor(string name) => name is "parties" or "parties[0]" ? "parties[0].name" : name == "parties[1]" ? "parties[1].name" : name;

    private async Task LoadAsync(CancellationToken ct)
    {
        var types = await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent).ToListAsync(ct);
        CaseTypes = [.. types.Select(t =>
        {
            var (name, lang) = CaseDisplay.Text(t.Content.Name, "fr");
            return new CaseChoice(t.Code, name, lang);
        }).OrderBy(c => c.Label, StringComparer.CurrentCulture)];
    }

    /// The languages a case can be conducted in, each named in the page's language.
    public IReadOnlyList<CaseChoice> ProcedureLanguages =>
        [.. CaseTypeRules.ProcedureLanguages.Select(l => new CaseChoice(l, CaseDisplay.Capitalized(texts["language." + l])))];

    public IReadOnlyList<CaseChoice> Kinds => [new("person", texts["cases.party.kind.person"]), new("company", texts["cases.party.kind.company"])];
}
