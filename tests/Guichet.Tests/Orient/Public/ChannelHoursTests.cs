using System.Globalization;
using System.Text.Json.Nodes;
using Guichet.Orient.Public.Pages;
using Guichet.Platform.Calendar;
using Guichet.Platform.Localization;
using Guichet.Tests.Platform.Calendar;

namespace Guichet.Tests.Orient.Public;

/// The sentences and the schema.org items built from opening hours, without a host.
public sealed class ChannelHoursTests
{
    private static readonly Texts Texts = new();

    private static T InLanguage<T>(string language, Func<T> work)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Languages.CultureName(language));
        try { return work(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui); }
    }

    private static OpeningHours Hours(params OpeningPeriod[] periods) => new() { Periods = periods };

    private static OpeningPeriod Week(string? from, string? to, params (string Day, string Opens, string Closes)[] slots) =>
        new(null, from, to, [.. slots.Select(s => new OpeningSlot(s.Day, s.Opens, s.Closes))]);

    [Theory]
    [InlineData("fr", "Fermé, ouvre le 14 septembre à 09:00")]
    [InlineData("nl", "Gesloten, opent op 14 september om 09:00")]
    [InlineData("de", "Geschlossen, öffnet am 14. September um 09:00 Uhr")]
    [InlineData("en", "Closed, opens on 14 September at 09:00")]
    public void An_opening_more_than_a_week_away_is_given_by_its_date(string language, string expected)
    {
        // Closed all summer, open again on Monday 14 September.
        var hours = Hours(Week(null, null, ("monday", "09:00", "12:00")), Week("07-01", "09-13"));

        var text = InLanguage(language, () => ChannelHours.Now(hours, "fr", CalendarTestData.Local("2026-08-20 10:00"), WorkingCalendar.LegalHolidaysOnly, Texts));

        Assert.False(text.IsOpen);
        Assert.Equal(expected, text.Sentence);
    }

    [Fact]
    public void A_channel_that_never_opens_again_says_so()
    {
        var text = InLanguage("en", () => ChannelHours.Now(Hours(), "fr", CalendarTestData.Local("2026-08-20 10:00"), WorkingCalendar.LegalHolidaysOnly, Texts));

        Assert.Equal("Closed, no opening planned", text.Sentence);
    }

    [Fact]
    public void Touching_slots_are_one_opening()
    {
        var hours = Hours(Week(null, null, ("thursday", "08:30", "12:00"), ("thursday", "12:00", "16:00")));

        var text = InLanguage("en", () => ChannelHours.Now(hours, "fr", CalendarTestData.Local("2026-10-15 11:00"), WorkingCalendar.LegalHolidaysOnly, Texts));

        Assert.Equal("Open now until 16:00", text.Sentence);
    }

    [Theory]
    [InlineData("2026-10-01", "2026-12-15", "2027-01-15")] // before the season
    [InlineData("2027-01-10", "2026-12-15", "2027-01-15")] // in it, after New Year
    [InlineData("2026-12-20", "2026-12-15", "2027-01-15")] // in it, before New Year
    [InlineData("2027-02-01", "2027-12-15", "2028-01-15")] // after it: the next one
    public void A_season_across_new_year_is_dated_by_its_current_or_next_occurrence(string today, string from, string through)
    {
        var hours = Hours(Week(null, null, ("monday", "09:00", "12:00")), Week("12-15", "01-15", ("monday", "10:00", "11:00")));

        var items = GovernmentServiceJsonLd.Specifications(hours, CalendarTestData.Local(today + " 10:00"), WorkingCalendar.LegalHolidaysOnly);

        var season = items.OfType<JsonObject>().Single(i => (string?)i["opens"] == "10:00");
        Assert.Equal(from, (string?)season["validFrom"]);
        Assert.Equal(through, (string?)season["validThrough"]);
        Assert.Equal("https://schema.org/Monday", (string?)season["dayOfWeek"]![0]);
        // The days the season leaves out are closed during it.
        var closed = items.OfType<JsonObject>().Single(i => (string?)i["opens"] == "00:00" && (string?)i["validFrom"] == from);
        Assert.Equal(6, closed["dayOfWeek"]!.AsArray().Count);
    }

    [Fact]
    public void Holidays_are_closed_days_only_where_the_channel_would_open()
    {
        // Open on Wednesdays only: 11 November 2026 is a Wednesday, 1 November a Sunday.
        var hours = Hours(Week(null, null, ("wednesday", "09:00", "12:00")));

        var items = GovernmentServiceJsonLd.Specifications(hours, CalendarTestData.Local("2026-10-20 10:00"), WorkingCalendar.LegalHolidaysOnly);

        var closedDates = items.OfType<JsonObject>().Where(i => (string?)i["opens"] == "00:00").Select(i => (string?)i["validFrom"]).ToList();
        Assert.Contains("2026-11-11", closedDates);
        Assert.DoesNotContain("2026-11-01", closedDates);
        Assert.All(closedDates, d => Assert.True(string.CompareOrdinal(d, "2026-10-20") >= 0));

        var open = hours with { ClosedOnPublicHolidays = false };
        Assert.DoesNotContain(GovernmentServiceJsonLd.Specifications(open, CalendarTestData.Local("2026-10-20 10:00"), WorkingCalendar.LegalHolidaysOnly).OfType<JsonObject>(),
            i => (string?)i["opens"] == "00:00");
    }

    [Fact]
    public void Links_from_catalogue_data_are_web_links_only()
    {
        Assert.True(Links.IsWeb("https://www.hautrival.be"));
        Assert.False(Links.IsWeb("javascript:alert(1)"));
        Assert.False(Links.IsWeb("data:text/html,<script>alert(1)</script>"));
        Assert.False(Links.IsWeb("/relative"));
        Assert.Equal("tel:+3283214000", Links.Tel("+32 83 21 40 00"));
    }
}
