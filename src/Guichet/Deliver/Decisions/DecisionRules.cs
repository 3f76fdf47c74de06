namespace Guichet.Deliver.Decisions;

/// What makes a motivation "adequate" enough to be checked by a machine: both grounds present
/// and more than a word or a copied heading. A person still judges the rest.
internal static class DecisionRules
{
    public const int MinFactualWords = 8, MinLegalWords = 4, MaxGroundsLength = 20_000;

    public static bool IsSubstantive(string? text, int minWords) =>
        !string.IsNullOrWhiteSpace(text)
        && text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit)) >= minWords;

    public static bool IsComplete(AppealBlock a) =>
        !string.IsNullOrWhiteSpace(a.Body) && !string.IsNullOrWhiteSpace(a.Form) && !string.IsNullOrWhiteSpace(a.Address) && a.DeadlineDays is >= 1 and <= 365;
}

/// Why a decision or an appeal is refused: stable codes for the API and the pages.
internal static class DecisionRefusals
{
    public static readonly Refusal AlreadyIssued = new(409, "decision-already-issued", "This case already has its decision; an appeal is recorded beside it.");
    public static readonly Refusal OutcomeNotAllowed = new(422, "decision-outcome-not-allowed", "The case type does not provide for this outcome.");
    public static readonly Refusal MotivationMissing = new(422, "decision-motivation-missing", "A decision states its factual and its legal grounds (law of 29 July 1991).");
    public static readonly Refusal AppealInformationMissing = new(422, "decision-appeal-information-missing", "A decision names the appeal body, the form, the deadline and the address (law of 11 April 1994).");
    public static readonly Refusal NoEmail = new(422, "applicant-email-missing", "The applicant has no e-mail address: send the decision by post.");
    public static readonly Refusal NotReady = new(409, "status-change-not-allowed", "The case's status model does not lead from the current status to a decision.");
    public static readonly Refusal NoDecision = new(409, "decision-not-issued", "An appeal is lodged against a decision; this case has none yet.");
    public static readonly Refusal OpenRequests = new(409, "decision-open-requests", "Requests to the customer are still open: confirm that the decision withdraws them (withdrawOpenRequests).");
}
