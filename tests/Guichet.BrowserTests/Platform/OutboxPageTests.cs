using Guichet.BrowserTests.Support;
using Guichet.Tests.Support;

namespace Guichet.BrowserTests.Platform;

[Collection(BrowserCollection.Name)]
public sealed class OutboxPageTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    // One sign-in for the four languages: the sign-in page allows 30 requests a minute per address,
    // and the whole browser suite signs in from the same one.
    [Fact]
    public async Task The_outbox_page_with_failed_messages_has_no_axe_violations_and_retry_works_in_every_language()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Admin, "en");

        foreach (var language in BrowserApp.Languages)
        {
            var marker = $"{language}-{Guid.NewGuid():N}"[..11];
            await app.StoreFailedMailAsync($"dead-{marker}@example.be: Accusé de réception", deadLettered: true, "SmtpCommandException: Mailbox unavailable");
            await app.StoreFailedMailAsync($"pending-{marker}@example.be: Ontvangstbevestiging", deadLettered: false, "SmtpCommandException: Mailbox unavailable");

            var response = await page.GotoAsync($"{app.BaseUrl}/staff/outbox?lang={language}");
            Assert.Equal(200, response!.Status);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            Assert.Contains($"dead-{marker}", await page.InnerTextAsync("#dead-lettered-table"));
            var violations = await BrowserApp.AxeViolationsAsync(page);
            Assert.True(violations.Count == 0, language + "\n" + string.Join("\n", violations));

            var row = page.Locator("tr", new() { HasText = $"dead-{marker}" });
            await row.Locator("button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync("[role=status]");
            Assert.Contains($"dead-{marker}", await page.InnerTextAsync("#pending-table"));
            if (await page.Locator("#dead-lettered-table").CountAsync() > 0)
                Assert.DoesNotContain($"dead-{marker}", await page.InnerTextAsync("#dead-lettered-table"));
            violations = await BrowserApp.AxeViolationsAsync(page);
            Assert.True(violations.Count == 0, language + " after retry\n" + string.Join("\n", violations));
        }
    }
}
