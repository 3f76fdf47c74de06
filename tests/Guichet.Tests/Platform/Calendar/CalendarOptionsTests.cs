using Guichet.Platform.Calendar;
using Microsoft.Extensions.Configuration;
using Xunit;
using static Guichet.Tests.Platform.Calendar.CalendarTestData;

namespace Guichet.Tests.Platform.Calendar;

public sealed class CalendarOptionsTests
{
    [Fact]
    public void Options_bind_from_the_Calendar_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Calendar:RegionalDays:0"] = "07-11",
                ["Calendar:RegionalDays:1"] = "11-15",
                ["Calendar:Closures:0:From"] = "2026-12-28",
                ["Calendar:Closures:0:To"] = "2026-12-31",
                ["Calendar:Closures:0:Reason:fr"] = "Fermeture de fin d'année",
                ["Calendar:Closures:0:Reason:nl"] = "Eindejaarssluiting",
                ["Calendar:Closures:1:From"] = "2026-08-17",
                ["Calendar:Closures:1:To"] = "2026-08-17",
            })
            .Build();

        var options = configuration.GetSection(CalendarOptions.Section).Get<CalendarOptions>()!;

        Assert.Equal(["07-11", "11-15"], options.RegionalDays);
        Assert.Equal(2, options.Closures.Count);
        Assert.Equal(Date("2026-12-28"), options.Closures[0].From);
        Assert.Equal(Date("2026-12-31"), options.Closures[0].To);
        Assert.Equal("Eindejaarssluiting", options.Closures[0].Reason!.Nl);
        Assert.Null(options.Closures[1].Reason);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("7-11")]
    [InlineData("07/11")]
    [InlineData("13-01")]
    [InlineData("04-31")]
    [InlineData("02-29")] // does not come back every year
    [InlineData("")]
    public void A_regional_day_that_is_not_a_yearly_MM_DD_is_refused(string day)
    {
        var options = new CalendarOptions { RegionalDays = ["07-11", day] };

        Assert.Equal([new CalendarError("calendar-invalid-regional-day", "regionalDays[1]")], options.Validate());
    }

    [Fact]
    public void A_closure_ending_before_it_starts_is_refused()
    {
        var options = new CalendarOptions { Closures = [new CalendarClosure { From = Date("2026-08-18"), To = Date("2026-08-17") }] };

        Assert.Equal([new CalendarError("calendar-closure-inverted", "closures[0]")], options.Validate());
    }
}
