using Guichet.BrowserTests.Support;
using Guichet.Tests.Support;

namespace Guichet.BrowserTests.Improve;

/// The process-mining page in real Chromium: a log imported through its form, then its graph and
/// tables, checked by axe-core; in French and Dutch.
[Collection(BrowserCollection.Name)]
public sealed class MiningPageTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr", "Graphe des enchaînements directs")]
    [InlineData("nl", "Graaf van directe opeenvolgingen")]
    public async Task The_mining_page_imports_a_log_and_shows_its_graph_and_tables_without_axe_violations(string language, string graph)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Admin, language);
        var response = await page.GotoAsync($"{app.BaseUrl}/staff/improve/mining");
        Assert.Equal(200, response!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/mining");

        await page.FillAsync("#mining-name", "Running example " + language);
        await page.SelectOptionAsync("#mining-format", "xes");
        await page.SetInputFilesAsync("#mining-file", Path.Combine(AppContext.BaseDirectory, "TestData", "Mining", "running-example.xes"));
        await page.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        await page.WaitForURLAsync("**/staff/improve/mining?space=*");

        Assert.Equal(graph, await page.TextContentAsync("svg[role=img] > title"));
        Assert.Contains("6", await page.InnerTextAsync("[data-testid=mining-summary]"));
        await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/mining?space=");
    }
}
