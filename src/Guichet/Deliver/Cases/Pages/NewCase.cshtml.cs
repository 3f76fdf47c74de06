using Guichet.Deliver.CaseTypes;
using Guichet.Platform.Web.Forms;
using Guichet.Welcome.Contacts;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Deliver.Cases.Pages;

/// Opens a case at the counter or from a letter: case type, language of procedure, subject,
/// receipt, completeness, the applicant and optionally a representative. Opened from a contact of
/// the register (?contact=), the form starts with what the contact says and the contact becomes
/// "case opened" with the case.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Acts.CaseOpen)]
internal sealed class NewCaseModel(CaseWork work, GuichetDb db, ContactCases contacts, Texts texts) : CaseWorkPage(texts)
{
    /// What was typed, as typed, to show the form again.
    public sealed record PartyForm(string? Kind, string? Number, string? Name, string? Email, string? Address)
    {
        public bool IsBlank => Number is null && Name is null && Email is null && Address is null;
    }

    public sealed record Form(string? CaseType, string? Language, string? Subject, string? ReceivedOn, bool Complete, PartyForm Applicant, PartyForm Representative, Guid? ContactId = null);

    public Form Values { get; private set; } = null!;
    public IReadOnlyList<FormChoice> CaseTypes { get; private set; } = [];

    /// The contact the case is opened from, if any.
    public ContactForCase? Contact { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? contact, CancellationToken ct)
    {
        await LoadAsync(ct);
        var blank = new PartyForm("person", null, null, null, null);
        Values = new Form(null, null, null, CaseDisplay.Iso(work.Today), false, blank, blank);
        if (contact is not { } contactId) return Page();
        if ((Contact = await contacts.FindAsync(User, contactId, ct)) is not { } c) return NotFound();
        var applicant = c.CustomerKind == CustomerKind.Anonymous
            ? blank with { Name = c.CustomerName, Email = c.Email, Address = c.Address }
            : new PartyForm(c.CustomerKind == CustomerKind.Company ? "company" : "person", c.CustomerNumber, c.CustomerName, c.Email, c.Address);
        var representative = c.OnBehalfOf is { } rep ? blank with { Name = rep.Name } : blank;
        // The case type of the contact's service, when there is exactly one.
        var types = c.ServiceId is { } service ? await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent && t.ServiceId == service).Select(t => t.Code).ToListAsync(ct) : [];
        Values = new Form(types.Count == 1 ? types[0] : null, CaseTypeRules.ProcedureLanguages.Contains(c.Language) ? c.Language : null, c.Subject,
            CaseDisplay.Iso(BrusselsTime.LocalDate(c.ReceivedAt)), false, applicant, representative, c.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        PartyForm Party(int i) => new(Field($"parties[{i}].kind"), Field($"parties[{i}].number"), Field($"parties[{i}].name"), Field($"parties[{i}].email"), Field($"parties[{i}].address"));
        Values = new Form(Field("caseType"), Field("language"), Field("subject"), Field("receivedOn"), Request.Form["complete"].ToString() == "true", Party(0), Party(1),
            Guid.TryParse(Field("contactId"), out var contactId) ? contactId : null);
        if (Values.ContactId is { } cid && (Contact = await contacts.FindAsync(User, cid, ct)) is null) return NotFound();

        var parties = new List<PartyRequest?> { PartyOf(Values.Applicant, "applicant") };
        if (!Values.Representative.IsBlank) parties.Add(PartyOf(Values.Representative, "representative"));
        if (!CaseDisplay.TryDate(Values.ReceivedOn, out var received)) Errors.Add("receivedOn", "invalid-date");
        var request = new OpenCaseRequest(Values.CaseType, null, Values.Language, Values.Subject, received, Values.Complete, parties, Values.ContactId);

        // Problems of the form and of the request are shown together; nothing is opened while there are any.
        var problems = await work.ProblemsOfOpenAsync(User, request, ct);
        // The contact is not a field of the form: its problem is said at the top.
        foreach (var p in problems.Where(p => p.Name == "contactId")) Errors.AddGeneral(p.Code);
        Errors.Add(problems.Where(p => p.Name != "contactId"), Anchor);
        if (Errors.Count > 0) return Page();
        var result = await work.OpenAsync(User, request, ct);
        if (result.Value?.Case is not { } opened) return Refused(result, Anchor) ?? Page();
        // A case opened for another unit leaves the user's sight: say where it went.
        return CaseScope.Of(User).Sees(opened)
            ? Redirect($"/staff/cases/{opened.Id}?done=opened")
            : Redirect($"/staff/cases?done=opened-elsewhere&number={Uri.EscapeDataString(opened.Number)}");
    }

    private static PartyRequest PartyOf(PartyForm p, string role) => new(role, p.Kind, p.Name, p.Number, p.Email, null, p.Address);

    /// Problems about the parties as a whole are shown at the applicant's name.
    private static string Anchor(string name) => name switch
    {
        "parties" or "parties[0]" => "parties[0].name",
        "parties[1]" => "parties[1].name",
        _ => name,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var types = await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent).ToListAsync(ct);
        CaseTypes = [.. types.Select(t =>
        {
            var (name, lang) = CaseDisplay.Text(t.Content.Name, "fr");
            return new FormChoice(t.Code, name, lang);
        }).OrderBy(c => c.Label, StringComparer.CurrentCulture)];
    }

    /// The languages a case can be conducted in, each named in the page's language.
    public IReadOnlyList<FormChoice> ProcedureLanguages =>
        [.. CaseTypeRules.ProcedureLanguages.Select(l => new FormChoice(l, CaseDisplay.Capitalized(Texts["language." + l])))];

    public IReadOnlyList<FormChoice> Kinds => [new("person", Texts["cases.party.kind.person"]), new("company", Texts["cases.party.kind.company"])];
}
