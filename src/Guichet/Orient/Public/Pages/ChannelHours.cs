namespace Guichet.Orient.Public.Pages;

/// "Open now until 12:00" or "Closed, opens Thursday at 08:30", with what explains today (a
/// holiday, a closure, a special opening).
internal sealed record OpenNowText(bool IsOpen, string Sentence, Shown? TodayNote);

/// One date of a channel's coming days: its slots, why it differs from the usual week if it does.
internal sealed record HoursDay(DateOnly Date, bool IsToday, IReadOnlyList<(TimeOnly Opens, TimeOnly Closes)> Slots, Shown? Note, bool IsException);

/// A weekly pattern as written: the usual one, or a season ("From 1 July to 31 August").
internal sealed record HoursPeriod(Shown? Name, string? Season, IReadOnlyList<(DayOfWeek Day, string Hours)> Days);

/// The public reading of a channel's opening hours, in Brussels time, from the injected clock.
internal static class ChannelHours
{
    public const int WeekDays = 7;
    public const int ExceptionDays = 60;

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant) => BrusselsTime.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Slots(IEnumerable<(TimeOnly Opens, TimeOnly Closes)> slots) =>
        string.Join(", ", slots.Select(s => $"{Time(s.Opens)}–{Time(s.Closes)}"));

    /// "Thursday 15 October" in the reader's culture.
    public static string Day(DateOnly date) =>
        $"{date.ToString("dddd", CultureInfo.CurrentCulture)} {date.ToString("M", CultureInfo.CurrentCulture)}";

    public static OpenNowText Now(OpeningHours hours, string primaryLanguage, DateTimeOffset now, WorkingCalendar calendar, Texts texts) =>
        Describe(hours, hours.Status(now, calendar), primaryLanguage, now, calendar, texts);

    /// The sentence for a status already computed (the search's open-now summary).
    public static OpenNowText Describe(OpeningHours hours, OpenStatus status, string primaryLanguage, DateTimeOffset now, WorkingCalendar calendar, Texts texts)
    {
        var today = BrusselsTime.LocalDate(now);
        string sentence;
        if (status.IsOpen && status.ClosesAt is { } closes)
            sentence = texts["public.status.open-until", Time(closes)];
        else if (status.NextOpening is { } next)
            sentence = Opens(next, today, texts);
        else
            sentence = texts["public.status.closed"];

        // Today's note only where it explains the sentence: an open special day, or a closed day
        // that would normally open (or is a holiday).
        var openToday = hours.Slots(today, today, calendar).Any();
        var note = status.IsOpen == openToday ? NoteOn(hours, today, calendar) : null;
        return new OpenNowText(status.IsOpen, sentence, note is null ? null : Shown.Of(note, primaryLanguage));
    }

    private static string Opens(DateTimeOffset next, DateOnly today, Texts texts)
    {
        var local = BrusselsTime.ToLocal(next);
        var day = DateOnly.FromDateTime(local);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return (day.DayNumber - today.DayNumber) switch
        {
            0 => texts["public.status.opens-today", time],
            1 => texts["public.status.opens-tomorrow", time],
            < WeekDays => texts["public.status.opens-on-day", local.ToString("dddd", CultureInfo.CurrentCulture), time],
            _ => texts["public.status.opens-on-date", local.ToString("M", CultureInfo.CurrentCulture), time],
        };
    }

    /// The next <see cref="WeekDays"/> dates from today.
    public static IReadOnlyList<HoursDay> NextDays(OpeningHours hours, string primaryLanguage, DateTimeOffset now, WorkingCalendar calendar) =>
        Days(hours, primaryLanguage, BrusselsTime.LocalDate(now), 0, WeekDays, calendar);

    /// The dates after the week table, up to <see cref="ExceptionDays"/> days ahead, whose hours
    /// differ from the usual week: holidays, closures, special openings.
    public static IReadOnlyList<HoursDay> ComingExceptions(OpeningHours hours, string primaryLanguage, DateTimeOffset now, WorkingCalendar calendar) =>
        [.. Days(hours, primaryLanguage, BrusselsTime.LocalDate(now), WeekDays, ExceptionDays, calendar).Where(d => d.IsException)];

    private static List<HoursDay> Days(OpeningHours hours, string primaryLanguage, DateOnly today, int fromOffset, int toOffset, WorkingCalendar calendar)
    {
        var from = today.AddDays(fromOffset);
        var to = today.AddDays(toOffset - 1);
        var actual = hours.Slots(from, to, calendar).ToLookup(s => s.Date);
        var usual = Usual(hours).Slots(from, to, WorkingCalendar.LegalHolidaysOnly).ToLookup(s => s.Date);
        var days = new List<HoursDay>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var slots = actual[date].Select(s => (s.Opens, s.Closes)).ToList();
            var regular = usual[date].Select(s => (s.Opens, s.Closes)).ToList();
            var note = NoteOn(hours, date, calendar);
            days.Add(new HoursDay(date, date == today, slots, note is null ? null : Shown.Of(note, primaryLanguage), !slots.SequenceEqual(regular)));
        }
        return days;
    }

    /// The same hours without the exceptions of particular dates: what the week would be.
    public static OpeningHours Usual(OpeningHours hours) =>
        hours with { Closures = [], SpecialOpenings = [], ClosedOnPublicHolidays = false };

    /// Why a date is special: the reason of its special opening, else of the closure covering it,
    /// else the holiday or organisation closure of the working calendar.
    public static LocalizedText? NoteOn(OpeningHours hours, DateOnly date, WorkingCalendar calendar)
    {
        var slots = hours.Slots(date, date, calendar).ToList();
        if (slots.Count > 0)
            return slots.Select(s => s.Reason).FirstOrDefault(r => r is { IsEmpty: false });
        foreach (var closure in hours.Closures ?? [])
            if (closure is not null && OpeningHours.TryParseDate(closure.From, out var from) && OpeningHours.TryParseDate(closure.To, out var to) && from <= date && date <= to)
                return closure.Reason is { IsEmpty: false } reason ? reason : WorkingCalendar.DefaultClosureName;
        return hours.ClosedOnPublicHolidays ? calendar.DayOffOn(date)?.Name : null;
    }

    /// The weekly patterns as written, the usual one first, each day's slots in order.
    public static IReadOnlyList<HoursPeriod> Periods(OpeningHours hours, string primaryLanguage, Texts texts)
    {
        var periods = new List<HoursPeriod>();
        foreach (var p in (hours.Periods ?? []).Where(p => p is not null).OrderBy(p => p.From is null ? 0 : 1))
        {
            string? season = null;
            if (p.From is not null || p.To is not null)
            {
                if (!MonthDay.TryParse(p.From, out var from) || !MonthDay.TryParse(p.To, out var to)) continue;
                season = texts["public.hours.season", MonthDayText(from), MonthDayText(to)];
            }
            var slots = (p.Hours ?? [])
                .Where(h => h is not null && OpeningHours.TryParseDay(h.Day, out _) && OpeningHours.TryParseTime(h.Opens, out _) && OpeningHours.TryParseTime(h.Closes, out _))
                .Select(h => (Day: OpeningHours.Days[h.Day], Opens: TimeOnly.ParseExact(h.Opens, "HH:mm", CultureInfo.InvariantCulture), Closes: TimeOnly.ParseExact(h.Closes, "HH:mm", CultureInfo.InvariantCulture)))
                .ToLookup(s => s.Day);
            var days = Week.Where(d => slots[d].Any()).Select(d => (d, Slots(slots[d].OrderBy(s => s.Opens).Select(s => (s.Opens, s.Closes))))).ToList();
            periods.Add(new HoursPeriod(Shown.OfOptional(p.Name, primaryLanguage), season, days));
        }
        return periods;
    }

    private static string MonthDayText(MonthDay day) =>
        new DateOnly(2000, day.Month, day.Day).ToString("M", CultureInfo.CurrentCulture);

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);
}
