using FsCheck.Xunit;
using Guichet.Platform.Calendar;
using Guichet.Platform.Localization;
using Xunit;
using static Guichet.Tests.Platform.Calendar.CalendarTestData;

namespace Guichet.Tests.Platform.Calendar;

public sealed class OpeningHoursEvaluationTests
{
    private static readonly WorkingCalendar Holidays = WorkingCalendar.LegalHolidaysOnly;

    [Fact]
    public void Open_at_08_30_local_is_06_30Z_in_summer_time_and_07_30Z_in_winter_time()
    {
        var hours = TownHall();

        Assert.True(hours.IsOpenAt(Utc("2026-03-30T06:30:00Z"), Holidays));
        Assert.False(hours.IsOpenAt(Utc("2026-03-30T06:29:00Z"), Holidays));
        Assert.True(hours.IsOpenAt(Utc("2026-03-27T07:30:00Z"), Holidays));
        Assert.False(hours.IsOpenAt(Utc("2026-03-27T06:30:00Z"), Holidays));
    }

    [Fact]
    public void On_Thursday_the_counter_stays_open_late()
    {
        var hours = TownHall();

        Assert.Equal(OpenStatus.OpenUntil(Local("2026-03-19 19:00")), hours.Status(Local("2026-03-19 18:30"), Holidays));
        Assert.Equal(OpenStatus.ClosedUntil(Local("2026-03-18 08:30")), hours.Status(Local("2026-03-17 18:30"), Holidays));
    }

    [Fact]
    public void Closing_time_itself_is_closed_and_the_lunch_break_waits_for_the_afternoon()
    {
        var hours = TownHall();

        Assert.Equal(OpenStatus.OpenUntil(Local("2026-03-17 12:00")), hours.Status(Local("2026-03-17 11:59"), Holidays));
        Assert.Equal(OpenStatus.ClosedUntil(Local("2026-03-17 13:00")), hours.Status(Local("2026-03-17 12:00"), Holidays));
    }

    [Fact]
    public void In_July_the_summer_hours_apply()
    {
        var hours = TownHall();

        Assert.True(hours.IsOpenAt(Local("2026-07-16 09:30"), Holidays));
        Assert.False(hours.IsOpenAt(Local("2026-07-16 08:45"), Holidays));
        Assert.Equal(OpenStatus.ClosedUntil(Local("2026-07-17 09:00")), hours.Status(Local("2026-07-16 14:00"), Holidays));
        Assert.True(hours.IsOpenAt(Local("2026-09-03 14:00"), Holidays)); // back to the default in September
    }

    [Fact]
    public void Closed_on_24_December_and_the_next_opening_is_after_Christmas_and_the_weekend()
    {
        var hours = TownHall();

        Assert.False(hours.IsOpenAt(Local("2026-12-24 10:00"), Holidays));
        Assert.Equal(OpenStatus.ClosedUntil(Local("2026-12-28 08:30")), hours.Status(Local("2026-12-24 10:00"), Holidays));
    }

    [Fact]
    public void Closed_on_Easter_Monday_when_closed_on_public_holidays()
    {
        var hours = TownHall();

        Assert.Equal(OpenStatus.ClosedUntil(Local("2026-04-07 08:30")), hours.Status(Local("2026-04-06 10:00"), Holidays));
        Assert.True((hours with { ClosedOnPublicHolidays = false }).IsOpenAt(Local("2026-04-06 10:00"), Holidays));
    }

    [Fact]
    public void Regional_days_and_organisation_closures_of_the_calendar_close_the_channel_too()
    {
        var calendar = Flemish(new CalendarClosure { From = Date("2026-08-17"), To = Date("2026-08-17") });
        var hours = TownHall();

        Assert.False(hours.IsOpenAt(Local("2026-08-17 10:00"), calendar));
        Assert.True(hours.IsOpenAt(Local("2026-08-17 10:00"), Holidays));
        Assert.Equal(OpenStatus.ClosedUntil(Local("2026-08-18 09:00")), hours.Status(Local("2026-08-17 10:00"), calendar));
    }

    [Fact]
    public void A_special_Saturday_opening_opens_a_day_that_is_otherwise_closed()
    {
        var hours = TownHall();

        Assert.Equal(OpenStatus.OpenUntil(Local("2026-12-19 12:00")), hours.Status(Local("2026-12-19 10:00"), Holidays));
        Assert.False(hours.IsOpenAt(Local("2026-12-12 10:00"), Holidays));
        Assert.Equal(OpenStatus.ClosedUntil(Local("2026-12-19 09:00")), hours.Status(Local("2026-12-18 16:30"), Holidays));
    }

