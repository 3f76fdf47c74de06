using Guichet.BrowserTests.Support;
using Guichet.Platform.Data;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.BrowserTests.Platform;

/// The staff member's own password page, empty, with its errors and once changed: axe finds
/// nothing, in every language; the change is made with the keyboard's fields as a person would.
[Collection(BrowserCollection.Name)]
public sealed class PasswordPageTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_password_page_with_errors_and_after_a_change_has_no_axe_violations()
    {
        var email = $"password-{Guid.NewGuid():N}@guichet.test";
        await app.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<StaffAccounts>().CreateAsync(email, "Password Page", [Roles.Editor], DemoAccounts.Password, null, default);
            return await sp.GetRequiredService<GuichetDb>().SaveChangesAsync();
        });
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, email, "fr");
        await page.ClickAsync("main a[href='/staff/password']");
        await page.WaitForURLAsync("**/staff/password");
        foreach (var language in BrowserApp.Languages)
        {
            Assert.Equal(200, (await page.GotoAsync($"{app.BaseUrl}/staff/password?lang={language}"))!.Status);
            await BrowserApp.AssertAccessibleAsync(page, language, "password");
            await page.FillAsync("#currentPassword", DemoAccounts.Password);
            await page.FillAsync("#newPassword", "short");
            await page.FillAsync("#confirmPassword", "other");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.Equal(2, await page.Locator(".error-summary a").CountAsync());
            await BrowserApp.AssertAccessibleAsync(page, language, "password, errors");
        }
        await page.FillAsync("#currentPassword", DemoAccounts.Password);
        await page.FillAsync("#newPassword", "a-new-and-long-passphrase");
        await page.FillAsync("#confirmPassword", "a-new-and-long-passphrase");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/staff/password?done=changed");
        Assert.Contains("Your password has been changed", await page.InnerTextAsync("main [role=status]"));
        await BrowserApp.AssertAccessibleAsync(page, "en", "password, changed");
    }
}
