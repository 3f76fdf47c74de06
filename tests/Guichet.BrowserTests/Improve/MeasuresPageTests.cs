using Guichet.BrowserTests.Support;
using Guichet.Tests.Support;

namespace Guichet.BrowserTests.Improve;

/// The measurement pages in real Chromium, in every language, on the demo's journal: the dashboard,
/// a KPI with its chart, data table, breakdown and the cases behind it, the definitions, and the
/// filter with an error; axe-core finds nothing on any of them. The chart's bars are reached with
/// the keyboard and name their week and value.
[Collection(BrowserCollection.Name)]
public sealed class MeasuresPageTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_dashboard_a_kpi_and_the_definitions_have_no_axe_violations_in_every_language()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Manager, "en");
        foreach (var language in BrowserApp.Languages)
        {
            var response = await page.GotoAsync($"{app.BaseUrl}/staff/improve/measures?lang={language}");
            Assert.Equal(200, response!.Status);
            Assert.Equal(15, await page.Locator("table.data-table tbody tr").CountAsync());
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/measures");

            await page.ClickAsync("a[href^='/staff/improve/measures/response-time']");
            await page.WaitForSelectorAsync("svg.trend");
            await page.SelectOptionAsync("#measures-breakdown", "channel");
            await page.ClickAsync("form.measures-breakdown button[type=submit]");
            await page.WaitForURLAsync("**breakdown=channel**");
            var bar = page.Locator("svg.trend g[tabindex='0']").First;
            await bar.FocusAsync();
            Assert.False(string.IsNullOrEmpty(await bar.GetAttributeAsync("aria-label")));
            Assert.Equal(1, await page.Locator("section[aria-labelledby=items]").CountAsync());
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/measures/{kpi}");

            await page.GotoAsync($"{app.BaseUrl}/staff/improve/measures?from=2026-05-01&to=2026-04-01");
            await page.WaitForSelectorAsync(".error-summary");
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/measures with an error");

            await page.GotoAsync($"{app.BaseUrl}/staff/improve/measures/definitions");
            Assert.Equal(15, await page.Locator("section.kpi-definition").CountAsync());
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/measures/definitions");
        }
    }
}
