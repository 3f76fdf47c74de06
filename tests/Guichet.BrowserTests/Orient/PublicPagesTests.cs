using Guichet.BrowserTests.Support;
using Guichet.Tests.Support;
using Microsoft.Playwright;

namespace Guichet.BrowserTests.Orient;

/// The public pages in a real browser: axe-core (WCAG 2.1 A and AA) in the four languages, and
/// a search done with the keyboard alone.
[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string[] Pages =
    [
        "/",
        "/services?q=identity",
        "/services?q=qwxzvkj",
        "/services/hautrival-eid",
        "/services/famisud-birth-allowance",
        "/services/hautrival-cat-sterilisation-premium",
        "/organisations",
        "/organisations/hautrival",
        "/life-events",
        "/life-events/having-a-baby",
    ];

    public static TheoryData<string, string> PagesInEveryLanguage() => EveryLanguage.Rows(Pages);

    [Theory]
    [MemberData(nameof(PagesInEveryLanguage))]
    public async Task Public_page_has_no_axe_violations(string path, string language)
    {
        var page = await app.NewPageAsync();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var response = await page.GotoAsync($"{app.BaseUrl}{path}{separator}lang={language}");
        Assert.Equal(200, response!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, path);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_search_can_be_done_with_the_keyboard_alone()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/?lang=en");

        // Tab from the top of the page until the search box has the focus.
        Assert.True(await TabUntilAsync(page, "document.activeElement.id === 'q'", 30), "The search box is not reachable with Tab.");
        await page.Keyboard.TypeAsync("Electronic identity card");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/services?q=Electronic", StringComparison.Ordinal));
        Assert.Contains("service", await page.InnerTextAsync("#results-heading"), StringComparison.Ordinal);

        var first = await page.GetAttributeAsync("ol.results li.service-card h3 a", "href");
        Assert.False(string.IsNullOrEmpty(first));
        Assert.True(await TabUntilAsync(page, $"document.activeElement.getAttribute('href') === '{first}'", 40),
            "The first result is not reachable with Tab.");
        // The focus is visible where it lands.
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains(first!, StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("main h1").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_filters_work_without_script()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/services?lang=en");

        await page.SelectOptionAsync("#organisation", "famisud");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("organisation=famisud", StringComparison.Ordinal));

        Assert.Equal(2, await page.Locator("li.service-card").CountAsync());
        Assert.Equal(2, await page.Locator("li.service-card .badge--referral").CountAsync());
        await context.CloseAsync();
    }

    private static async Task<bool> TabUntilAsync(IPage page, string condition, int maxTabs)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>(condition)) return true;
        }
        return false;
    }
}