    [Fact]
    public void A_special_opening_wins_over_a_closure_and_a_holiday()
    {
        var hours = TownHall() with
        {
            SpecialOpenings = [new("2026-12-24", "09:00", "11:00", null), new("2026-04-06", "10:00", "12:00", null)],
        };

        Assert.True(hours.IsOpenAt(Local("2026-12-24 10:00"), Holidays));
        Assert.False(hours.IsOpenAt(Local("2026-12-24 11:30"), Holidays)); // its hours replace the day's usual ones
        Assert.True(hours.IsOpenAt(Local("2026-04-06 11:00"), Holidays));
    }

    [Fact]
    public void The_next_opening_after_Friday_afternoon_is_Monday_morning()
    {
        Assert.Equal(OpenStatus.ClosedUntil(Local("2026-03-23 08:30")), TownHall().Status(Local("2026-03-20 16:30"), Holidays));
    }

    [Fact]
    public void The_next_opening_skips_a_holiday()
    {
        // Wednesday evening before Ascension: Thursday is closed, Friday opens.
        Assert.Equal(OpenStatus.ClosedUntil(Local("2026-05-15 08:30")), TownHall().Status(Local("2026-05-13 17:00"), Holidays));
    }

    [Fact]
    public void The_next_opening_over_the_switch_to_summer_time_is_at_the_summer_offset()
    {
        Assert.Equal(Utc("2026-03-30T06:30:00Z"), TownHall().Status(Local("2026-03-27 17:00"), Holidays).NextOpening);
    }

    [Fact]
    public void A_seasonal_period_can_wrap_over_New_Year()
    {
        var hours = TownHall() with
        {
            Periods = [.. TownHall().Periods, new OpeningPeriod(null, "12-20", "01-05", [new("monday", "10:00", "12:00"), new("tuesday", "10:00", "12:00")])],
        };

        Assert.Equal(OpenStatus.ClosedUntil(Local("2026-12-21 10:00")), hours.Status(Local("2026-12-21 09:00"), Holidays));
        Assert.False(hours.IsOpenAt(Local("2026-12-21 14:00"), Holidays));
        Assert.True(hours.IsOpenAt(Local("2027-01-04 11:00"), Holidays));
        Assert.False(hours.IsOpenAt(Local("2026-12-30 11:00"), Holidays)); // a Wednesday: no hours in this season
        Assert.True(hours.IsOpenAt(Local("2027-01-06 08:30"), Holidays)); // the default pattern again
        Assert.True(hours.IsOpenAt(Local("2026-12-18 14:00"), Holidays));
    }

    [Fact]
    public void Touching_slots_read_as_one_opening()
    {
        var hours = new OpeningHours { Periods = [new(null, null, null, [new("monday", "12:00", "16:00"), new("monday", "08:30", "12:00")])] };

        Assert.Equal(OpenStatus.OpenUntil(Local("2026-03-16 16:00")), hours.Status(Local("2026-03-16 09:00"), Holidays));
    }

    [Fact]
    public void Hours_with_no_slot_are_never_open()
    {
        var hours = new OpeningHours();

        Assert.Equal(OpenStatus.ClosedUntil(null), hours.Status(Local("2026-03-16 09:00"), Holidays));
    }

    [Fact]
    public void A_special_opening_beyond_the_search_horizon_is_not_found()
    {
        var hours = new OpeningHours { SpecialOpenings = [new("2027-06-01", "09:00", "12:00", null)] };

        Assert.Equal(OpenStatus.ClosedUntil(null), hours.Status(Local("2026-03-16 09:00"), Holidays));
        Assert.Equal(OpenStatus.ClosedUntil(Local("2027-06-01 09:00")), hours.Status(Local("2026-06-01 09:00"), Holidays));
    }

