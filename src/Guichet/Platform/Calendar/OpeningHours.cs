using System.Text.Json.Serialization;

namespace Guichet.Platform.Calendar;

// When a service channel (a counter, a phone line) is open, as the organisation writes it down.
// Values are kept as the text they were written in ("monday", "08:30", "07-01", "2026-12-24") so
// that any JSON of the right shape can be read without an exception and Validate() can point at
// the exact field that is wrong. Evaluation (OpeningHoursEvaluation.cs) reads the entries that
// parse and leaves the others out; validate before saving.

internal sealed partial record OpeningHours
{
    [JsonPropertyName("closedOnPublicHolidays")] public bool ClosedOnPublicHolidays { get; init; } = true;
    [JsonPropertyName("periods")] public IReadOnlyList<OpeningPeriod> Periods { get; init; } = [];
    [JsonPropertyName("closures")] public IReadOnlyList<OpeningClosure> Closures { get; init; } = [];
    [JsonPropertyName("specialOpenings")] public IReadOnlyList<SpecialOpening> SpecialOpenings { get; init; } = [];

    internal static readonly IReadOnlyDictionary<string, DayOfWeek> Days = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    internal static bool TryParseDay(string? text, out DayOfWeek day) =>
        Days.TryGetValue(text ?? "", out day);

    internal static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    internal static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// A weekly pattern. From and To both null: the default pattern, used on any day no seasonal period
/// covers. Both set ("MM-DD"): a seasonal period, every year from From to To inclusive, wrapping
/// over New Year when From is after To. A period with no hours closes the channel for its season.
internal sealed record OpeningPeriod(
    [property: JsonPropertyName("name")] LocalizedText? Name,
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("to")] string? To,
    [property: JsonPropertyName("hours")] IReadOnlyList<OpeningSlot> Hours);

/// Opens and closes on the same day, "HH:mm", closing time excluded.
internal sealed record OpeningSlot(
    [property: JsonPropertyName("day")] string Day,
    [property: JsonPropertyName("opens")] string Opens,
    [property: JsonPropertyName("closes")] string Closes);

/// Closed on every date from From to To inclusive ("yyyy-MM-dd").
internal sealed record OpeningClosure(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("reason")] LocalizedText? Reason);

/// The hours of one date, replacing everything else for that date (a Saturday opening, shorter
/// hours on 24 December). Several on the same date give several slots.
internal sealed record SpecialOpening(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("opens")] string Opens,
    [property: JsonPropertyName("closes")] string Closes,
    [property: JsonPropertyName("reason")] LocalizedText? Reason);
