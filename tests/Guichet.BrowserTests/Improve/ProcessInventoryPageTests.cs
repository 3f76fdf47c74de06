using Guichet.BrowserTests.Support;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Tests.Support;

namespace Guichet.BrowserTests.Improve;

/// The process inventory in real Chromium, in every language: the inventory, a service's process
/// with its steps and conformance, the declaration form with errors and then saved; axe-core finds
/// nothing on any of them. The form is used with the keyboard's controls only (select, type, tick).
[Collection(BrowserCollection.Name)]
public sealed class ProcessInventoryPageTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_inventory_the_process_page_and_the_declaration_form_have_no_axe_violations_in_every_language()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Manager, "en");
        var permit = CatalogueDemoSeeder.StableId("service:hautrival-building-permit");
        var parking = CatalogueDemoSeeder.StableId("service:hautrival-residents-parking-card");

        foreach (var language in BrowserApp.Languages)
        {
            var response = await page.GotoAsync($"{app.BaseUrl}/staff/improve/processes?lang={language}");
            Assert.Equal(200, response!.Status);
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/processes");

            await page.ClickAsync($"a[href='/staff/improve/processes/{permit}']");
            await page.WaitForSelectorAsync("#conformance");
            Assert.Equal(7, await page.Locator("section[aria-labelledby=steps] table tbody tr").CountAsync());
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/processes/{service}");

            await page.GotoAsync($"{app.BaseUrl}/staff/improve/processes/{parking}/declare");
            await page.FillAsync("#steps-1-normDays", "three");
            await page.SelectOptionAsync("#steps-2-activity", "deliver.case.opened");
            await page.ClickAsync("#declare-form > button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/processes/{service}/declare with errors");

            await page.FillAsync("#steps-1-normDays", "2");
            await page.SelectOptionAsync("#steps-2-activity", "deliver.decision.issued");
            await page.CheckAsync("#steps-4-optional");
            await page.SelectOptionAsync("#steps-4-activity", "deliver.advice.requested");
            await page.FillAsync("#steps-4-normDays", "3");
            await page.ClickAsync("#declare-form > button[type=submit]");
            await page.WaitForURLAsync("**/staff/improve/processes/*?declared=*");
            Assert.NotNull(await page.QuerySelectorAsync("[role=status]"));
            await BrowserApp.AssertAccessibleAsync(page, language, "/staff/improve/processes/{service} after a declaration");
        }
    }
}
