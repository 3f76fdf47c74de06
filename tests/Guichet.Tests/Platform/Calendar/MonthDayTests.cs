using Guichet.Platform.Calendar;
using Xunit;
using static Guichet.Tests.Platform.Calendar.CalendarTestData;

namespace Guichet.Tests.Platform.Calendar;

public sealed class MonthDayTests
{
    [Theory]
    [InlineData("01-01")]
    [InlineData("07-11")]
    [InlineData("12-31")]
    [InlineData("02-28")]
    public void A_yearly_day_reads_and_writes_as_MM_DD(string text)
    {
        Assert.True(MonthDay.TryParse(text, out var day));
        Assert.Equal(text, day.ToString());
        Assert.Equal(day, MonthDay.Parse(text));
    }

    [Fact]
    public void Parsing_a_day_that_does_not_come_back_every_year_fails_loudly()
    {
        Assert.Throws<FormatException>(() => MonthDay.Parse("02-29"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonthDay(4, 31));
    }

    [Theory]
    [InlineData("07-01", "08-31", "2026-07-01", true)]
    [InlineData("07-01", "08-31", "2026-08-31", true)]
    [InlineData("07-01", "08-31", "2026-09-01", false)]
    [InlineData("12-20", "01-05", "2026-12-31", true)]
    [InlineData("12-20", "01-05", "2027-01-05", true)]
    [InlineData("12-20", "01-05", "2027-01-06", false)]
    [InlineData("12-20", "01-05", "2026-12-19", false)]
    [InlineData("02-01", "02-28", "2028-02-29", false)]
    [InlineData("02-28", "03-01", "2028-02-29", true)]
    [InlineData("03-15", "03-15", "2026-03-15", true)]
    public void A_span_covers_its_bounds_and_may_wrap_over_New_Year(string from, string to, string date, bool covered)
    {
        Assert.Equal(covered, MonthDay.Covers(MonthDay.Parse(from), MonthDay.Parse(to), Date(date)));
    }
}
