using System.Net.Http.Json;
using Guichet.BrowserTests.Support;
using Guichet.Tests.Support;
using Guichet.Welcome.Queue.Demo;
using Microsoft.Playwright;

namespace Guichet.BrowserTests.Welcome;

/// The kiosk, the ticket, the desk page and the display board in real Chromium: axe (WCAG 2.1 A
/// and AA) in the four languages, and a call made on the desk page reaching the display board
/// through real Server-Sent Events.
[Collection(BrowserCollection.Name)]
public sealed class QueuePagesTests(BrowserApp app) : IAsyncLifetime
{
    private static readonly Guid Office = QueueDemoSeeder.TownHallOffice;

    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_kiosk_the_ticket_and_the_display_board_have_no_axe_violations_in_every_language()
    {
        foreach (var language in BrowserApp.Languages)
        {
            var page = await app.NewPageAsync();
            Assert.Equal(200, (await page.GotoAsync($"{app.BaseUrl}/queue/offices/{Office}/kiosk?lang={language}"))!.Status);
            await BrowserApp.AssertAccessibleAsync(page, language, "kiosk: services");
            await page.ClickAsync("a.kiosk-button >> nth=1");
            await page.WaitForSelectorAsync("button[name=priority]");
            await BrowserApp.AssertAccessibleAsync(page, language, "kiosk: priority");
            await page.ClickAsync("button[name=priority][value=none]");
            await page.WaitForSelectorAsync(".ticket__qr svg");
            await page.WaitForSelectorAsync("#ticket-print:not([hidden])");
            await BrowserApp.AssertAccessibleAsync(page, language, "ticket at the kiosk");

            // The page the QR code opens, on the customer's phone.
            var phone = await app.NewPageAsync();
            var url = page.Url.Replace("kiosk=true", "", StringComparison.Ordinal).TrimEnd('&');
            Assert.Equal(200, (await phone.GotoAsync(url))!.Status);
            Assert.Null(await phone.QuerySelectorAsync(".ticket__qr"));
            await BrowserApp.AssertAccessibleAsync(phone, language, "ticket status");

            var display = await app.NewPageAsync();
            Assert.Equal(200, (await display.GotoAsync($"{app.BaseUrl}/queue/offices/{Office}/display?lang={language}"))!.Status);
            await display.WaitForSelectorAsync("#display[data-connected=true]");
            await BrowserApp.AssertAccessibleAsync(display, language, "display board");
            await display.Context.CloseAsync();
            await phone.Context.CloseAsync();
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_display_board_alternates_french_and_dutch_and_shows_who_waits()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var issued = await http.PostAsJsonAsync($"/api/v1/queue/offices/{Office}/tickets", new { serviceId = QueueDemoSeeder.Service("hautrival-eid") });
        Assert.Equal(System.Net.HttpStatusCode.Created, issued.StatusCode);
        var code = (await issued.ReadJsonAsync()).GetProperty("ticket").GetProperty("code").GetString()!;
        foreach (var language in new[] { "fr", "nl" })
        {
            var display = await app.NewPageAsync();
            await display.GotoAsync($"{app.BaseUrl}/queue/offices/{Office}/display?lang={language}");
            await display.WaitForSelectorAsync("#display[data-connected=true]");
            Assert.Contains(code, await display.InnerTextAsync("#display-waiting"), StringComparison.Ordinal);
            await BrowserApp.AssertAccessibleAsync(display, language, "display board with its waiting list");
            await BrowserApp.ShotAsync(display, $"queue-display-{language}");
            // Within a few seconds the board speaks the other language, its words marked as such.
            var other = language == "fr" ? "nl" : "fr";
            var waitingWord = other == "nl" ? "Wachtend" : "En attente";
            await display.WaitForFunctionAsync("([l, w]) => document.querySelector('#display').getAttribute('lang') === l && document.querySelector('#display-waiting-title').textContent === w",
                new object[] { other, waitingWord }, new PageWaitForFunctionOptions { Timeout = 6000 });
            await BrowserApp.ShotAsync(display, $"queue-display-{language}-then-{other}");
            Assert.Empty(await AxeViolationsOfAsync(display));
            await display.Context.CloseAsync();
        }
    }

    private static Task<IReadOnlyList<string>> AxeViolationsOfAsync(IPage page) => BrowserApp.AxeViolationsAsync(page);

    [Fact]
    public async Task A_closed_kiosk_says_when_the_counter_opens_and_the_API_refuses_tickets()
    {
        app.ShiftToClosedHours();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            var refused = await http.PostAsJsonAsync($"/api/v1/queue/offices/{Office}/tickets", new { serviceId = QueueDemoSeeder.Service("hautrival-eid") });
            Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("office-closed", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
            foreach (var language in new[] { "fr", "nl" })
            {
                var page = await app.NewPageAsync();
                Assert.Equal(200, (await page.GotoAsync($"{app.BaseUrl}/queue/offices/{Office}/kiosk?lang={language}"))!.Status);
                await page.WaitForSelectorAsync("#kiosk-closed");
                Assert.Null(await page.QuerySelectorAsync("a.kiosk-button"));
                await BrowserApp.AssertAccessibleAsync(page, language, "kiosk, counter closed");
                await BrowserApp.ShotAsync(page, $"queue-kiosk-closed-{language}");
                await page.Context.CloseAsync();
            }
        }
        finally
        {
            await app.ShiftToOpenHoursAsync();
        }
    }

    // One sign-in for the whole test: the sign-in page allows 30 requests a minute per address.
    [Fact]
    public async Task The_desk_page_has_no_axe_violations_and_its_call_shows_on_the_display_board_at_once()
    {
        var desk = await app.NewPageAsync();
        await app.SignInAsync(desk, DemoAccounts.FrontOffice, "fr");
        var deskUrl = $"{app.BaseUrl}/staff/queue/desks/{QueueDemoSeeder.Desk(4)}";

        var display = await app.NewPageAsync();
        await display.GotoAsync($"{app.BaseUrl}/queue/offices/{Office}/display?lang=en");
        await display.WaitForSelectorAsync("#display[data-connected=true]");
        Assert.Null(await display.QuerySelectorAsync("#display-sound")); // no sound button on a public screen
        Assert.Equal("assertive", await display.GetAttributeAsync("#display-now", "aria-live"));

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        foreach (var language in BrowserApp.Languages)
        {
            var issued = await http.PostAsJsonAsync($"/api/v1/queue/offices/{Office}/tickets", new { serviceId = QueueDemoSeeder.Service("hautrival-passport") });
            var code = (await issued.ReadJsonAsync()).GetProperty("ticket").GetProperty("code").GetString()!;

            Assert.Equal(200, (await desk.GotoAsync($"{deskUrl}?lang={language}"))!.Status);
            await BrowserApp.AssertAccessibleAsync(desk, language, "desk page, no customer");
            await desk.ClickAsync("#desk-call");
            await desk.WaitForSelectorAsync("#desk-ticket-code");
            // Desk 4 serves every service: it gets the oldest waiting passport ticket, maybe from another test.
            var calledCode = await desk.InnerTextAsync("#desk-ticket-code");

            // The display board shows the call within a couple of seconds, announced in its live
            // region, its panel lit for a few seconds (looked at before anything slow runs).
            await display.WaitForFunctionAsync("code => document.querySelector('#display-now').textContent.includes(code) && document.querySelector('#display').classList.contains('display--called')",
                calledCode, new PageWaitForFunctionOptions { Timeout = 3000 });
            await BrowserApp.AssertAccessibleAsync(desk, language, "desk page with a customer");
            // The board speaks English, French and Dutch in turn (Welcome:Queue:DisplayLanguages).
            Assert.Matches("(to desk|au guichet|naar loket) 4", await display.InnerTextAsync("#display-now"));
            Assert.Contains(calledCode, await display.InnerTextAsync("#display-recent"), StringComparison.Ordinal);

            await desk.CheckAsync("#outcome-answered");
            await desk.ClickAsync("form[action$='handler=finish'] button[type=submit]");
            await desk.WaitForSelectorAsync("#desk-call");
            Assert.NotNull(code);
        }
        await BrowserApp.AssertAccessibleAsync(display, "en", "display board after calls");
        await display.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }
}
