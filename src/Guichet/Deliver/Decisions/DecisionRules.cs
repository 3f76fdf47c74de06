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
