using Guichet.BrowserTests.Support;
using Guichet.Tests.Support;

namespace Guichet.BrowserTests.Improve;

/// Improvement proposals in real Chromium, in every language: the service is chosen, the form
/// refused with its error summary, then made; the proposal page, its status form and the yearly
/// report; axe-core finds nothing on any of them.
[Collection(BrowserCollection.Name)]
public sealed class ProposalPagesTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_manager_makes_and_accepts_a_proposal_and_reads_the_report_without_axe_violations()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Manager, "en");
        foreach (var language in BrowserApp.Languages)
        {
            var response = await page.GotoAsync($"{app.BaseUrl}/staff/improve/proposals?lang={language}");
            Assert.Equal(200, response!.Status);
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/proposals");

            await page.ClickAsync("a[href='/staff/improve/proposals/new']");
            await page.WaitForSelectorAsync("#service-form");
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/proposals/new (service)");
            await page.SelectOptionAsync("#serviceId", new Microsoft.Playwright.SelectOptionValue { Index = 1 });
            await page.ClickAsync("#service-form button[type=submit]");
            await page.WaitForSelectorAsync("#proposal-form");

            await page.ClickAsync("#proposal-form button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.True(await page.Locator(".error-summary li").CountAsync() >= 5);
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/proposals/new with errors");

            await page.FillAsync("#title", $"Shorter queue ({language})");
            await page.FillAsync("#problem", "The median waiting time is 25 minutes.");
            await page.FillAsync("#change", "Open a second desk on Monday mornings.");
            await page.SelectOptionAsync("#ownerUnitId", new Microsoft.Playwright.SelectOptionValue { Index = 1 });
            await page.SelectOptionAsync("#kpi", "lead-time");
            await page.FillAsync("#target", "12");
            await page.ClickAsync("#proposal-form button[type=submit]");
            await page.WaitForSelectorAsync("#status-form");
            Assert.Equal(1, await page.Locator("[role=status]").CountAsync());
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/proposals/{id}");

            await page.CheckAsync("#status-form input[value=accepted]");
            await page.ClickAsync("#status-form button[type=submit]");
            await page.WaitForURLAsync("**done=moved**");
            Assert.Equal(3, await page.Locator("#status-form input[type=radio]").CountAsync()); // in progress, done, dropped
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/proposals/{id} accepted");

            await page.GotoAsync($"{app.BaseUrl}/staff/improve/proposals/report");
            Assert.True(await page.Locator("table.data-table tbody tr").CountAsync() >= 1);
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/proposals/report");
        }
    }
}
