using System.Collections.Concurrent;

namespace Guichet.Platform.Calendar;

/// Which days the organisation works: Monday to Friday, except the legal holidays, the configured
/// regional days and the organisation's own closures. Pure: the same answers for the same
/// configuration, whatever the date today (a per-year cache only saves recomputing).
internal sealed class WorkingCalendar
{
    public static readonly LocalizedText DefaultClosureName = LocalizedText.Of("Fermeture", "Sluiting", "Schließung", "Closure");

    private readonly IReadOnlyList<MonthDay> regionalDays;
    private readonly IReadOnlyList<(DateOnly From, DateOnly To, LocalizedText Name)> closures;
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, DayOff>> daysOffByYear = new();

    public WorkingCalendar(IEnumerable<MonthDay> regionalDays, IEnumerable<CalendarClosure> closures)
    {
        this.regionalDays = [.. regionalDays.Distinct()];
        this.closures = [.. closures.Select(c => (c.From, c.To, c.Reason ?? DefaultClosureName))];
    }

    /// The legal holidays alone, for tests and for organisations that configure nothing.
    public static WorkingCalendar LegalHolidaysOnly { get; } = new([], []);

    /// Throws on invalid configuration: it is read once at start-up, where failing loudly is the
    /// kind thing to do. Call <see cref="CalendarOptions.Validate"/> first to get the details.
    public static WorkingCalendar FromOptions(CalendarOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new InvalidOperationException(
                $"Invalid \"{CalendarOptions.Section}\" configuration: {string.Join(", ", errors.Select(e => $"{e.Field} ({e.Code})"))}.");
        return new WorkingCalendar(options.RegionalDays.Select(MonthDay.Parse), options.Closures);
    }

    /// A legal holiday or a configured regional day; not an organisation closure.
    public bool IsHoliday(DateOnly date) =>
        DayOffOn(date) is { Kind: DayOffKind.LegalHoliday or DayOffKind.RegionalDay };

    /// A holiday or a day inside one of the organisation's closures: no deadline ends on it, and a
    /// channel "closed on public holidays" is closed on it (the whole organisation is off).
    public bool IsDayOff(DateOnly date) => DayOffOn(date) is not null;

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsDayOff(date);

    /// The n-th working day after <paramref name="start"/>, not counting start itself. With n = 0
    /// the answer is start when it is a working day, else the next working day: a deadline of
    /// "0 working days" still has to land on a day someone works.
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0) return NextWorkingDayOnOrAfter(start);
        var date = start;
        while (n > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) n--;
        }
        return date;
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// Calendar days are plain days; a rule that moves a deadline ending on a day off to the next
    /// working day (Code judiciaire, art. 53) composes this with <see cref="NextWorkingDayOnOrAfter"/>.
    public DateOnly AddCalendarDays(DateOnly start, int days) => start.AddDays(days);

    /// Working days in (from, to]: from itself is not counted, to is, so that
    /// WorkingDaysBetween(d, AddWorkingDays(d, n)) == n for n &gt; 0. Negative when to is before from.
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
            if (IsWorkingDay(date)) count++;
        return count;
    }

    /// Every day off of the year, one entry per date, by date. A date that is both a legal holiday
    /// and inside a closure is listed once, as the holiday (then regional day, then closure).
    public IReadOnlyList<DayOff> DaysOff(int year) => [.. DaysOffIn(year).Values.OrderBy(d => d.Date)];

    public DayOff? DayOffOn(DateOnly date) => DaysOffIn(date.Year).GetValueOrDefault(date);

    private IReadOnlyDictionary<DateOnly, DayOff> DaysOffIn(int year) => daysOffByYear.GetOrAdd(year, Compute);

    private Dictionary<DateOnly, DayOff> Compute(int year)
    {
        var days = new Dictionary<DateOnly, DayOff>();
        foreach (var holiday in BelgianHolidays.For(year))
            days.TryAdd(holiday.Date, holiday);
        foreach (var day in regionalDays)
            days.TryAdd(day.InYear(year), new DayOff(day.InYear(year), RegionalDays.NameOf(day), DayOffKind.RegionalDay));
        // Day numbers rather than AddDays so that a closure reaching 31 December 9999 does not overflow.
        var first = new DateOnly(year, 1, 1).DayNumber;
        var last = new DateOnly(year, 12, 31).DayNumber;
        foreach (var (from, to, name) in closures)
        {
            for (var n = Math.Max(from.DayNumber, first); n <= Math.Min(to.DayNumber, last); n++)
                days.TryAdd(DateOnly.FromDayNumber(n), new DayOff(DateOnly.FromDayNumber(n), name, DayOffKind.Closure));
        }
        return days;
    }
}
