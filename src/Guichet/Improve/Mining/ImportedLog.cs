namespace Guichet.Improve.Mining;

/// One event as a log file gives it, flattened on its case: what an analysis space stores and what
/// the exports write. Unit is the organisational group (XES org:group, our unit), Resource who did it.
internal sealed record LogEvent(string Case, string Activity, DateTimeOffset Time, string? Lifecycle, string? Resource, string? Unit);

/// A whole log read from a file, in the file's order.
internal sealed record ImportedLog(string Format, IReadOnlyList<LogEvent> Events)
{
    public int CaseCount => Events.Select(e => e.Case).Distinct(StringComparer.Ordinal).Count();

    public MiningLog ToMiningLog()
    {
        var builder = new MiningLogBuilder();
        foreach (var e in Events) builder.Add(e.Case, e.Activity, e.Time, e.Unit ?? e.Resource);
        return builder.Build();
    }
}

/// Why a file is refused: a stable code and a title naming where, the same for the API and the page.
internal static class LogRefusals
{
    public static Refusal Malformed(string where) => new(422, "mining-log-malformed", $"The file is not well-formed ({where}).");
    public static Refusal NotXes => new(422, "mining-log-not-xes", "The file is XML but not an XES log (its root element is not <log>).");
    public static Refusal TimestampMissing(string where) => new(422, "mining-log-timestamp-missing", $"An event has no valid timestamp ({where}).");
    public static Refusal ActivityMissing(string where) => new(422, "mining-log-activity-missing", $"An event has no activity name ({where}).");
    public static Refusal NotOcel(string what) => new(422, "mining-log-not-ocel", $"The JSON is not an OCEL 2.0 log: {what}.");
    public static Refusal ObjectTypeUnknown(IEnumerable<string> known) => new(422, "mining-log-object-type-unknown", $"Choose the object type that is the case; the log has: {string.Join(", ", known)}.");
    public static Refusal ColumnMissing(string column) => new(422, "mining-log-column-missing", $"The CSV has no column \"{column}\".");
    public static Refusal Empty => new(422, "mining-log-empty", "The file holds no event.");
    public static Refusal TooLarge(int max) => new(422, "mining-log-too-large", $"The file holds more than {max} events.");
    public static Refusal FormatUnknown => new(422, "mining-log-format-unknown", "The format must be xes, csv or ocel.");
}
