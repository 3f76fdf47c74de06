using System.Net;
using System.Text;
using System.Text.Json;
using Guichet.Orient.Catalogue;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Calendar;
using Guichet.Tests.Support;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Tests.Orient.Cpsv;

/// A host whose clock stands on Monday 12 October 2026, two weeks before summer time ends, with
/// an organisation closure configured for the last days of December.
public sealed class CalendarApp : GuichetApp
{
    public static readonly DateTimeOffset Now = new(2026, 10, 12, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Calendar:Closures:0:From", "2026-12-28");
        builder.UseSetting("Calendar:Closures:0:To", "2026-12-30");
        builder.UseSetting("Calendar:Closures:0:Reason:fr", "Fermeture de fin d'année");
        builder.UseSetting("Calendar:Closures:0:Reason:nl", "Eindejaarssluiting");
        builder.UseSetting("Calendar:Closures:0:Reason:de", "Jahresendschließung");
        builder.UseSetting("Calendar:Closures:0:Reason:en", "Year-end closure");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class OpeningHoursCalendarTests(CalendarApp app) : IClassFixture<CalendarApp>
{
    private static readonly Guid TownHall = CatalogueDemoSeeder.StableId("channel:hautrival-town-hall-counter");

    private async Task<(string Text, Calendar Calendar)> FeedAsync(Guid channel, string query = "")
    {
        var response = await app.Client().GetAsync($"/api/v1/channels/{channel}/opening-hours.ics{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return (text, Calendar.Load(text)!);
    }

    private static List<CalendarEvent> Openings(Calendar calendar) => [.. calendar.Events.Where(e => !e.IsAllDay)];

    private static CalendarEvent? AllDay(Calendar calendar, DateOnly date) =>
        calendar.Events.SingleOrDefault(e => e.IsAllDay && e.DtStart!.Date == date);

    [Fact]
    public async Task The_feed_is_an_RFC_5545_calendar_with_a_Brussels_time_zone()
    {
        var (text, calendar) = await FeedAsync(TownHall);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", text, StringComparison.Ordinal);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal("GREGORIAN", calendar.Scale);
        Assert.False(string.IsNullOrEmpty(calendar.ProductId));
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Brussels", zone.TzId);
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", text, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}"));
        Assert.All(calendar.Events, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.Uid));
            Assert.NotNull(e.DtStamp);
        });
    }

    [Fact]
    public async Task The_events_are_the_slots_of_the_opening_hours_for_the_next_eight_weeks()
    {
        var (_, calendar) = await FeedAsync(TownHall);

        var hours = app.InScope(db => db.Set<Channel>().Single(c => c.Id == TownHall).OpeningHours)!;
        var today = DateOnly.FromDateTime(CalendarApp.Now.UtcDateTime);
        var expected = hours.Slots(today, today.AddDays(8 * 7 - 1), app.Services.GetRequiredService<WorkingCalendar>())
            .Select(s => $"{s.Date:yyyy-MM-dd} {s.Opens:HH:mm}-{s.Closes:HH:mm}")
            .ToList();
        var actual = Openings(calendar)
            .OrderBy(e => e.DtStart!.AsUtc)
            .Select(e => $"{e.DtStart!.Date:yyyy-MM-dd} {e.DtStart.Time:HH:mm}-{e.DtEnd!.Time:HH:mm}")
            .ToList();
        Assert.Equal(expected, actual);
        Assert.All(Openings(calendar), e => Assert.Equal("Europe/Brussels", e.DtStart!.TzId));
        Assert.All(Openings(calendar), e => Assert.Equal($"{TownHall}-{e.DtStart!.Date:yyyyMMdd}-{e.DtStart.Time:HHmm}@guichet", e.Uid));
        // The Thursday late opening.
        Assert.Contains(actual, a => a == "2026-10-15 13:30-19:00");
    }

    [Fact]
    public async Task Times_are_right_on_both_sides_of_the_switch_to_winter_time()
    {
        var (_, calendar) = await FeedAsync(TownHall);

        // Summer time (UTC+2) until Sunday 25 October 2026, winter time (UTC+1) after.
        var before = Openings(calendar).Single(e => e.DtStart!.Date == new DateOnly(2026, 10, 22) && e.DtStart.Time == new TimeOnly(8, 30));
        var after = Openings(calendar).Single(e => e.DtStart!.Date == new DateOnly(2026, 10, 29) && e.DtStart.Time == new TimeOnly(8, 30));
        Assert.Equal(new DateTime(2026, 10, 22, 6, 30, 0, DateTimeKind.Utc), before.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 10, 29, 7, 30, 0, DateTimeKind.Utc), after.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 10, 29, 18, 0, 0, DateTimeKind.Utc), Openings(calendar).Single(e => e.DtStart!.Date == new DateOnly(2026, 10, 29) && e.DtStart.Time == new TimeOnly(13, 30)).DtEnd!.AsUtc);
    }

    [Fact]
    public async Task Holidays_and_closures_have_no_opening_but_a_transparent_all_day_event_with_the_reason()
    {
        var (text, calendar) = await FeedAsync(TownHall, "?weeks=12&lang=en");

        DateOnly Day(int month, int day) => new(2026, month, day);
        var closedDays = new[] { Day(11, 2), Day(11, 11), Day(12, 24), Day(12, 25), Day(12, 26), Day(12, 28), Day(12, 29), Day(12, 30), Day(12, 31) };
        foreach (var date in closedDays)
        {
            Assert.DoesNotContain(Openings(calendar), e => e.DtStart!.Date == date);
            var closure = AllDay(calendar, date);
            Assert.True(closure is not null, $"No closure event on {date}.");
            Assert.Equal("TRANSPARENT", closure!.Transparency);
            Assert.Equal(date.AddDays(1), closure.DtEnd!.Date);
        }
        Assert.Equal("Closed: Christmas Day", AllDay(calendar, Day(12, 25))!.Summary);
        Assert.Equal("Closed: Armistice Day", AllDay(calendar, Day(11, 11))!.Summary);
        Assert.Equal("Closed: Christmas Eve: municipal administration closed", AllDay(calendar, Day(12, 24))!.Summary);
        Assert.Equal("Closed: Year-end closure", AllDay(calendar, Day(12, 29))!.Summary);
        // Sunday 1 November is a holiday, but the counter never opens on Sundays: nothing to say.
        Assert.Null(AllDay(calendar, Day(11, 1)));
        // Twelve weeks from Monday 12 October: up to Sunday 3 January 2027.
        Assert.All(calendar.Events, e => Assert.InRange(e.DtStart!.Date, new DateOnly(2026, 10, 12), new DateOnly(2027, 1, 3)));
        Assert.Contains(Openings(calendar), e => e.DtStart!.Date == new DateOnly(2026, 12, 23));
        Assert.Contains("TRANSP:TRANSPARENT", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Ouvert : Hôtel de ville – accueil et guichets Population / État civil")]
    [InlineData("nl", "Open: Gemeentehuis – onthaal en loketten Bevolking / Burgerlijke Stand")]
    [InlineData("de", "Geöffnet: Rathaus – Empfang und Schalter Bevölkerung / Standesamt")]
    [InlineData("en", "Open: Town hall – reception and Population / Civil Status counters")]
    public async Task The_summary_is_in_the_language_asked_for(string language, string summary)
    {
        var (_, calendar) = await FeedAsync(TownHall, "?lang=" + language);

        Assert.All(Openings(calendar), e => Assert.Equal(summary, e.Summary));
    }

    [Fact]
    public async Task Uids_are_stable_between_fetches()
    {
        var (_, first) = await FeedAsync(TownHall);
        var (_, second) = await FeedAsync(TownHall);

        Assert.Equal(first.Events.Select(e => e.Uid), second.Events.Select(e => e.Uid));
        Assert.Equal(first.Events.Count, first.Events.Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public async Task An_unknown_channel_is_a_404_problem()
    {
        var response = await app.Client().GetAsync($"/api/v1/channels/{Guid.NewGuid()}/opening-hours.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not-found", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_channel_without_opening_hours_is_a_404_problem()
    {
        var email = CatalogueDemoSeeder.StableId("channel:hautrival-email");

        var response = await app.Client().GetAsync($"/api/v1/channels/{email}/opening-hours.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("no-opening-hours", problem.RootElement.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("53")]
    public async Task A_number_of_weeks_out_of_range_is_refused(string weeks)
    {
        var response = await app.Client().GetAsync($"/api/v1/channels/{TownHall}/opening-hours.ics?weeks={weeks}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("validation-failed", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("weeks", problem.RootElement.GetProperty("invalidParams")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void The_configured_closure_is_part_of_the_working_calendar()
    {
        var calendar = app.Services.GetRequiredService<WorkingCalendar>();
        Assert.True(calendar.IsHoliday(new DateOnly(2026, 12, 25)));
        Assert.Equal(DayOffKind.Closure, calendar.DayOffOn(new DateOnly(2026, 12, 29))!.Kind);
        Assert.Equal("Year-end closure", calendar.DayOffOn(new DateOnly(2026, 12, 29))!.Name.En);
        Assert.Equal(DayOfWeek.Friday, new DateOnly(2026, 12, 25).DayOfWeek);
    }
}
