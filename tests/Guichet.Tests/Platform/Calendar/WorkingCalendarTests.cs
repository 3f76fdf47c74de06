using Guichet.Platform.Calendar;
using Guichet.Platform.Localization;
using Xunit;
using static Guichet.Tests.Platform.Calendar.CalendarTestData;

namespace Guichet.Tests.Platform.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly LocalizedText YearEnd = LocalizedText.Of("Fermeture de fin d'année", "Eindejaarssluiting", "Jahresendschließung", "Year-end closure");

    [Theory]
    [InlineData("2026-04-03", true)]  // Friday before Easter
    [InlineData("2026-04-04", false)] // Saturday
    [InlineData("2026-04-05", false)] // Easter Sunday
    [InlineData("2026-04-06", false)] // Easter Monday
    [InlineData("2026-04-07", true)]
    [InlineData("2026-05-14", false)] // Ascension
    [InlineData("2026-05-15", true)]  // the bridge day is not a legal holiday
    [InlineData("2026-07-10", true)]
    [InlineData("2026-12-25", false)]
    public void Weekends_and_legal_holidays_are_not_working_days(string date, bool working)
    {
        Assert.Equal(working, WorkingCalendar.LegalHolidaysOnly.IsWorkingDay(Date(date)));
    }

    [Fact]
    public void A_configured_regional_day_is_a_holiday_only_where_configured()
    {
        var friday = Date("2025-07-11");

        Assert.True(WorkingCalendar.LegalHolidaysOnly.IsWorkingDay(friday));
        Assert.False(Flemish().IsWorkingDay(friday));
        Assert.True(Flemish().IsHoliday(friday));
        Assert.Equal("Feest van de Vlaamse Gemeenschap", Flemish().DayOffOn(friday)!.Name.Nl);
    }

    [Fact]
    public void An_organisation_closure_is_a_day_off_but_not_a_holiday()
    {
        var calendar = new WorkingCalendar([], [new CalendarClosure { From = Date("2026-12-28"), To = Date("2027-01-04"), Reason = YearEnd }]);

        Assert.False(calendar.IsWorkingDay(Date("2026-12-28")));
        Assert.True(calendar.IsDayOff(Date("2027-01-04")));
        Assert.False(calendar.IsHoliday(Date("2027-01-04")));
        Assert.True(calendar.IsHoliday(Date("2027-01-01")));
        Assert.True(calendar.IsWorkingDay(Date("2027-01-05")));
        Assert.Equal(YearEnd, calendar.DayOffOn(Date("2026-12-29"))!.Name);
    }

    [Theory]
    [InlineData("2026-04-02", 1, "2026-04-03")]
    [InlineData("2026-04-03", 1, "2026-04-07")] // over the weekend and Easter Monday
    [InlineData("2026-04-03", 3, "2026-04-09")]
    [InlineData("2026-05-13", 1, "2026-05-15")] // over Ascension
    [InlineData("2026-12-24", 2, "2026-12-29")] // over Christmas and the weekend
    [InlineData("2026-04-04", 1, "2026-04-07")] // counting starts after a Saturday too
    [InlineData("2026-01-01", 20, "2026-01-29")]
    public void Adding_working_days_skips_weekends_and_holidays(string start, int n, string expected)
    {
        Assert.Equal(Date(expected), WorkingCalendar.LegalHolidaysOnly.AddWorkingDays(Date(start), n));
    }

    [Theory]
    [InlineData("2026-04-03", "2026-04-03")] // a working day stays
    [InlineData("2026-04-04", "2026-04-07")] // a Saturday before Easter Monday moves to Tuesday
    [InlineData("2026-12-25", "2026-12-28")]
    public void Adding_zero_working_days_lands_on_the_first_working_day_from_start(string start, string expected)
    {
        Assert.Equal(Date(expected), WorkingCalendar.LegalHolidaysOnly.AddWorkingDays(Date(start), 0));
    }

    [Fact]
    public void Adding_a_negative_number_of_working_days_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.LegalHolidaysOnly.AddWorkingDays(Date("2026-01-05"), -1));
    }

    [Fact]
    public void Regional_days_and_closures_count_as_days_off_when_adding_working_days()
    {
        var calendar = Flemish(new CalendarClosure { From = Date("2025-07-14"), To = Date("2025-07-15") });

        // Thu 10 Jul 2025 + 1: Fri 11 Jul is the Flemish day, Mon 14 and Tue 15 are closed.
        Assert.Equal(Date("2025-07-16"), calendar.AddWorkingDays(Date("2025-07-10"), 1));
    }

    [Fact]
    public void Calendar_days_are_plain_days_and_can_be_moved_to_the_next_working_day()
    {
        var calendar = WorkingCalendar.LegalHolidaysOnly;

        var end = calendar.AddCalendarDays(Date("2026-03-07"), 30);

        Assert.Equal(Date("2026-04-06"), end);
        Assert.Equal(Date("2026-04-07"), calendar.NextWorkingDayOnOrAfter(end));
        Assert.Equal(Date("2026-02-05"), calendar.AddCalendarDays(Date("2026-03-07"), -30));
    }

    [Theory]
    [InlineData("2026-04-03", "2026-04-03", 0)]
    [InlineData("2026-04-03", "2026-04-07", 1)]
    [InlineData("2026-04-04", "2026-04-06", 0)]
    [InlineData("2026-01-01", "2026-12-31", 253)] // 261 weekdays, 8 holidays on a weekday
    [InlineData("2026-04-07", "2026-04-03", -1)]
    public void Working_days_between_counts_the_end_but_not_the_start(string from, string to, int expected)
    {
        Assert.Equal(expected, WorkingCalendar.LegalHolidaysOnly.WorkingDaysBetween(Date(from), Date(to)));
    }

    [Fact]
    public void Days_off_list_each_date_once_by_date_with_the_holiday_first()
    {
        var calendar = Flemish(new CalendarClosure { From = Date("2026-12-24"), To = Date("2027-01-02"), Reason = YearEnd });

        var daysOff = calendar.DaysOff(2026);

        Assert.Equal(10 + 1 + 7, daysOff.Count); // 24–31 Dec is 8 days, one of them Christmas
        Assert.Equal(daysOff.OrderBy(d => d.Date), daysOff);
        Assert.Equal(new DayOff(Date("2026-07-11"), RegionalDays.NameOf(new MonthDay(7, 11)), DayOffKind.RegionalDay), daysOff.Single(d => d.Date == Date("2026-07-11")));
        Assert.Equal(DayOffKind.LegalHoliday, daysOff.Single(d => d.Date == Date("2026-12-25")).Kind);
        Assert.Equal(new DayOff(Date("2026-12-31"), YearEnd, DayOffKind.Closure), daysOff[^1]);
    }

    [Fact]
    public void A_closure_over_New_Year_is_listed_in_both_years()
    {
        var calendar = new WorkingCalendar([], [new CalendarClosure { From = Date("2026-12-31"), To = Date("2027-01-02") }]);

        var daysOff2027 = calendar.DaysOff(2027);

        Assert.Contains(daysOff2027, d => d == new DayOff(Date("2027-01-02"), WorkingCalendar.DefaultClosureName, DayOffKind.Closure));
        Assert.Contains(daysOff2027, d => d.Date == Date("2027-01-01") && d.Kind == DayOffKind.LegalHoliday);
        Assert.Contains(calendar.DaysOff(2026), d => d.Date == Date("2026-12-31") && d.Kind == DayOffKind.Closure);
    }

    [Fact]
    public void The_known_regional_days_have_their_names_and_others_a_generic_one()
    {
        Assert.Equal("Fête de la Communauté française", RegionalDays.NameOf(new MonthDay(9, 27)).Fr);
        Assert.Equal("King's Feast and German-speaking Community Day", RegionalDays.NameOf(new MonthDay(11, 15)).En);
        Assert.Equal(RegionalDays.Generic, RegionalDays.NameOf(new MonthDay(6, 3)));
    }

    [Fact]
    public void A_calendar_is_built_from_valid_options()
    {
        var options = new CalendarOptions
        {
            RegionalDays = ["07-11", "09-27"],
            Closures = [new CalendarClosure { From = Date("2026-08-17"), To = Date("2026-08-17") }],
        };

        var calendar = WorkingCalendar.FromOptions(options);

        Assert.True(calendar.IsHoliday(Date("2026-09-27")));
        Assert.False(calendar.IsWorkingDay(Date("2026-08-17")));
    }

    [Fact]
    public void Invalid_options_stop_the_start_up_with_every_problem_named()
    {
        var options = new CalendarOptions { RegionalDays = ["7-11"], Closures = [new CalendarClosure { From = Date("2026-08-18"), To = Date("2026-08-17") }] };

        var error = Assert.Throws<InvalidOperationException>(() => WorkingCalendar.FromOptions(options));

        Assert.Contains("regionalDays[0] (calendar-invalid-regional-day)", error.Message, StringComparison.Ordinal);
        Assert.Contains("closures[0] (calendar-closure-inverted)", error.Message, StringComparison.Ordinal);
    }
}
