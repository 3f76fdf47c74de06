using System.Text.Json;
using Guichet.Platform.Calendar;
using Xunit;
using static Guichet.Tests.Platform.Calendar.CalendarTestData;

namespace Guichet.Tests.Platform.Calendar;

public sealed class OpeningHoursValidationTests
{
    private static OpeningHours Week(params OpeningSlot[] hours) => new() { Periods = [new(null, null, null, hours)] };

    private static CalendarError Error(string code, string field) => new(code, field);

    [Fact]
    public void Sound_hours_have_no_error()
    {
        Assert.Empty(TownHall().Validate());
        Assert.Empty(new OpeningHours().Validate());
    }

    [Theory]
    [InlineData("funday")]
    [InlineData("Monday")]
    [InlineData("mon")]
    [InlineData("")]
    public void A_day_that_is_not_a_lowercase_English_weekday_is_refused(string day)
    {
        Assert.Equal([Error("opening-hours-invalid-day", "periods[0].hours[1].day")],
            Week(new("monday", "08:30", "12:00"), new(day, "08:30", "12:00")).Validate());
    }

    [Theory]
    [InlineData("8:30")]
    [InlineData("08h30")]
    [InlineData("24:00")]
    [InlineData("08:30:00")]
    [InlineData("")]
    public void A_time_that_is_not_HH_mm_is_refused(string time)
    {
        Assert.Equal([Error("opening-hours-invalid-time", "periods[0].hours[0].opens")], Week(new OpeningSlot("monday", time, "12:00")).Validate());
        Assert.Equal([Error("opening-hours-invalid-time", "specialOpenings[0].closes")],
            new OpeningHours { SpecialOpenings = [new("2026-12-19", "09:00", time, null)] }.Validate());
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("24/12/2026")]
    [InlineData("2026-12-24T00:00")]
    [InlineData("2026-02-29")]
    public void A_date_that_is_not_yyyy_MM_dd_is_refused(string date)
    {
        Assert.Equal([Error("opening-hours-invalid-date", "closures[0].to")],
            new OpeningHours { Closures = [new("2026-12-24", date, null)] }.Validate());
        Assert.Equal([Error("opening-hours-invalid-date", "specialOpenings[0].date")],
            new OpeningHours { SpecialOpenings = [new(date, "09:00", "12:00", null)] }.Validate());
    }

    [Theory]
    [InlineData("7-01")]
    [InlineData("07/01")]
    [InlineData("00-10")]
    [InlineData("06-31")]
    [InlineData("02-29")] // a recurring day must exist every year
    public void A_season_bound_that_is_not_a_yearly_MM_DD_is_refused(string bound)
    {
        Assert.Equal([Error("opening-hours-invalid-month-day", "periods[0].from")],
            new OpeningHours { Periods = [new(null, bound, "08-31", [])] }.Validate());
    }

    [Fact]
    public void A_season_with_only_one_bound_is_refused()
    {
        Assert.Equal([Error("opening-hours-period-incomplete", "periods[0].to"), Error("opening-hours-period-incomplete", "periods[1].from")],
            new OpeningHours { Periods = [new(null, "07-01", null, []), new(null, null, "08-31", [])] }.Validate());
    }

    [Theory]
    [InlineData("12:00", "12:00")]
    [InlineData("13:00", "12:00")]
    public void A_slot_that_does_not_open_before_it_closes_is_refused(string opens, string closes)
    {
        Assert.Equal([Error("opening-hours-inverted", "periods[0].hours[0]")], Week(new OpeningSlot("monday", opens, closes)).Validate());
        Assert.Equal([Error("opening-hours-inverted", "specialOpenings[0]")],
            new OpeningHours { SpecialOpenings = [new("2026-12-19", opens, closes, null)] }.Validate());
    }

    [Fact]
    public void A_closure_ending_before_it_starts_is_refused()
    {
        Assert.Equal([Error("opening-hours-inverted", "closures[1]")],
            new OpeningHours { Closures = [new("2026-12-24", "2026-12-24", null), new("2026-12-31", "2026-12-24", null)] }.Validate());
    }

    [Fact]
    public void Overlapping_slots_on_one_day_are_refused_but_touching_ones_and_other_days_are_not()
    {
        Assert.Equal([Error("opening-hours-overlap", "periods[0].hours[2]")],
            Week(new("monday", "08:30", "12:00"), new("tuesday", "08:30", "12:00"), new("monday", "11:00", "14:00")).Validate());
        Assert.Empty(Week(new("monday", "08:30", "12:00"), new("monday", "12:00", "16:00"), new("tuesday", "11:00", "14:00")).Validate());
    }

