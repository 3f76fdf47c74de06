namespace Guichet.Orient.Catalogue;

/// What a channel's opening hours mean from a given instant: open now or not, and the slots of
/// the coming days, with the day off (holiday, closure) that explains a closed weekday.
internal static class OpeningHoursOutlook
{
    public const int Days = 14;

    public sealed record Day(DateOnly Date, LocalizedText? DayOff, IReadOnlyList<Slot> Slots);

    public sealed record Slot(TimeOnly Opens, TimeOnly Closes, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, LocalizedText? Reason);

    public static IReadOnlyList<Day> NextDays(OpeningHours hours, DateTimeOffset now, WorkingCalendar calendar)
    {
        var today = BrusselsTime.LocalDate(now);
        var last = today.AddDays(Days - 1);
        var slots = hours.Slots(today, last, calendar).ToLookup(s => s.Date);
        var days = new List<Day>(Days);
        for (var date = today; date <= last; date = date.AddDays(1))
            days.Add(new Day(date, calendar.DayOffOn(date)?.Name,
                [.. slots[date].Select(s => new Slot(s.Opens, s.Closes, BrusselsTime.ToInstant(date, s.Opens), BrusselsTime.ToInstant(date, s.Closes), s.Reason))]));
        return days;
    }
}
