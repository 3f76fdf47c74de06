using FsCheck.Xunit;
using Guichet.Platform.Calendar;
using Xunit;

namespace Guichet.Tests.Platform.Calendar;

// Random starts over some forty years and random counts, on a calendar with a regional day and a
// closure spanning New Year, so that every kind of day off is met.
public sealed class WorkingCalendarPropertyTests
{
    private static readonly WorkingCalendar Calendar = new(
        [new MonthDay(7, 11), new MonthDay(11, 15)],
        [new CalendarClosure { From = new DateOnly(2030, 12, 27), To = new DateOnly(2031, 1, 3) }]);

    private static DateOnly Start(ushort seed) => new DateOnly(2010, 1, 1).AddDays(seed % 15_000);

    private static int Count(ushort seed) => seed % 400;

    [Property(MaxTest = 300)]
    public void Adding_working_days_lands_on_a_working_day(ushort start, ushort n)
    {
        Assert.True(Calendar.IsWorkingDay(Calendar.AddWorkingDays(Start(start), Count(n))));
    }

    [Property(MaxTest = 300)]
    public void Adding_one_more_working_day_moves_to_the_next_working_day(ushort start, ushort n)
    {
        var d = Start(start);
        var k = Count(n) + 1;
        var before = Calendar.AddWorkingDays(d, k);
        var after = Calendar.AddWorkingDays(d, k + 1);

        Assert.True(after > before);
        for (var day = before.AddDays(1); day < after; day = day.AddDays(1))
            Assert.False(Calendar.IsWorkingDay(day), $"{day} was skipped");
    }

    [Property(MaxTest = 300)]
    public void Zero_and_one_working_days_differ_exactly_when_the_start_is_a_working_day(ushort start)
    {
        var d = Start(start);

        Assert.Equal(Calendar.IsWorkingDay(d), Calendar.AddWorkingDays(d, 0) < Calendar.AddWorkingDays(d, 1));
        Assert.Equal(Calendar.NextWorkingDayOnOrAfter(d), Calendar.AddWorkingDays(d, 0));
    }

    [Property(MaxTest = 300)]
    public void Working_days_between_undoes_adding_them(ushort start, ushort n)
    {
        var d = Start(start);
        var k = Count(n) + 1;

        Assert.Equal(k, Calendar.WorkingDaysBetween(d, Calendar.AddWorkingDays(d, k)));
    }

    [Property(MaxTest = 300)]
    public void Working_days_between_adds_up_and_changes_sign_when_reversed(ushort a, ushort b, ushort c)
    {
        var (x, y, z) = (Start(a), Start(b), Start(c));

        Assert.Equal(Calendar.WorkingDaysBetween(x, z), Calendar.WorkingDaysBetween(x, y) + Calendar.WorkingDaysBetween(y, z));
        Assert.Equal(-Calendar.WorkingDaysBetween(x, y), Calendar.WorkingDaysBetween(y, x));
    }

    [Property(MaxTest = 300)]
    public void A_working_day_is_a_weekday_that_is_no_day_off(ushort start)
    {
        var d = Start(start);
        var weekday = d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        Assert.Equal(weekday && !Calendar.IsDayOff(d), Calendar.IsWorkingDay(d));
        Assert.Equal(Calendar.IsDayOff(d), Calendar.DaysOff(d.Year).Any(o => o.Date == d));
    }
}
