using Guichet.BrowserTests.Support;
using Guichet.Tests.Support;
using Microsoft.Playwright;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.BrowserTests.Welcome;

/// Booking an appointment (every step), managing it (reschedule, cancel), the public contact form
/// (empty, with errors, acknowledged) and its tracking page, and the staff pages of the queue flow
/// (the desk's finish form with an error, the counter statistics): axe (WCAG 2.1 A and AA) finds
/// nothing, in French and Dutch.
[Collection(BrowserCollection.Name)]
public sealed class WelcomePublicPagesTests(BrowserApp app) : IAsyncLifetime
{
    private static readonly string[] Languages = ["fr", "nl"];
    private static int _address;

    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// A context of its own address (the test host names loopback as its proxy, Web:KnownProxies): the public
    /// forms allow a few posts per address and minute, and this test posts more than that.
    private async Task<IPage> NewVisitorAsync()
    {
        var n = Interlocked.Increment(ref _address);
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = $"198.51.100.{n % 250 + 1}" },
        });
        return await context.NewPageAsync();
    }

    /// Clicks and waits for the next page: every step here posts or gets a new document, and
    /// waiting for a selector alone could find it on the page being left.
#pragma warning disable CS0612 // the navigation wait is what these steps need; WaitForURL cannot tell a post back to the same URL
    private static async Task ClickAndLoadAsync(IPage page, string selector) =>
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync(selector));
#pragma warning restore CS0612

    [Fact]
    public async Task Booking_an_appointment_and_managing_it_have_no_axe_violations_at_any_step()
    {
        foreach (var language in Languages)
        {
            var page = await NewVisitorAsync();
            Assert.Equal(200, (await page.GotoAsync($"{app.BaseUrl}/appointments?lang={language}"))!.Status);
            await BrowserApp.AssertAccessibleAsync(page, language, "booking: service");

            await ClickAndLoadAsync(page, "main ul.list a >> nth=0");
            await page.WaitForSelectorAsync("#slot");
            await BrowserApp.AssertAccessibleAsync(page, language, "booking: slot");
            await BrowserApp.ShotAsync(page, $"booking-slot-{language}");

            // One day at a time: the day picker's second day shows that day's slots.
            Assert.True(await page.Locator("nav.slot-days a").CountAsync() >= 2);
            await ClickAndLoadAsync(page, "nav.slot-days a >> nth=1");
            await page.WaitForSelectorAsync("nav.slot-days a[aria-current=date]");
            Assert.Equal(await page.InnerTextAsync("nav.slot-days li:nth-child(2) a .slot-days__count"), await page.InnerTextAsync("nav.slot-days a[aria-current=date] .slot-days__count"));
            await BrowserApp.AssertAccessibleAsync(page, language, "booking: slot, second day");

            // A slot in the past, from an old link: refused on the slot step, before any details.
            var serviceUrl = page.Url.Split('#')[0];
            var pastUrl = $"{serviceUrl}&start={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'07:00:00'Z'", System.Globalization.CultureInfo.InvariantCulture))}";
            Assert.Equal(422, (await page.GotoAsync(pastUrl))!.Status);
            await page.WaitForSelectorAsync("#slot-error");
            Assert.Null(await page.QuerySelectorAsync("#name"));
            await BrowserApp.AssertAccessibleAsync(page, language, "booking: slot in the past refused");
            await BrowserApp.ShotAsync(page, $"booking-slot-refused-{language}");

            // Going on without a slot: the slot step with its error.
            await ClickAndLoadAsync(page, "main form button[type=submit]");
            await page.WaitForSelectorAsync("#slot");
            await BrowserApp.AssertAccessibleAsync(page, language, "booking: slot with an error");

            await page.CheckAsync("input#slot");
            await ClickAndLoadAsync(page, "main form button[type=submit]");
            await page.WaitForSelectorAsync("#name");
            await BrowserApp.AssertAccessibleAsync(page, language, "booking: details");

            await page.FillAsync("#email", "not an address");
            await ClickAndLoadAsync(page, "main form[method=post] button[type=submit]");
            await page.WaitForSelectorAsync("#email-error");
            await BrowserApp.AssertAccessibleAsync(page, language, "booking: details with errors");

            await page.FillAsync("#name", "Amélie Lambert");
            await page.FillAsync("#email", $"amelie.{language}@example.be"); // one person per language: the cap per person stays out of the way
            await ClickAndLoadAsync(page, "main form[method=post] button[type=submit]");
            var manage = await page.WaitForSelectorAsync("main a[href^='http'][href*='/appointments/manage/']");
            await BrowserApp.AssertAccessibleAsync(page, language, "booking: confirmation");
            await BrowserApp.ShotAsync(page, $"booking-confirmation-{language}");
            Assert.Matches("^RDV-[A-Z0-9]{4}-[A-Z0-9]{2}$", (await page.InnerTextAsync("#booking-reference")).Trim());
            Assert.True(await page.Locator("#booking-bring li").CountAsync() >= 1);
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#booking-ics"));
            Assert.Equal("appointment.ics", download.SuggestedFilename);
            Assert.Contains("BEGIN:VEVENT", await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);

            Assert.Equal(200, (await page.GotoAsync((await manage!.GetAttributeAsync("href"))!))!.Status);
            await page.WaitForSelectorAsync("#cancel");
            await BrowserApp.AssertAccessibleAsync(page, language, "manage booking");
            await BrowserApp.ShotAsync(page, $"booking-manage-{language}");

            // Rescheduling without a slot (its error), then to another slot.
            await ClickAndLoadAsync(page, "main form[action$='handler=reschedule'] button[type=submit]");
            await page.WaitForSelectorAsync("#slot-error");
            await BrowserApp.AssertAccessibleAsync(page, language, "manage booking: reschedule error");
            await page.CheckAsync("main form[action$='handler=reschedule'] input[type=radio] >> nth=0"); // the day shown may have one slot left
            await ClickAndLoadAsync(page, "main form[action$='handler=reschedule'] button[type=submit]");
            await page.WaitForSelectorAsync("main [role=status]");
            await BrowserApp.AssertAccessibleAsync(page, language, "manage booking: rescheduled");

            await ClickAndLoadAsync(page, "#cancel");
            await page.WaitForSelectorAsync("main [role=status]");
            Assert.Null(await page.QuerySelectorAsync("#cancel"));
            await BrowserApp.AssertAccessibleAsync(page, language, "manage booking: cancelled");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_booking_cap_per_person_is_said_on_the_booking_page_in_french_and_dutch()
    {
        var expected = new Dictionary<string, string> { ["fr"] = "nombre maximal de rendez-vous à venir", ["nl"] = "maximale aantal komende afspraken" };
        foreach (var (language, n) in Languages.Select((l, n) => (l, n)))
        {
            // One person (one e-mail address) from three addresses: the cap per person stops the
            // third booking (Welcome:Appointments:MaxFuturePerPerson, 2), not the limit per address.
            var email = $"cap.{language}.{Guid.NewGuid():N}@example.be";
            for (var i = 0; i < 3; i++)
            {
                var page = await NewVisitorAsync();
                Assert.Equal(200, (await page.GotoAsync($"{app.BaseUrl}/appointments?lang={language}"))!.Status);
                await ClickAndLoadAsync(page, "main ul.list a >> nth=0");
                await page.WaitForSelectorAsync("#slot");
                // A day of its own per language (the booking test above takes the second day).
                await ClickAndLoadAsync(page, $"nav.slot-days a >> nth={2 + n}");
                await page.WaitForSelectorAsync("nav.slot-days a[aria-current=date]");
                await page.CheckAsync($"main form input[type=radio] >> nth={i}");
                await ClickAndLoadAsync(page, "main form button[type=submit]");
                await page.WaitForSelectorAsync("#name");
                await page.FillAsync("#name", "Lotte Peeters");
                await page.FillAsync("#email", email);
                await ClickAndLoadAsync(page, "main form[method=post] button[type=submit]");
                if (i < 2)
                    await page.WaitForSelectorAsync("main a[href*='/appointments/manage/']");
                else
                {
                    var error = await page.WaitForSelectorAsync("#email-error");
                    Assert.Contains(expected[language], await error!.TextContentAsync());
                    await BrowserApp.AssertAccessibleAsync(page, language, "booking: cap per person reached");
                }
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task The_contact_form_empty_with_errors_and_acknowledged_and_its_tracking_page_have_no_axe_violations()
    {
        foreach (var language in Languages)
        {
            var page = await NewVisitorAsync();
            Assert.Equal(200, (await page.GotoAsync($"{app.BaseUrl}/contact?lang={language}"))!.Status);
            await BrowserApp.AssertAccessibleAsync(page, language, "contact form");

            var submit = "section[aria-labelledby=question] form button[type=submit]";
            await ClickAndLoadAsync(page, submit);
            await page.WaitForSelectorAsync("#subject-error");
            await BrowserApp.AssertAccessibleAsync(page, language, "contact form with errors");

            await page.FillAsync("#subject", "Carte d'identité perdue");
            await page.FillAsync("#message", "J'ai perdu ma carte d'identité. Que dois-je faire ?");
            await page.FillAsync("#name", "Amélie Lambert");
            await page.FillAsync("#email", "amelie@example.be");
            await ClickAndLoadAsync(page, submit);
            await page.WaitForSelectorAsync("main [role=status]");
            Assert.Contains("/contact/track/", page.Url, StringComparison.Ordinal);
            await BrowserApp.AssertAccessibleAsync(page, language, "contact form: acknowledgement");

            var tracking = page.Url.Split('?')[0];
            Assert.Equal(200, (await page.GotoAsync(tracking))!.Status);
            await BrowserApp.AssertAccessibleAsync(page, language, "contact tracking page");
            await page.Context.CloseAsync();
        }
    }

    // One sign-in per account: the sign-in page allows 30 requests a minute per address.
    [Fact]
    public async Task The_desks_finish_form_with_an_error_and_the_counter_statistics_have_no_axe_violations()
    {
        var desk = await NewVisitorAsync();
        await app.SignInAsync(desk, DemoAccounts.FrontOffice, "fr");
        var deskUrl = $"{app.BaseUrl}/staff/queue/desks/{Guichet.Welcome.Queue.Demo.QueueDemoSeeder.Desk(2)}";
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        foreach (var language in Languages)
        {
            var issued = await http.PostAsync($"/api/v1/queue/offices/{Guichet.Welcome.Queue.Demo.QueueDemoSeeder.TownHallOffice}/tickets",
                JsonBody($"{{\"serviceId\":\"{Guichet.Welcome.Queue.Demo.QueueDemoSeeder.Service("hautrival-eid")}\"}}"));
            Assert.True(issued.IsSuccessStatusCode);
            Assert.Equal(200, (await desk.GotoAsync($"{deskUrl}?lang={language}"))!.Status);
            if (await desk.QuerySelectorAsync("#desk-call") is not null)
            {
                await ClickAndLoadAsync(desk, "#desk-call");
                await desk.WaitForSelectorAsync("#desk-ticket-code");
            }
            await desk.CheckAsync("#outcome-answered");
            await desk.FillAsync("#finish-number", "85.07.30-033.29");
            await ClickAndLoadAsync(desk, "#desk-finish button[type=submit]");
            await desk.WaitForSelectorAsync(".error-summary a[href='#finish-number']");
            await BrowserApp.AssertAccessibleAsync(desk, language, "desk page, finish refused");
            await desk.FillAsync("#finish-number", "");
            await ClickAndLoadAsync(desk, "#desk-finish button[type=submit]");
            await desk.WaitForSelectorAsync("#desk-contact-link");
            await BrowserApp.AssertAccessibleAsync(desk, language, "desk page, finished with its contact link");
        }
        await desk.Context.CloseAsync();

        var manager = await NewVisitorAsync();
        await app.SignInAsync(manager, DemoAccounts.Manager, "fr");
        foreach (var language in Languages)
        {
            Assert.Equal(200, (await manager.GotoAsync($"{app.BaseUrl}/staff/queue/statistics?lang={language}"))!.Status);
            await BrowserApp.AssertAccessibleAsync(manager, language, "counter statistics");
            Assert.Equal(400, (await manager.GotoAsync($"{app.BaseUrl}/staff/queue/statistics?from=2026-10-10&to=2026-10-01&lang={language}"))!.Status);
            await BrowserApp.AssertAccessibleAsync(manager, language, "counter statistics, bad period");
        }
        await manager.Context.CloseAsync();
    }
}