    [Fact]
    public void Slots_list_the_effective_hours_day_by_day()
    {
        var slots = TownHall().Slots(Date("2026-04-06"), Date("2026-04-12"), Holidays).ToList();

        Assert.Equal(
            [
                (Date("2026-04-07"), new TimeOnly(8, 30), new TimeOnly(12, 0), (LocalizedText?)null),
                (Date("2026-04-07"), new TimeOnly(13, 0), new TimeOnly(16, 0), null),
                (Date("2026-04-08"), new TimeOnly(8, 30), new TimeOnly(12, 0), null),
                (Date("2026-04-08"), new TimeOnly(13, 0), new TimeOnly(16, 0), null),
                (Date("2026-04-09"), new TimeOnly(8, 30), new TimeOnly(12, 0), null),
                (Date("2026-04-09"), new TimeOnly(13, 0), new TimeOnly(19, 0), null),
                (Date("2026-04-10"), new TimeOnly(8, 30), new TimeOnly(12, 0), null),
                (Date("2026-04-10"), new TimeOnly(13, 0), new TimeOnly(16, 0), null),
            ],
            slots);
    }

    [Fact]
    public void Slots_carry_the_reason_of_a_special_opening()
    {
        var slots = TownHall().Slots(Date("2026-12-19"), Date("2026-12-20"), Holidays).ToList();

        Assert.Equal([(Date("2026-12-19"), new TimeOnly(9, 0), new TimeOnly(12, 0), (LocalizedText?)WinterSaturday)], slots);
    }

    [Fact]
    public void Slots_of_an_empty_range_are_empty()
    {
        Assert.Empty(TownHall().Slots(Date("2026-04-10"), Date("2026-04-09"), Holidays));
    }

    [Fact]
    public void A_slot_on_the_night_clocks_go_back_lasts_its_real_length()
    {
        var hours = new OpeningHours
        {
            ClosedOnPublicHolidays = false,
            Periods = [new(null, null, null, [new("sunday", "01:00", "04:00")])],
        };

        // 01:00 CEST to 04:00 CET is four hours: 23:00Z to 03:00Z.
        Assert.Equal(OpenStatus.ClosedUntil(Utc("2026-10-24T23:00:00Z")), hours.Status(Utc("2026-10-24T22:00:00Z"), Holidays));
        Assert.Equal(OpenStatus.OpenUntil(Utc("2026-10-25T03:00:00Z")), hours.Status(Utc("2026-10-25T01:30:00Z"), Holidays));
    }

    [Fact]
    public void Entries_that_do_not_parse_are_left_out_of_evaluation()
    {
        var hours = new OpeningHours
        {
            Periods = [new(null, null, null, [new("funday", "08:30", "12:00"), new("monday", "12:00", "08:30"), new("monday", "13:00", "16:00")])],
            Closures = [new("someday", "2026-03-16", null)],
        };

        Assert.Equal(OpenStatus.ClosedUntil(Local("2026-03-16 13:00")), hours.Status(Local("2026-03-16 09:00"), Holidays));
    }

    // Random minutes over two years, DST switches included.
    private static DateTimeOffset Instant(uint seed) => Utc("2026-01-01T00:00:00Z").AddMinutes(seed % (2 * 366 * 24 * 60));

    [Property(MaxTest = 300)]
    public void Status_agrees_with_IsOpenAt_and_names_the_moment_it_changes(uint seed)
    {
        var hours = TownHall();
        var calendar = Flemish();
        var instant = Instant(seed);

        var status = hours.Status(instant, calendar);

        Assert.Equal(hours.IsOpenAt(instant, calendar), status.IsOpen);
        var change = status.IsOpen ? status.ClosesAt!.Value : status.NextOpening!.Value;
        Assert.True(change > instant);
        Assert.Equal(!status.IsOpen, hours.IsOpenAt(change, calendar));
        Assert.Equal(status.IsOpen, hours.IsOpenAt(change.AddMinutes(-1), calendar));
    }

    [Property(MaxTest = 100)]
    public void Every_listed_slot_is_open_inside_and_closed_just_after(uint seed)
    {
        var hours = TownHall();
        var calendar = Flemish();
        var from = BrusselsTime.LocalDate(Instant(seed));

        foreach (var (date, opens, closes, _) in hours.Slots(from, from.AddDays(14), calendar))
        {
            Assert.True(hours.IsOpenAt(BrusselsTime.ToInstant(date, opens), calendar));
            Assert.True(hours.IsOpenAt(BrusselsTime.ToInstant(date, closes).AddMinutes(-1), calendar));
            Assert.False(hours.IsOpenAt(BrusselsTime.ToInstant(date, closes), calendar));
        }
    }
}
