namespace Guichet.Platform.Calendar;

/// Configuration section "Calendar": the days off the organisation adds to the legal holidays.
/// <code>
/// "Calendar": {
///   "RegionalDays": [ "07-11", "11-15" ],
///   "Closures": [ { "From": "2026-12-28", "To": "2026-12-31", "Reason": { "fr": "...", "nl": "..." } } ]
/// }
/// </code>
internal sealed class CalendarOptions
{
    public const string Section = "Calendar";

    public string[] RegionalDays { get; set; } = [];
    public List<CalendarClosure> Closures { get; set; } = [];

    public IReadOnlyList<CalendarError> Validate()
    {
        var errors = new List<CalendarError>();
        for (var i = 0; i < RegionalDays.Length; i++)
            if (!MonthDay.TryParse(RegionalDays[i], out _))
                errors.Add(new("calendar-invalid-regional-day", $"regionalDays[{i}]"));
        for (var i = 0; i < Closures.Count; i++)
            if (Closures[i].From > Closures[i].To)
                errors.Add(new("calendar-closure-inverted", $"closures[{i}]"));
        return errors;
    }
}

/// Dates inclusive: a one-day closure has From == To.
internal sealed class CalendarClosure
{
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public LocalizedText? Reason { get; set; }
}
