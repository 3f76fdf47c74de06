using System.Net;
using Guichet.Platform.Web;
using Guichet.Tests.Support;
using Guichet.Welcome.Queue;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Welcome.Queue;

/// The kiosk and the ticket API issue tickets only while the office's counter is open, by the
/// catalogue's opening hours (town hall: Monday 08:30–12:00 and 13:30–16:00, Tuesday 08:30–12:00,
/// closed on public holidays); the clock is pinned (QueueApp, Monday 5 October 2026 09:00).
public sealed class QueueOpeningTests(QueueApp app) : IClassFixture<QueueApp>
{
    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) =>
        Guichet.Platform.Calendar.BrusselsTime.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    private void At(DateTimeOffset instant)
    {
        var now = app.Clock.GetUtcNow();
        if (instant > now) app.Clock.Advance(instant - now);
    }

    private async Task AssertClosedAsync(DateTimeOffset nextOpening, string frOpens, string nlOpens)
    {
        var client = app.Client();
        var before = app.Counts();
        var refused = await client.PostAsync($"/api/v1/queue/offices/{Q.Office}/tickets", JsonBody(new { serviceId = Q.Eid, language = "fr" }));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("office-closed", problem.GetProperty("code").GetString());
        Assert.Equal(nextOpening, problem.GetProperty("nextOpening").GetDateTimeOffset());

        // The kiosk says it in the page's language, offers no service, and a post stores nothing.
        var jar = new CookieJar();
        foreach (var (lang, says) in new[] { ("fr", frOpens), ("nl", nlOpens) })
        {
            var page = await Html.ParseAsync(await jar.GetAsync(client, $"/queue/offices/{Q.Office}/kiosk?lang={lang}"));
            Assert.Contains(says, page.QuerySelector("#kiosk-closed")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(page.QuerySelectorAll("a.kiosk-button"));
        }
        // (The closed kiosk has no form: the token of another page of the same visitor.)
        var form = await Html.ParseAsync(await jar.GetAsync(client, "/contact?lang=fr"));
        var posted = await jar.PostFormAsync(client, $"/queue/offices/{Q.Office}/kiosk?lang=fr",
            [new("__RequestVerificationToken", Html.Antiforgery(form)), new("service", Q.Eid.ToString()), new("priority", "none")]);
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.NotNull((await Html.ParseAsync(posted)).QuerySelector("#kiosk-closed"));
        Assert.Equal(before, app.Counts());
    }

    [Fact]
    public async Task Tickets_are_issued_only_while_the_counter_is_open()
    {
        // Monday 09:00: open.
        At(Local(2026, 10, 5, 9));
        await Q.IssueAsync(app.Client(), Q.Eid);

        // Monday 12:30, the lunch break: opens again at 13:30 the same day.
        At(Local(2026, 10, 5, 12, 30));
        await AssertClosedAsync(Local(2026, 10, 5, 13, 30), "lundi 5 octobre à 13:30", "maandag 5 oktober om 13:30");

        // Monday evening: opens on Tuesday morning.
        At(Local(2026, 10, 5, 20));
        await AssertClosedAsync(Local(2026, 10, 6, 8, 30), "mardi 6 octobre à 08:30", "dinsdag 6 oktober om 08:30");

        // Wednesday 11 November (Armistice, a public holiday) at 09:00: opens on Thursday.
        At(Local(2026, 11, 11, 9));
        await AssertClosedAsync(Local(2026, 11, 12, 8, 30), "jeudi 12 novembre à 08:30", "donderdag 12 november om 08:30");

        // Thursday 09:00: open again, through the API and the kiosk.
        At(Local(2026, 11, 12, 9));
        await Q.IssueAsync(app.Client(), Q.Eid);
        var jar = new CookieJar();
        var client = app.Client();
        var page = await Html.ParseAsync(await jar.GetAsync(client, $"/queue/offices/{Q.Office}/kiosk?lang=nl"));
        Assert.Null(page.QuerySelector("#kiosk-closed"));
        Assert.NotEmpty(page.QuerySelectorAll("a.kiosk-button"));
    }
}