    [Fact]
    public void Overlapping_special_openings_on_one_date_are_refused()
    {
        var hours = new OpeningHours
        {
            SpecialOpenings =
            [
                new("2026-12-19", "09:00", "12:00", null),
                new("2026-12-20", "10:00", "11:00", null),
                new("2026-12-19", "13:00", "15:00", null),
                new("2026-12-19", "11:30", "13:30", null),
            ],
        };

        Assert.Equal([Error("opening-hours-overlap", "specialOpenings[3]")], hours.Validate());
    }

    [Theory]
    [InlineData("07-01", "08-31", "08-15", "09-15")]
    [InlineData("07-01", "08-31", "07-10", "07-20")]
    [InlineData("12-20", "01-05", "01-01", "01-31")]
    [InlineData("12-20", "01-05", "11-01", "12-20")]
    [InlineData("11-01", "02-28", "12-01", "01-31")]
    public void Seasons_sharing_a_day_are_refused(string fromA, string toA, string fromB, string toB)
    {
        Assert.Equal([Error("opening-hours-period-overlap", "periods[1]")],
            new OpeningHours { Periods = [new(null, fromA, toA, []), new(null, fromB, toB, [])] }.Validate());
    }

    [Theory]
    [InlineData("07-01", "07-31", "08-01", "08-31")]
    [InlineData("12-20", "01-05", "01-06", "12-19")]
    [InlineData("01-01", "02-28", "03-01", "03-31")]
    public void Seasons_that_only_follow_each_other_are_accepted(string fromA, string toA, string fromB, string toB)
    {
        Assert.Empty(new OpeningHours { Periods = [new(null, fromA, toA, []), new(null, fromB, toB, [])] }.Validate());
    }

    [Fact]
    public void A_second_default_week_is_refused()
    {
        Assert.Equal([Error("opening-hours-default-duplicate", "periods[2]")],
            new OpeningHours { Periods = [new(null, null, null, []), new(null, "07-01", "08-31", []), new(null, null, null, [])] }.Validate());
    }

    [Fact]
    public void Missing_entries_are_refused_where_they_are()
    {
        var json = """
            { "periods": [ null, { "hours": [ null, { "day": "monday" } ] } ],
              "closures": [ null, {} ],
              "specialOpenings": [ null ] }
            """;

        var hours = JsonSerializer.Deserialize<OpeningHours>(json)!;

        Assert.Equal(
            [
                Error("opening-hours-missing", "periods[0]"),
                Error("opening-hours-missing", "periods[1].hours[0]"),
                Error("opening-hours-invalid-time", "periods[1].hours[1].opens"),
                Error("opening-hours-invalid-time", "periods[1].hours[1].closes"),
                Error("opening-hours-missing", "closures[0]"),
                Error("opening-hours-invalid-date", "closures[1].from"),
                Error("opening-hours-invalid-date", "closures[1].to"),
                Error("opening-hours-missing", "specialOpenings[0]"),
            ],
            hours.Validate());
        Assert.False(hours.IsOpenAt(Local("2026-03-16 10:00"), WorkingCalendar.LegalHolidaysOnly));
    }

    [Fact]
    public void Null_lists_read_as_empty()
    {
        var hours = JsonSerializer.Deserialize<OpeningHours>("""{ "periods": null, "closures": null, "specialOpenings": null }""")!;

        Assert.Empty(hours.Validate());
        Assert.Equal(OpenStatus.ClosedUntil(null), hours.Status(Local("2026-03-16 10:00"), WorkingCalendar.LegalHolidaysOnly));
    }

    [Fact]
    public void Every_error_of_a_badly_written_document_is_reported_at_once()
    {
        var json = """
            { "periods": [ { "from": null, "to": null, "hours": [ { "day": "lundi", "opens": "8:30", "closes": "12:00" } ] },
                           { "from": null, "to": null, "hours": [] } ],
              "closures": [ { "from": "2026-12-31", "to": "2026-12-24" } ] }
            """;

        var codes = JsonSerializer.Deserialize<OpeningHours>(json)!.Validate().Select(e => e.Code);

        Assert.Equal(["opening-hours-invalid-day", "opening-hours-invalid-time", "opening-hours-default-duplicate", "opening-hours-inverted"], codes);
    }
}
