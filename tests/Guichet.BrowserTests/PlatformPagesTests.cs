using Guichet.BrowserTests.Support;
using Guichet.Tests.Support;

namespace Guichet.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PlatformPagesTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> PagesInEveryLanguage() => EveryLanguage.Rows(["/accessibility", "/staff/sign-in"]);

    [Theory]
    [MemberData(nameof(PagesInEveryLanguage))]
    public async Task Page_has_no_axe_violations(string path, string language)
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync($"{app.BaseUrl}{path}?lang={language}");
        Assert.Equal(200, response!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, path);
    }

    [Fact]
    public async Task Sign_in_errors_are_summarised_accessibly_and_a_real_sign_in_works()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/staff/sign-in?lang=en");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("Enter your e-mail address", await page.InnerTextAsync(".error-summary"));
        Assert.Empty(await BrowserApp.AxeViolationsAsync(page));

        await page.FillAsync("#email", DemoAccounts.Admin);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/staff");
        Assert.Equal("Staff area", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task Accessibility_feedback_with_errors_has_no_axe_violations_and_can_be_sent()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/accessibility?lang=fr");
        await page.ClickAsync("#feedback ~ form button[type=submit]");
        Assert.Contains("Décrivez le problème", await page.InnerTextAsync(".error-summary"));
        var violations = await BrowserApp.AxeViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await page.FillAsync("#message", "Le contraste du pied de page est trop faible.");
        await page.ClickAsync("#feedback ~ form button[type=submit]");
        Assert.Contains("Merci", await page.InnerTextAsync("[role=status]"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Staff_platform_pages_have_no_axe_violations(string language)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Admin, language);
        foreach (var path in new[] { "/staff", "/staff/calendar", "/staff/accessibility-feedback", "/staff/outbox" })
        {
            var response = await page.GotoAsync($"{app.BaseUrl}{path}");
            Assert.Equal(200, response!.Status);
            await BrowserApp.AssertAccessibleAsync(page, language, path);
        }
    }
}
