using Guichet.Platform.Calendar;
using Guichet.Platform.Localization;
using Xunit;

namespace Guichet.Tests.Platform.Calendar;

public sealed class BelgianHolidaysTests
{
    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(1818, "1818-03-22")]
    public void Easter_falls_on_the_known_date(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), BelgianHolidays.EasterSunday(year));
    }

    [Fact]
    public void Easter_is_always_a_Sunday_between_22_March_and_25_April()
    {
        for (var year = 1583; year <= 9999; year++)
        {
            var easter = BelgianHolidays.EasterSunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Fact]
    public void The_ten_legal_holidays_of_2026_are_on_their_dates()
    {
        var holidays = BelgianHolidays.For(2026);

        Assert.Equal(
            [
                (new DateOnly(2026, 1, 1), "New Year's Day"),
                (new DateOnly(2026, 4, 6), "Easter Monday"),
                (new DateOnly(2026, 5, 1), "Labour Day"),
                (new DateOnly(2026, 5, 14), "Ascension Day"),
                (new DateOnly(2026, 5, 25), "Whit Monday"),
                (new DateOnly(2026, 7, 21), "Belgian National Day"),
                (new DateOnly(2026, 8, 15), "Assumption Day"),
                (new DateOnly(2026, 11, 1), "All Saints' Day"),
                (new DateOnly(2026, 11, 11), "Armistice Day"),
                (new DateOnly(2026, 12, 25), "Christmas Day"),
            ],
            holidays.Select(h => (h.Date, h.Name.En!)));
        Assert.All(holidays, h => Assert.Equal(DayOffKind.LegalHoliday, h.Kind));
    }

    [Fact]
    public void Movable_feasts_keep_their_weekday_every_year()
    {
        for (var year = 1900; year <= 2200; year++)
        {
            var holidays = BelgianHolidays.For(year);
            Assert.Equal(DayOfWeek.Monday, holidays.Single(h => h.Name == BelgianHolidays.EasterMonday).Date.DayOfWeek);
            Assert.Equal(DayOfWeek.Thursday, holidays.Single(h => h.Name == BelgianHolidays.Ascension).Date.DayOfWeek);
            Assert.Equal(DayOfWeek.Monday, holidays.Single(h => h.Name == BelgianHolidays.WhitMonday).Date.DayOfWeek);
        }
    }

    [Fact]
    public void Every_holiday_is_named_in_the_four_languages()
    {
        Assert.All(BelgianHolidays.For(2026), h =>
            Assert.All(LocalizedText.Languages, language => Assert.True(h.Name.Has(language), $"{h.Date} has no {language} name")));
        Assert.Equal("Lundi de Pâques", BelgianHolidays.For(2026)[1].Name.Fr);
        Assert.Equal("Paasmaandag", BelgianHolidays.For(2026)[1].Name.Nl);
        Assert.Equal("Ostermontag", BelgianHolidays.For(2026)[1].Name.De);
    }
}
