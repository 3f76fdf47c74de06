using Guichet.BrowserTests.Support;
using Guichet.Tests.Support;

namespace Guichet.BrowserTests.Platform;

[Collection(BrowserCollection.Name)]
public sealed class TokensPageTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_tokens_page_has_no_axe_violations_with_errors_and_with_a_new_token_in_every_language()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, DemoAccounts.Admin, "en");

        foreach (var language in BrowserApp.Languages)
        {
            var response = await page.GotoAsync($"{app.BaseUrl}/staff/tokens?lang={language}");
            Assert.Equal(200, response!.Status);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));

            // Nothing filled in: the error summary names the fields.
            await page.ClickAsync("form[action*='handler=create'] button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            var violations = await BrowserApp.AxeViolationsAsync(page);
            Assert.True(violations.Count == 0, language + " with errors\n" + string.Join("\n", violations));

            await page.FillAsync("#owner", DemoAccounts.FrontOffice);
            await page.FillAsync("#name", $"Site {language}");
            await page.ClickAsync("form[action*='handler=create'] button[type=submit]");
            await page.WaitForSelectorAsync(".notice code");
            Assert.StartsWith("gch_", (await page.InnerTextAsync(".notice code")).Trim());
            violations = await BrowserApp.AxeViolationsAsync(page);
            Assert.True(violations.Count == 0, language + " with a new token\n" + string.Join("\n", violations));
        }
    }
}
