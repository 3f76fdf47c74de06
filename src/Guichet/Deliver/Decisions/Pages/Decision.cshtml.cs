using Guichet.Deliver.Cases;
using Guichet.Deliver.Cases.Pages;
using Guichet.Deliver.CaseTypes;
using Guichet.Platform.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Deliver.Decisions.Pages;

/// The decision form: outcome, factual and legal grounds, the appeal block pre-filled from the
/// case type in the language of procedure, the channel. Every problem is shown at its field at
/// once, checked with the decision rules themselves; DecisionWork.IssueAsync decides in the end.
internal sealed class DecisionModel(CaseWork work, DecisionWork decisions, GuichetDb db, Texts texts) : CaseWorkPage(texts)
{
    public sealed record Form(string? Outcome, string? FactualGrounds, string? LegalGrounds, string? AppealBody, string? AppealForm, string? AppealDeadlineDays, string? AppealAddress, string? Channel,
        bool WithdrawOpenRequests = false);

    public Case Case { get; private set; } = null!;
    public CaseType Type { get; private set; } = null!;
    public CaseStatus? DecisionStatus { get; private set; }
    public Form Values { get; private set; } = null!;

    /// Requests to the customer still open: deciding withdraws them, once the handler confirms.
    public IReadOnlyList<Requests.CustomerRequest> OpenRequests { get; private set; } = [];

    public CaseParty Applicant => Case.Parties.First(p => p.Role == PartyRole.Applicant);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        var appeal = DecisionWork.AppealBlockFor(Type, Case.Language, null);
        var templates = string.Join("\n", Type.Content.LegalGroundTemplates.Select(t => t[Case.Language]).OfType<string>());
        Values = new Form(null, null, templates.Length == 0 ? null : templates, appeal.Body, appeal.Form,
            appeal.DeadlineDays.ToString(CultureInfo.InvariantCulture), appeal.Address, null);
        return Page();
    }

    [RequiresAct(Acts.CaseHandle)]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        // Kept as typed, blanks included: a part of the appeal block that was emptied is missing, not refilled.
        Values = new Form(Field("outcome"), Field("factualGrounds"), Field("legalGrounds"), Field("appeal.body"), Field("appeal.form"), Field("appeal.deadlineDays"), Field("appeal.address"), Field("channel"),
            Field("withdrawOpenRequests") == "true");

        if (Values.Outcome is null) Errors.Add("outcome", "outcome-missing");
        else if (!Type.Content.Outcomes.Any(o => CaseDisplay.Code(o) == Values.Outcome)) Errors.Add("outcome", "decision-outcome-not-allowed");
        if (!DecisionRules.IsSubstantive(Values.FactualGrounds, DecisionRules.MinFactualWords)) Errors.Add("factualGrounds", "decision-motivation-missing");
        if (!DecisionRules.IsSubstantive(Values.LegalGrounds, DecisionRules.MinLegalWords)) Errors.Add("legalGrounds", "decision-motivation-missing");
        int? deadline = null;
        if (Values.AppealDeadlineDays is not null)
        {
            if (int.TryParse(Values.AppealDeadlineDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days)) deadline = days;
            else Errors.Add("appeal.deadlineDays", "invalid-number");
        }
        var appeal = new AppealRequest(Values.AppealBody ?? "", Values.AppealForm ?? "", deadline ?? 0, Values.AppealAddress ?? "");
        if (string.IsNullOrWhiteSpace(appeal.Body)) Errors.Add("appeal.body", "decision-appeal-information-missing");
        if (string.IsNullOrWhiteSpace(appeal.Form)) Errors.Add("appeal.form", "decision-appeal-information-missing");
        if (appeal.DeadlineDays is < 1 or > 365) Errors.Add("appeal.deadlineDays", "decision-appeal-information-missing");
        if (string.IsNullOrWhiteSpace(appeal.Address)) Errors.Add("appeal.address", "decision-appeal-information-missing");
        if (Values.Channel is null) Errors.Add("channel", "channel-missing");
        else if (Values.Channel == "email" && string.IsNullOrEmpty(Applicant.Email)) Errors.Add("channel", "applicant-email-missing");
        if (OpenRequests.Count > 0 && !Values.WithdrawOpenRequests) Errors.Add("withdrawOpenRequests", "decision-open-requests");
        if (Errors.Count > 0) return Page();

        var result = await decisions.IssueAsync(User, id, new IssueDecisionRequest(Values.Outcome, Values.FactualGrounds, Values.LegalGrounds, appeal, Values.Channel,
            Values.WithdrawOpenRequests), ct);
        if (result.Value is not null) return Redirect($"/staff/cases/{id}?done=decided#decision");
        return Refused(result, fieldOf: code => code switch
        {
            "decision-outcome-not-allowed" => "outcome",
            "applicant-email-missing" => "channel",
            "decision-open-requests" => "withdrawOpenRequests",
            _ => null,
        }) ?? Page();
    }

    /// The case, or the answer when it cannot be decided here: not found (or another unit's), or
    /// already decided (its decision is on the case page).
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if ((await work.ViewAsync(User, id, ct)).Value is not { } found) return NotFound();
        (Case, Type) = found;
        if (await db.Set<Decision>().AnyAsync(d => d.CaseId == id, ct)) return Redirect($"/staff/cases/{id}#decision");
        DecisionStatus = DecisionWork.DecisionStatus(Case, Type);
        OpenRequests = [.. (await CaseScope.PartsAsync<Requests.CustomerRequest>(db, id, ct)).Where(r => r.IsOpen).OrderBy(r => r.DueOn)];
        return null;
    }

    public IReadOnlyList<FormChoice> Outcomes => [.. Type.Content.Outcomes.Select(o => new FormChoice(CaseDisplay.Code(o), Texts["cases.outcome." + CaseDisplay.Code(o)]))];

    public IReadOnlyList<FormChoice> Channels =>
    [
        new("email", Texts["cases.channel.email"]) { Hint = Applicant.Email is { } email ? Texts["cases.decision.email-to", email] : Texts["cases.decision.no-email"] },
        new("post", Texts["cases.channel.post"]) { Hint = Texts["cases.decision.post-hint"] },
    ];

    /// The language the decision is written in, when it is not the page's: its fields say so.
    public string? WritingLang => Case.Language == Languages.Current ? null : Case.Language;
}
