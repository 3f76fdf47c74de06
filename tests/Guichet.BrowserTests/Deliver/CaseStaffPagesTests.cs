using Guichet.BrowserTests.Support;
using Guichet.Tests.Support;
using Microsoft.Playwright;

namespace Guichet.BrowserTests.Deliver;

/// The staff pages of cases in real Chromium, in each language: a case opened through the form,
/// moved on, decided through the decision form, with axe-core run on every page along the way,
/// errors shown included.
[Collection(BrowserCollection.Name)]
public sealed class CaseStaffPagesTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(EveryLanguage.Rows), MemberType = typeof(EveryLanguage))]
    public async Task The_case_pages_have_no_axe_violations_from_opening_to_decision(string language)
    {
        // Sign-in is rate-limited per address: the case handler signs in once, each run switches
        // language with ?lang=.
        var page = await app.SignedInPageAsync(DemoAccounts.CaseHandler, "fr");
        Assert.Equal(200, (await page.GotoAsync($"{app.BaseUrl}/staff/cases?lang={language}"))!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, "work list");

        // The new-case form, first with its errors, then filled in.
        await page.GotoAsync($"{app.BaseUrl}/staff/cases/new");
        await BrowserApp.AssertAccessibleAsync(page, language, "new-case form");
        await page.FillAsync("#parties-0-number", "85.07.30-033.29");
        await page.ClickAsync("form.case-form button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await BrowserApp.AssertAccessibleAsync(page, language, "new-case form with errors");
        await page.ClickAsync(".error-summary a[href='#parties-0-number']");
        Assert.Equal("parties-0-number", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.SelectOptionAsync("#caseType", "building-permit");
        await page.CheckAsync("#language");
        await page.FillAsync("#subject", "Extension d'une maison, rue des Écoles 12");
        await page.CheckAsync("#complete");
        await page.FillAsync("#parties-0-number", "85.07.30-033.28");
        await page.FillAsync("#parties-0-name", "Amélie Lambert");
        await page.FillAsync("#parties-0-email", "amelie@example.be");
        await page.FillAsync("#parties-0-address", "Rue des Écoles 12\n5395 Hautrival");
        await page.ClickAsync("form.case-form button[type=submit]");
        await page.WaitForURLAsync("**/staff/cases/*?done=opened");
        var caseUrl = page.Url.Split('?')[0];
        await BrowserApp.AssertAccessibleAsync(page, language, "case page");

        // An action refused shows its error accessibly too.
        await page.ClickAsync("form[action*='handler=extend'] button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await BrowserApp.AssertAccessibleAsync(page, language, "case page with errors");

        // A request to the customer (refused once for its date), advice from another unit, a new status link.
        await page.FillAsync("#ask-what", "Une copie des plans signée par l'architecte");
        await page.FillAsync("#ask-dueOn", "2020-01-01");
        await page.ClickAsync("form[action*='handler=ask'] button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary a[href='#ask-dueOn']");
        await BrowserApp.AssertAccessibleAsync(page, language, "case page with a request refused");
        await page.FillAsync("#ask-dueOn", DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("form[action*='handler=ask'] button[type=submit]");
        await page.WaitForURLAsync("**?done=customer-asked*");
        await page.SelectOptionAsync("#advice-toUnitId", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#advice-question", "Le budget communal couvre-t-il la voirie prévue ?");
        await page.ClickAsync("form[action*='handler=advice'] button[type=submit]");
        await page.WaitForURLAsync("**?done=advice-requested*");
        await page.ClickAsync("form[action*='handler=link'] button[type=submit]");
        await page.WaitForSelectorAsync("#status-link a.break-all");
        await BrowserApp.AssertAccessibleAsync(page, language, "case page with a request, advice and a new status link");
        await page.GotoAsync($"{app.BaseUrl}/staff/advice");
        Assert.True(await page.Locator("section[aria-labelledby='outgoing-title'] tbody tr").CountAsync() > 0);
        await BrowserApp.AssertAccessibleAsync(page, language, "advice between units");
        await page.GotoAsync(caseUrl);

        foreach (var status in new[] { "in-review", "awaiting-decision" })
        {
            await page.SelectOptionAsync("#move-status", status);
            await page.ClickAsync("form[action*='handler=move'] button[type=submit]");
            await page.WaitForURLAsync("**?done=moved*");
        }
        await page.GotoAsync($"{app.BaseUrl}/staff/cases");
        Assert.True(await page.Locator("tbody tr").CountAsync() > 0);
        await BrowserApp.AssertAccessibleAsync(page, language, "work list with cases");

        // The decision form, pre-filled; refused without motivation, then issued.
        await page.GotoAsync(caseUrl + "/decision");
        Assert.Equal("Gouvernement wallon", await page.InputValueAsync("#appeal-body"));
        await BrowserApp.AssertAccessibleAsync(page, language, "decision form");
        await page.CheckAsync("#outcome");
        await page.CheckAsync("#channel-post");
        await page.ClickAsync("form.case-form button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        await BrowserApp.AssertAccessibleAsync(page, language, "decision form with errors");
        await page.ClickAsync(".error-summary a[href='#factualGrounds']");
        Assert.Equal("factualGrounds", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.FillAsync("#factualGrounds", "Le projet prévoit une extension de 40 m² en zone d'habitat, conforme au guide communal d'urbanisme.");
        await page.FillAsync("#legalGrounds", "Code du Développement territorial, articles D.IV.1 et D.IV.15.");
        // The request asked above is still open: the form asks to confirm it ends with the decision.
        await page.CheckAsync("#withdrawOpenRequests");
        await page.ClickAsync("form.case-form button[type=submit]");
        await page.WaitForURLAsync("**?done=decided*");
        await BrowserApp.AssertAccessibleAsync(page, language, "case page with its decision");

        await page.GotoAsync(caseUrl + "/history");
        Assert.True(await page.Locator("tbody tr").CountAsync() >= 5);
        await BrowserApp.AssertAccessibleAsync(page, language, "history");
        await page.CloseAsync();
    }
}
