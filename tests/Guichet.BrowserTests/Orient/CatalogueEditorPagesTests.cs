using Guichet.BrowserTests.Support;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Tests.Support;

namespace Guichet.BrowserTests.Orient;

[Collection(BrowserCollection.Name)]
public sealed class CatalogueEditorPagesTests(BrowserApp app) : IAsyncLifetime
{
    private static readonly Guid Eid = CatalogueDemoSeeder.StableId("service:hautrival-eid");
    private static readonly Guid TownHallCounter = CatalogueDemoSeeder.StableId("channel:hautrival-town-hall-counter");

    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(EveryLanguage.Rows), MemberType = typeof(EveryLanguage))]
    public async Task The_catalogue_overview_has_no_axe_violations(string language)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Editor, language);
        var response = await page.GotoAsync($"{app.BaseUrl}/staff/catalogue");
        Assert.Equal(200, response!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, "overview");
    }

    [Theory]
    [MemberData(nameof(EveryLanguage.Rows), MemberType = typeof(EveryLanguage))]
    public async Task The_service_form_has_no_axe_violations_also_with_errors_shown(string language)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Editor, language);
        var response = await page.GotoAsync($"{app.BaseUrl}/staff/catalogue/services/{Eid}");
        Assert.Equal(200, response!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, "service form");

        await page.FillAsync("#name-fr", "");
        await page.FillAsync("#description-en", "<b>bold</b>");
        await page.FillAsync("#processingTime-days", "x");
        await page.ClickAsync("form.catalogue-form button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Equal(3, await page.Locator(".error-summary li").CountAsync());
        await BrowserApp.AssertAccessibleAsync(page, language, "service form with errors");

        // The summary's links lead to the fields.
        await page.ClickAsync(".error-summary a[href='#name-fr']");
        Assert.Equal("name-fr", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Theory]
    [MemberData(nameof(EveryLanguage.Rows), MemberType = typeof(EveryLanguage))]
    public async Task The_channel_and_opening_hours_forms_have_no_axe_violations(string language)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Editor, language);
        var response = await page.GotoAsync($"{app.BaseUrl}/staff/catalogue/channels/{TownHallCounter}");
        Assert.Equal(200, response!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, "channel form");

        response = await page.GotoAsync($"{app.BaseUrl}/staff/catalogue/channels/{TownHallCounter}/opening-hours");
        Assert.Equal(200, response!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, "opening hours form");

        await page.FillAsync("#periods-0-hours-0-closes", "07:00");
        await page.ClickAsync("button[name=action][value=save]");
        await page.WaitForSelectorAsync(".error-summary");
        await BrowserApp.AssertAccessibleAsync(page, language, "opening hours form with errors");
    }
}
