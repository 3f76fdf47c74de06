namespace Guichet.Platform.Calendar;

// Which hours apply on a local date, in this order: the special openings of that date; else closed
// if a closure covers it; else closed on a holiday or an organisation closure day of the working
// calendar when ClosedOnPublicHolidays; else the seasonal period covering it; else the default
// pattern. Slot times are Belgian wall-clock times, turned into instants per date so that a slot
// on a DST switch day has its true length.
internal sealed partial record OpeningHours
{
    public const int NextOpeningHorizonDays = 400;

    public bool IsOpenAt(DateTimeOffset instant, WorkingCalendar calendar)
    {
        var date = BrusselsTime.LocalDate(instant);
        return Compile().SlotsOn(date, calendar)
            .Any(s => BrusselsTime.ToInstant(date, s.Opens) <= instant && instant < BrusselsTime.ToInstant(date, s.Closes));
    }

    public OpenStatus Status(DateTimeOffset instant, WorkingCalendar calendar)
    {
        var compiled = Compile();
        var today = BrusselsTime.LocalDate(instant);
        for (var offset = 0; offset <= NextOpeningHorizonDays; offset++)
        {
            var date = today.AddDays(offset);
            foreach (var (opensAt, closesAt) in Intervals(date, compiled.SlotsOn(date, calendar)))
            {
                if (instant < opensAt) return OpenStatus.ClosedUntil(opensAt);
                if (instant < closesAt) return OpenStatus.OpenUntil(closesAt);
            }
        }
        return OpenStatus.ClosedUntil(null);
    }

    /// The opening slots of each date from <paramref name="from"/> to <paramref name="to"/> inclusive,
    /// by date then opening time. Reason is the special opening's reason; null for regular hours.
    public IEnumerable<(DateOnly Date, TimeOnly Opens, TimeOnly Closes, LocalizedText? Reason)> Slots(DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        var compiled = Compile();
        for (var n = from.DayNumber; n <= to.DayNumber; n++)
        {
            var date = DateOnly.FromDayNumber(n);
            foreach (var slot in compiled.SlotsOn(date, calendar))
                yield return (date, slot.Opens, slot.Closes, slot.Reason);
        }
    }

    /// The slots of one date as instants, touching or overlapping ones merged, so that a counter
    /// open 08:30–12:00 and 12:00–16:00 is "open until 16:00", not "until 12:00".
    private static List<(DateTimeOffset Opens, DateTimeOffset Closes)> Intervals(DateOnly date, IReadOnlyList<Slot> slots)
    {
        var merged = new List<(DateTimeOffset Opens, DateTimeOffset Closes)>();
        foreach (var slot in slots)
        {
            var opens = BrusselsTime.ToInstant(date, slot.Opens);
            var closes = BrusselsTime.ToInstant(date, slot.Closes);
            if (opens >= closes) continue; // a slot inside the hour skipped when clocks go forward
            if (merged.Count > 0 && opens <= merged[^1].Closes)
                merged[^1] = (merged[^1].Opens, Max(merged[^1].Closes, closes));
            else
                merged.Add((opens, closes));
        }
        return merged;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record Slot(TimeOnly Opens, TimeOnly Closes, LocalizedText? Reason);

    private sealed record Season(MonthDay From, MonthDay To, ILookup<DayOfWeek, Slot> Week);

    private sealed record Compiled(
        bool ClosedOnPublicHolidays,
        ILookup<DateOnly, Slot> Specials,
        IReadOnlyList<(DateOnly From, DateOnly To)> Closures,
        IReadOnlyList<Season> Seasons,
        ILookup<DayOfWeek, Slot> DefaultWeek)
    {
        public IReadOnlyList<Slot> SlotsOn(DateOnly date, WorkingCalendar calendar)
        {
            if (Specials.Contains(date)) return Sorted(Specials[date]);
            if (Closures.Any(c => c.From <= date && date <= c.To)) return [];
            if (ClosedOnPublicHolidays && calendar.IsDayOff(date)) return [];
            var week = Seasons.FirstOrDefault(s => MonthDay.Covers(s.From, s.To, date))?.Week ?? DefaultWeek;
            return Sorted(week[date.DayOfWeek]);
        }

        private static List<Slot> Sorted(IEnumerable<Slot> slots) => [.. slots.OrderBy(s => s.Opens)];
    }

    // Entries that do not parse, and slots that close before they open, are left out: evaluation
    // must answer something for any data, and "no such hours" is the least surprising answer.
    private Compiled Compile()
    {
        var specials = new List<(DateOnly Date, Slot Slot)>();
        foreach (var s in SpecialOpenings ?? [])
            if (s is not null && TryParseDate(s.Date, out var date) && TrySlot(s.Opens, s.Closes, s.Reason) is { } slot)
                specials.Add((date, slot));

        var closures = new List<(DateOnly From, DateOnly To)>();
        foreach (var c in Closures ?? [])
            if (c is not null && TryParseDate(c.From, out var from) && TryParseDate(c.To, out var to))
                closures.Add((from, to));

        var seasons = new List<Season>();
        ILookup<DayOfWeek, Slot>? defaultWeek = null;
        foreach (var p in Periods ?? [])
        {
            if (p is null) continue;
            if (p.From is null && p.To is null)
                defaultWeek ??= Week(p.Hours);
            else if (MonthDay.TryParse(p.From, out var from) && MonthDay.TryParse(p.To, out var to))
                seasons.Add(new Season(from, to, Week(p.Hours)));
        }

        return new Compiled(
            ClosedOnPublicHolidays,
            specials.ToLookup(s => s.Date, s => s.Slot),
            closures,
            seasons,
            defaultWeek ?? Week([]));
    }

    private static ILookup<DayOfWeek, Slot> Week(IReadOnlyList<OpeningSlot>? hours)
    {
        var slots = new List<(DayOfWeek Day, Slot Slot)>();
        foreach (var h in hours ?? [])
            if (h is not null && TryParseDay(h.Day, out var day) && TrySlot(h.Opens, h.Closes, null) is { } slot)
                slots.Add((day, slot));
        return slots.ToLookup(s => s.Day, s => s.Slot);
    }

    private static Slot? TrySlot(string? opens, string? closes, LocalizedText? reason) =>
        TryParseTime(opens, out var o) && TryParseTime(closes, out var c) && o < c ? new Slot(o, c, reason) : null;
}
