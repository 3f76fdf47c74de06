using System.Text;
using Guichet.BrowserTests.Support;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Tests.Support;
using Guichet.Welcome.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Guichet.BrowserTests.Welcome;

/// The front office's contact pages in real Chromium: axe (WCAG 2.1 A and AA) on each page in
/// every language, errors shown included, and a phone call registered with the keyboard only.
[Collection(BrowserCollection.Name)]
public sealed class ContactPagesTests(BrowserApp app) : IAsyncLifetime
{
    private static readonly Guid Passport = CatalogueDemoSeeder.StableId("service:hautrival-passport");

    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task GoAsync(IPage page, string path, int status = 200)
    {
        var response = await page.GotoAsync(app.BaseUrl + path);
        Assert.Equal(status, response!.Status);
    }

    [Fact]
    public async Task Every_contact_page_has_no_axe_violations_in_every_language_errors_included()
    {
        var page = await app.SignedInPageAsync(DemoAccounts.FrontOffice, "en");
        // A letter with its scan, and a call with a promised call-back, to have every part of the pages on screen.
        await GoAsync(page, "/staff/contacts/letter?lang=en");
        await page.FillAsync("#customerNumber", "85.07.30-033.28");
        await page.FillAsync("#customerName", "Amélie Lambert");
        await page.FillAsync("#subject", "Passport renewal");
        await page.SetInputFilesAsync("#scan", new FilePayload { Name = "letter.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n") });
        await page.ClickAsync("button[data-save]");
        await page.WaitForURLAsync("**/staff/contacts/*?done=letter");
        var letterUrl = new Uri(page.Url).AbsolutePath;
        await GoAsync(page, "/staff/contacts/phone?lang=en");
        await page.FillAsync("#customerName", "Call Back");
        await page.FillAsync("#subject", "Building permit question");
        await page.CheckAsync("#outcome-callBackPromised");
        await page.SelectOptionAsync("#outcome-unitId", CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-urban-planning").ToString());
        await page.ClickAsync("button[data-save]");
        await page.WaitForURLAsync("**/staff/contacts/phone?saved=*");

        foreach (var language in BrowserApp.Languages)
        {
            await GoAsync(page, $"/staff/contacts?lang={language}");
            await BrowserApp.AssertAccessibleAsync(page, language, "inbox");
            await page.FillAsync("#customer", "12345");
            await page.ClickAsync("form.search-form button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            await BrowserApp.AssertAccessibleAsync(page, language, "inbox, wrong number");
            await GoAsync(page, "/staff/contacts/phone");
            await BrowserApp.AssertAccessibleAsync(page, language, "phone call");
            await page.FillAsync("#customerNumber", "85.07.30-033.29");
            await page.FillAsync("#q", "passeport");
            await page.ClickAsync("button[data-find]");
            await page.WaitForSelectorAsync("input[name=serviceId]");
            await BrowserApp.AssertAccessibleAsync(page, language, "phone call, services found");
            await page.ClickAsync("button[data-save]");
            await page.WaitForSelectorAsync(".error-summary");
            await BrowserApp.AssertAccessibleAsync(page, language, "phone call, errors");
            await GoAsync(page, "/staff/contacts/letter");
            await BrowserApp.AssertAccessibleAsync(page, language, "letter");
            await page.FillAsync("#receivedOn", "2099-01-01");
            await page.ClickAsync("button[data-save]");
            await page.WaitForSelectorAsync(".error-summary");
            await BrowserApp.AssertAccessibleAsync(page, language, "letter, errors");
            await GoAsync(page, letterUrl);
            await BrowserApp.AssertAccessibleAsync(page, language, "contact");
            await GoAsync(page, "/staff/contacts/call-backs");
            await BrowserApp.AssertAccessibleAsync(page, language, "call-backs");
            await GoAsync(page, "/staff/contacts");
            await page.FillAsync("#customer", "85.07.30-033.28");
            await page.ClickAsync("form.search-form button[type=submit]");
            await page.WaitForURLAsync("**/staff/customers/**");
            await BrowserApp.AssertAccessibleAsync(page, language, "customer");
            await GoAsync(page, "/staff/customers/123", 400);
            await BrowserApp.AssertAccessibleAsync(page, language, "customer, wrong number");
        }
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_phone_call_is_registered_with_the_keyboard_only()
    {
        var page = await app.SignedInPageAsync(DemoAccounts.FrontOffice, "en");
        await GoAsync(page, "/staff/contacts/phone?lang=en");
        var keyboard = page.Keyboard;

        async Task TabToAsync(string expectedId)
        {
            await keyboard.PressAsync("Tab");
            Assert.Equal(expectedId, await page.EvaluateAsync<string>("document.activeElement.id"));
        }

        // Past the header with the skip link, then the form in its visual order.
        await keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        await keyboard.PressAsync("Enter");
        await keyboard.PressAsync("Tab"); // back to the contacts
        await TabToAsync("customerKind");
        await TabToAsync("customerNumber");
        await keyboard.TypeAsync("85.07.30-033.28");
        await TabToAsync("customerName");
        await keyboard.TypeAsync("Amélie Lambert");
        await TabToAsync("phone");
        await keyboard.TypeAsync("+32 470 12 34 56");
        await TabToAsync("email");
        await TabToAsync("onBehalfOf-name");
        await TabToAsync("onBehalfOf-role");
        await TabToAsync("language-en");
        await TabToAsync("subject");
        await keyboard.TypeAsync("Urgent passport");
        await TabToAsync("q");
        await keyboard.TypeAsync("passeport");
        // The search runs as you type; its count is announced by the live region.
        await page.WaitForSelectorAsync($"input[name=serviceId][value='{Passport}']");
        Assert.Equal("status", await page.GetAttributeAsync("#service-count", "role"));
        Assert.Contains("found", await page.InnerTextAsync("#service-count"), StringComparison.Ordinal);
        await keyboard.PressAsync("Tab"); // the search button
        await TabToAsync("serviceId"); // the first service found
        Assert.Equal(Passport.ToString(), await page.EvaluateAsync<string>("document.activeElement.value"));
        await keyboard.TypeAsync(" ");
        Assert.True(await page.IsCheckedAsync($"input[name=serviceId][value='{Passport}']"));
        await TabToAsync("notes");
        await keyboard.TypeAsync("Documents listed.");
        await TabToAsync("outcome");
        await TabToAsync("outcome-unitId");
        await keyboard.PressAsync("Tab");
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/staff/contacts/phone?saved=*");

        var id = Guid.Parse(new Uri(page.Url).Query.Split('=')[1]);
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().Set<Contact>().SingleAsync(c => c.Id == id));
        Assert.Equal((ContactChannel.Phone, "85073003328", "Urgent passport", Passport, ContactOutcome.Answered),
            (stored.Channel, stored.CustomerNumber, stored.Subject, stored.ServiceId, stored.Outcome));
        // The next call starts from the focused link.
        Assert.Equal("another", await page.EvaluateAsync<string>("document.activeElement.id"));
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/staff/contacts/phone");
        await page.CloseAsync();
    }
}
