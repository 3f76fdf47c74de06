namespace Guichet.Platform.Calendar;

internal sealed partial record OpeningHours
{
    public const string Missing = "opening-hours-missing";
    public const string InvalidDay = "opening-hours-invalid-day";
    public const string InvalidTime = "opening-hours-invalid-time";
    public const string InvalidDate = "opening-hours-invalid-date";
    public const string InvalidMonthDay = "opening-hours-invalid-month-day";
    public const string PeriodIncomplete = "opening-hours-period-incomplete";
    public const string Inverted = "opening-hours-inverted";
    public const string Overlap = "opening-hours-overlap";
    public const string PeriodOverlap = "opening-hours-period-overlap";
    public const string DefaultDuplicate = "opening-hours-default-duplicate";

    /// Every problem, in the order of the document; empty when the hours are sound. Pure and
    /// total: any deserialized value, however wrong, gets a list and never an exception.
    public IReadOnlyList<CalendarError> Validate()
    {
        var errors = new List<CalendarError>();
        ValidatePeriods(errors);
        ValidateClosures(errors);
        ValidateSpecialOpenings(errors);
        return errors;
    }

    private void ValidatePeriods(List<CalendarError> errors)
    {
        var periods = Periods ?? [];
        var seasons = new List<(int Index, MonthDay From, MonthDay To)>();
        var defaults = 0;
        for (var i = 0; i < periods.Count; i++)
        {
            var path = $"periods[{i}]";
            var period = periods[i];
            if (period is null)
            {
                errors.Add(new(Missing, path));
                continue;
            }

            if (period.From is null && period.To is null)
            {
                if (++defaults > 1) errors.Add(new(DefaultDuplicate, path));
            }
            else if (period.From is null || period.To is null)
            {
                errors.Add(new(PeriodIncomplete, period.From is null ? $"{path}.from" : $"{path}.to"));
            }
            else
            {
                var fromOk = MonthDay.TryParse(period.From, out var from);
                var toOk = MonthDay.TryParse(period.To, out var to);
                if (!fromOk) errors.Add(new(InvalidMonthDay, $"{path}.from"));
                if (!toOk) errors.Add(new(InvalidMonthDay, $"{path}.to"));
                if (fromOk && toOk)
                {
                    if (seasons.Any(s => SharesADay(s.From, s.To, from, to)))
                        errors.Add(new(PeriodOverlap, path));
                    seasons.Add((i, from, to));
                }
            }

            ValidateWeek(period.Hours ?? [], $"{path}.hours", errors);
        }
    }

    private static void ValidateWeek(IReadOnlyList<OpeningSlot> hours, string path, List<CalendarError> errors)
    {
        var sound = new List<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)>();
        for (var j = 0; j < hours.Count; j++)
        {
            var slotPath = $"{path}[{j}]";
            var slot = hours[j];
            if (slot is null)
            {
                errors.Add(new(Missing, slotPath));
                continue;
            }
            var dayOk = TryParseDay(slot.Day, out var day);
            if (!dayOk) errors.Add(new(InvalidDay, $"{slotPath}.day"));
            if (!TryTimes(slot.Opens, slot.Closes, slotPath, errors, out var opens, out var closes) || !dayOk) continue;
            if (sound.Any(s => s.Day == day && s.Opens < closes && opens < s.Closes))
                errors.Add(new(Overlap, slotPath));
            sound.Add((day, opens, closes));
        }
    }

    private void ValidateClosures(List<CalendarError> errors)
    {
        var closures = Closures ?? [];
        for (var i = 0; i < closures.Count; i++)
        {
            var path = $"closures[{i}]";
            var closure = closures[i];
            if (closure is null)
            {
                errors.Add(new(Missing, path));
                continue;
            }
            var fromOk = TryParseDate(closure.From, out var from);
            var toOk = TryParseDate(closure.To, out var to);
            if (!fromOk) errors.Add(new(InvalidDate, $"{path}.from"));
            if (!toOk) errors.Add(new(InvalidDate, $"{path}.to"));
            if (fromOk && toOk && from > to) errors.Add(new(Inverted, path));
        }
    }

    private void ValidateSpecialOpenings(List<CalendarError> errors)
    {
        var openings = SpecialOpenings ?? [];
        var sound = new List<(DateOnly Date, TimeOnly Opens, TimeOnly Closes)>();
        for (var i = 0; i < openings.Count; i++)
        {
            var path = $"specialOpenings[{i}]";
            var opening = openings[i];
            if (opening is null)
            {
                errors.Add(new(Missing, path));
                continue;
            }
            var dateOk = TryParseDate(opening.Date, out var date);
            if (!dateOk) errors.Add(new(InvalidDate, $"{path}.date"));
            if (!TryTimes(opening.Opens, opening.Closes, path, errors, out var opens, out var closes) || !dateOk) continue;
            if (sound.Any(s => s.Date == date && s.Opens < closes && opens < s.Closes))
                errors.Add(new(Overlap, path));
            sound.Add((date, opens, closes));
        }
    }

    /// Adds the errors of an opens/closes pair; true when both parse and opens is before closes.
    private static bool TryTimes(string opensText, string closesText, string path, List<CalendarError> errors, out TimeOnly opens, out TimeOnly closes)
    {
        var opensOk = TryParseTime(opensText, out opens);
        var closesOk = TryParseTime(closesText, out closes);
        if (!opensOk) errors.Add(new(InvalidTime, $"{path}.opens"));
        if (!closesOk) errors.Add(new(InvalidTime, $"{path}.closes"));
        if (!opensOk || !closesOk) return false;
        if (opens >= closes)
        {
            errors.Add(new(Inverted, path));
            return false;
        }
        return true;
    }

    // A leap year, so that a season ending on 28 February and one starting on 1 March, or any
    // pair that only meets on 29 February, are judged on the years where that day exists.
    private static bool SharesADay(MonthDay fromA, MonthDay toA, MonthDay fromB, MonthDay toB)
    {
        for (var date = new DateOnly(2000, 1, 1); date.Year == 2000; date = date.AddDays(1))
            if (MonthDay.Covers(fromA, toA, date) && MonthDay.Covers(fromB, toB, date))
                return true;
        return false;
    }
}
