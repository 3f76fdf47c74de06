using Guichet.BrowserTests.Support;
using Guichet.Follow.Subscriptions;
using Guichet.Tests.Support;

namespace Guichet.BrowserTests.Follow;

/// The notice pages (editor with errors and with a preview, the sent notice with its progress, its
/// recipients) and the webhooks page, axe-zero in every language.
[Collection(BrowserCollection.Name)]
public sealed class NoticesPagesTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task AxeZeroAsync(Microsoft.Playwright.IPage page, string what)
    {
        var violations = await BrowserApp.AxeViolationsAsync(page);
        Assert.True(violations.Count == 0, what + "\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task The_notice_pages_have_no_axe_violations_in_every_language()
    {
        // Someone to send to: a confirmed subscriber of the first topic.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
            var now = DateTimeOffset.UtcNow;
            var topic = db.Set<SubscriptionTopic>().OrderBy(t => t.Code).First();
            var s = new Subscriber($"browser-{Guid.NewGuid():N}@example.be", "fr", Frequency.Immediate, [topic.Id], now);
            s.AwaitConfirmation(Guid.NewGuid().ToString("N"), now.AddHours(1));
            s.Confirm(now);
            db.Add(s);
            scope.ServiceProvider.GetRequiredService<Guichet.Platform.EventLog.EventLog>().Record("test", Guichet.Follow.FollowActivities.SubscriberConfirmed,
                [new("subscriber", s.Id.ToString(), Guichet.Platform.EventLog.Role.Subject)]);
            await db.SaveChangesAsync();
        }
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Admin, "en");

        foreach (var language in BrowserApp.Languages)
        {
            var response = await page.GotoAsync($"{app.BaseUrl}/staff/notices/new?lang={language}");
            Assert.Equal(200, response!.Status);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            await AxeZeroAsync(page, language + " editor");

            // Nothing written: the error summary names the fields.
            await page.ClickAsync("#notice-form button[formaction*='handler=save']");
            await page.WaitForSelectorAsync(".error-summary");
            await AxeZeroAsync(page, language + " editor with errors");

            await page.FillAsync("#subject-fr", $"Travaux ({language})");
            await page.FillAsync("#body-fr", "La rue est **fermée** du 1er au 5 mars. [Plan](https://example.be/plan)");
            await page.CheckAsync("#topics");
            await page.ClickAsync("#notice-form button[formaction*='handler=preview']");
            await page.WaitForSelectorAsync(".notice-preview strong");
            await AxeZeroAsync(page, language + " preview");

            await page.ClickAsync("#notice-form button[formaction*='handler=save']");
            await page.WaitForSelectorAsync("form#send");
            await page.ClickAsync("form#send button[type=submit]");
            await page.WaitForSelectorAsync("#notice-progress");
            await AxeZeroAsync(page, language + " sending");

            await page.ClickAsync($"a[href$='/recipients']");
            await page.WaitForSelectorAsync("h1");
            await AxeZeroAsync(page, language + " recipients");

            response = await page.GotoAsync($"{app.BaseUrl}/staff/notices?lang={language}");
            Assert.Equal(200, response!.Status);
            await AxeZeroAsync(page, language + " list");
        }
    }

    [Fact]
    public async Task The_webhooks_page_has_no_axe_violations_with_errors_and_with_a_new_secret_in_every_language()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Admin, "en");
        foreach (var language in BrowserApp.Languages)
        {
            var response = await page.GotoAsync($"{app.BaseUrl}/staff/webhooks?lang={language}");
            Assert.Equal(200, response!.Status);
            await page.ClickAsync("#webhook-form button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            await AxeZeroAsync(page, language + " webhooks with errors");
            await page.FillAsync("#url", $"https://integrator.example/{language}");
            await page.CheckAsync("#eventTypes");
            await page.ClickAsync("#webhook-form button[type=submit]");
            await page.WaitForSelectorAsync("#new-secret");
            await AxeZeroAsync(page, language + " webhooks with a new secret");
        }
    }
}