/// The display board (QueueApp: Welcome:Queue:DisplayLanguages = fr,nl).
public sealed class QueueDisplayBoardTests(QueueApp app) : IClassFixture<QueueApp>
{
    [Fact]
    public async Task The_display_board_shows_the_waiting_list_in_the_offices_languages_without_a_sound_button()
    {
        app.NewDay();
        var issued = await Q.IssueAsync(app.Client(), Q.Passport);
        var page = await Html.ParseAsync(await app.Client().GetAsync($"/queue/offices/{Q.Office}/display?lang=fr"));
        Assert.Contains(issued.Code, page.QuerySelectorAll("#display-waiting li").Select(li => li.TextContent));
        Assert.Null(page.QuerySelector("#display-sound"));
        var board = page.QuerySelector("#display")!;
        Assert.Empty(board.QuerySelectorAll("button"));
        Assert.Equal("fr,nl", board.GetAttribute("data-languages"));
        var english = await Html.ParseAsync(await app.Client().GetAsync($"/queue/offices/{Q.Office}/display?lang=en"));
        Assert.Equal("en,fr,nl", english.QuerySelector("#display")!.GetAttribute("data-languages"));
        using var words = System.Text.Json.JsonDocument.Parse(board.GetAttribute("data-words")!);
        Assert.Equal("En attente", words.RootElement.GetProperty("fr").GetProperty("queue.display.waiting").GetString());
        Assert.Equal("Wachtend", words.RootElement.GetProperty("nl").GetProperty("queue.display.waiting").GetString());

        // The list the board reads again between calls.
        var waiting = await (await app.Client().GetAsync($"/queue/offices/{Q.Office}/display?handler=waiting")).ReadJsonAsync();
        Assert.Contains(issued.Code, waiting.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/queue/offices/{Guid.NewGuid()}/display?handler=waiting")).StatusCode);
    }
}

/// A host behind a proxy (X-Forwarded-For gives the address) with small kiosk limits: 3 tickets per
/// address and 5 per kiosk (office) an hour, the clock on an open Monday morning.
public sealed class KioskLimitApp : GuichetApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 5, 7, 0, 0, TimeSpan.Zero));

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Web:KnownProxies", "127.0.0.1");
        builder.UseSetting($"Limits:{RateLimits.QueueKiosk}:Permits", "3");
        builder.UseSetting($"Limits:{RateLimits.QueueKiosk}:WindowSeconds", "3600");
        builder.UseSetting($"Limits:{RateLimits.QueueKioskOffice}:Permits", "5");
        builder.UseSetting($"Limits:{RateLimits.QueueKioskOffice}:WindowSeconds", "3600");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class KioskLimitTests(KioskLimitApp app) : IClassFixture<KioskLimitApp>
{
    private HttpClient From(string address)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client) =>
        client.PostAsync($"/api/v1/queue/offices/{Q.Office}/tickets", JsonBody(new { serviceId = Q.Eid, language = "nl" }));

    private int Tickets() => app.InScope(db => db.Set<QueueTicket>().Count());

    [Fact]
    public async Task Anonymous_tickets_are_limited_per_address_and_per_kiosk()
    {
        var before = Tickets();
        var first = From("198.51.100.1");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await PostAsync(first)).StatusCode);
        var overAddress = await PostAsync(first);
        Assert.Equal(HttpStatusCode.TooManyRequests, overAddress.StatusCode);
        Assert.Equal("too-many-requests", (await overAddress.ReadJsonAsync()).GetProperty("code").GetString());

        // Another address may go on, until the kiosk's own limit (5) is reached for everyone.
        var second = From("198.51.100.2");
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.Created, (await PostAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(From("198.51.100.3"))).StatusCode);
        Assert.True((await PostAsync(From("198.51.100.4"))).Headers.Contains("Retry-After"));
        Assert.Equal(before + 5, Tickets());

        // The kiosk page counts in the same limits, and reading is free.
        var page = From("198.51.100.5");
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync($"/queue/offices/{Q.Office}/kiosk?lang=fr")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await page.PostAsync($"/queue/offices/{Q.Office}/kiosk?lang=fr",
            new FormUrlEncodedContent([new("service", Q.Eid.ToString()), new("priority", "none")]))).StatusCode);
        Assert.Equal(before + 5, Tickets());
    }
}
