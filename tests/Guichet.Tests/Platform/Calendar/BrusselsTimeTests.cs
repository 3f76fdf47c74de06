using Guichet.Platform.Calendar;
using Xunit;
using static Guichet.Tests.Platform.Calendar.CalendarTestData;

namespace Guichet.Tests.Platform.Calendar;

public sealed class BrusselsTimeTests
{
    [Theory]
    [InlineData("2026-03-27", "08:30", "2026-03-27T07:30:00Z")] // winter time, UTC+1
    [InlineData("2026-03-30", "08:30", "2026-03-30T06:30:00Z")] // summer time, UTC+2
    [InlineData("2026-10-23", "08:30", "2026-10-23T06:30:00Z")]
    [InlineData("2026-10-26", "08:30", "2026-10-26T07:30:00Z")]
    [InlineData("2026-03-29", "01:59", "2026-03-29T00:59:00Z")]
    [InlineData("2026-03-29", "03:00", "2026-03-29T01:00:00Z")]
    [InlineData("2026-10-25", "03:00", "2026-10-25T02:00:00Z")]
    public void Local_time_is_converted_with_the_offset_of_that_day(string date, string time, string expected)
    {
        Assert.Equal(Utc(expected), BrusselsTime.ToInstant(Date(date), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_time_skipped_when_clocks_go_forward_is_read_as_the_same_length_past_the_jump()
    {
        // 02:30 does not exist on 29 March 2026; it is taken as 03:30 CEST.
        Assert.Equal(Utc("2026-03-29T01:30:00Z"), BrusselsTime.ToInstant(Date("2026-03-29"), new TimeOnly(2, 30)));
    }

    [Fact]
    public void A_time_shown_twice_when_clocks_go_back_is_taken_at_its_first_occurrence()
    {
        // 02:30 happens at 00:30Z (summer time) and again at 01:30Z (winter time).
        Assert.Equal(Utc("2026-10-25T00:30:00Z"), BrusselsTime.ToInstant(Date("2026-10-25"), new TimeOnly(2, 30)));
    }

    [Fact]
    public void Instants_come_back_as_UTC_and_convert_back_to_the_same_local_time()
    {
        var instant = BrusselsTime.ToInstant(Date("2026-07-21"), new TimeOnly(10, 15));

        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(new DateTime(2026, 7, 21, 10, 15, 0), BrusselsTime.ToLocal(instant));
        Assert.Equal(Date("2026-07-21"), BrusselsTime.LocalDate(instant));
    }

    [Fact]
    public void The_local_date_of_a_late_UTC_evening_is_the_next_day()
    {
        Assert.Equal(Date("2026-07-22"), BrusselsTime.LocalDate(Utc("2026-07-21T22:30:00Z")));
    }
}
