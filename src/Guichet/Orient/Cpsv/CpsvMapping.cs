using System.Text.RegularExpressions;
using Guichet.Orient.Catalogue;

namespace Guichet.Orient.Cpsv;

/// The conversions between Guichet's catalogue values and CPSV-AP literals that are not a plain
/// copy (ADR 0006): processing times, amounts, and the labels of Guichet's own code lists.
internal static partial class CpsvMapping
{
    /// xsd:duration has no "working day": n working days are exported as the calendar days they
    /// span in an ordinary week, 7 for every 5, rounded up (30 working days -> P42D). The exact
    /// figure travels in guichet:processingTimeWorkingDays and in a sentence of the description.
    public static int CalendarDaysFor(int workingDays) => (workingDays * 7 + 4) / 5;

    public static string Duration(int days) => string.Create(CultureInfo.InvariantCulture, $"P{days}D");

    [GeneratedRegex(@"^P([0-9]{1,5})D$")]
    private static partial Regex DaysDuration();

    /// Reads "P30D"; other xsd:duration forms (hours, months) have no exact number of days.
    public static bool TryParseDays(string? duration, out int days)
    {
        days = 0;
        var match = DaysDuration().Match(duration ?? "");
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out days);
    }

    /// The sentence added to each language of a service's dct:description when its processing time
    /// is in working days; the import removes exactly this sentence again.
    public static string WorkingDaysNote(Texts texts, string language, int workingDays) =>
        string.Format(CultureInfo.InvariantCulture, texts.Get(language, workingDays == 1 ? "cpsv.processing-time.working-day" : "cpsv.processing-time.working-days"), workingDays, CalendarDaysFor(workingDays));

    public const string NoteSeparator = "\n\n";

    // "€ 25", "€25", "25 €", "€ 1,50", "€ 1 000": thousands grouped by a space or a dot, decimals
    // after a comma (FR/NL/DE). English writes "€1,000.50".
    [GeneratedRegex(@"€\s?(?<n>[0-9]{1,3}(?:[ \u00a0\u202f.][0-9]{3})+|[0-9]+)(?:,(?<d>[0-9]{1,2}))?|(?<n>[0-9]{1,3}(?:[ \u00a0\u202f.][0-9]{3})+|[0-9]+)(?:,(?<d>[0-9]{1,2}))?\s?€")]
    private static partial Regex ContinentalAmount();

    [GeneratedRegex(@"€\s?(?<n>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?<d>[0-9]{1,2}))?")]
    private static partial Regex EnglishAmount();

    [GeneratedRegex(@"^\s*(gratuit|gratis|kosteloos|kostenlos|free|free of charge)\s*\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FreeOfCharge();

    [GeneratedRegex(@"\b(gratuit[es]*|gratis|kosteloos|kostenlos|free)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MentionsFree();

    /// The amount of a cost text when it names exactly one amount in euro and nothing free
    /// ("€ 30."), 0 when it only says that the service is free; null otherwise ("€ 25 normal,
    /// € 130 urgent", "free online, € 3 at the counter"): the text is then the only truth and
    /// cv:hasValue is left out.
    public static double? EuroAmount(string? text, string language)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (FreeOfCharge().IsMatch(text)) return 0;
        if (MentionsFree().IsMatch(text)) return null;
        var pattern = language == "en" ? EnglishAmount() : ContinentalAmount();
        var amounts = new HashSet<decimal>();
        foreach (Match m in pattern.Matches(text))
        {
            var digits = new string([.. m.Groups["n"].Value.Where(char.IsAsciiDigit)]);
            var cents = m.Groups["d"].Success ? m.Groups["d"].Value.PadRight(2, '0') : "00";
            amounts.Add(decimal.Parse(digits + "." + cents, CultureInfo.InvariantCulture));
        }
        return amounts.Count == 1 ? (double)amounts.Single() : null;
    }

    /// The shortest text that reads back as the same double, always a valid xsd:double ("50.0", "5.0143").
    public static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    public static string Code(Audience audience) => audience switch
    {
        Audience.Citizens => "citizens",
        _ => "companies",
    };

    public static Audience? AudienceOf(string code) => code switch
    {
        "citizens" => Audience.Citizens,
        "companies" => Audience.Companies,
        _ => null,
    };

    public static string Code(ChannelKind kind) => kind.ToString().ToLowerInvariant();

    public static string Code(OrganisationKind kind) => kind.ToString().ToLowerInvariant();

    /// A text of Guichet's own texts files in the four languages.
    public static LocalizedText Label(Texts texts, string key) =>
        LocalizedText.Of(texts.Get("fr", key), texts.Get("nl", key), texts.Get("de", key), texts.Get("en", key));
}
