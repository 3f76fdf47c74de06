namespace Guichet.Platform.Calendar;

/// Wall-clock time in Belgium. Instants are kept in UTC; opening hours and letters speak local time.
internal static class BrusselsTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// The UTC instant at which the clocks in Belgium show <paramref name="time"/> on <paramref name="date"/>.
    /// A time skipped when clocks go forward (02:30 on the last Sunday of March) is read as if the
    /// clocks had not yet changed, which lands the same length past the jump (03:30 CEST), as
    /// java.time and Noda Time do. A time shown twice when clocks go back is taken at its first
    /// occurrence (summer time), so a slot starting then starts as early as it can.
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (Zone.IsInvalidTime(local))
            // Transitions are months apart, so a day earlier is safely before this one.
            offset = Zone.GetUtcOffset(local.AddDays(-1));
        else if (Zone.IsAmbiguousTime(local))
            offset = Zone.GetAmbiguousTimeOffsets(local).Max();
        else
            offset = Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));
}
