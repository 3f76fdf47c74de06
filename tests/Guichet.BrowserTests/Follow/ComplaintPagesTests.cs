using Guichet.BrowserTests.Support;
using Guichet.Follow.Complaints;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.BrowserTests.Follow;

/// The public complaint form and the complaint officer's pages in real Chromium, in French and
/// Dutch: axe-core finds nothing, with and without errors; a complaint sent through the form
/// reaches the tracking page, the work list and its own page.
[Collection(BrowserCollection.Name)]
public sealed class ComplaintPagesTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr", "Merci")]
    [InlineData("nl", "Bedankt")]
    public async Task The_public_complaint_form_and_the_tracking_page_have_no_axe_violations(string language, string thanks)
    {
        var page = await app.NewPageAsync();
        var url = $"{app.BaseUrl}/complaint?lang={language}";
        Assert.Equal(200, (await page.GotoAsync(url))!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, "/complaint");

        await page.ClickAsync("form button[type=submit]");
        Assert.NotNull(await page.QuerySelectorAsync(".error-summary"));
        var afterError = await BrowserApp.AxeViolationsAsync(page);
        Assert.True(afterError.Count == 0, string.Join("\n", afterError));

        var marker = Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync(url);
        await page.CheckAsync("input[name=category][value=delay]");
        await page.FillAsync("#subject", "Browser " + marker);
        await page.FillAsync("#description", "Trop longtemps attendu au guichet.");
        await page.FillAsync("#name", "Anne Browser");
        await page.FillAsync("#email", $"browser-{marker}@example.be");
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync("**/complaint/track/**");
        Assert.Contains(thanks, await page.InnerTextAsync("[role=status]"));
        await BrowserApp.AssertAccessibleAsync(page, language, "/complaint/track");
        using var scope = app.Services.CreateScope();
        Assert.Single(scope.ServiceProvider.GetRequiredService<Guichet.Platform.Data.GuichetDb>().Set<Complaint>().Where(c => c.Subject == "Browser " + marker));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    public async Task The_complaint_officers_pages_have_no_axe_violations(string language)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, Guichet.Tests.Support.DemoAccounts.Complaints, language);
        Assert.Equal(200, (await page.GotoAsync($"{app.BaseUrl}/staff/complaints/new"))!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, "/staff/complaints/new");
        // Registered at the counter through the page; refused first, with its errors.
        await page.ClickAsync("form.case-form button[type=submit]");
        Assert.NotNull(await page.QuerySelectorAsync(".error-summary"));
        var afterError = await BrowserApp.AxeViolationsAsync(page);
        Assert.True(afterError.Count == 0, string.Join("\n", afterError));
        var marker = Guid.NewGuid().ToString("N")[..8];
        await page.FillAsync("#customerName", "Jan Loket");
        await page.CheckAsync("input[name=customerKind][value=anonymous]");
        await page.FillAsync("#address", "Markt 1, 9000 Gent");
        await page.CheckAsync("input[name=category][value=attitude]");
        await page.FillAsync("#subject", "Loket " + marker);
        await page.FillAsync("#description", "Onvriendelijk onthaal.");
        await page.ClickAsync("form.case-form button[type=submit]");
        await page.WaitForURLAsync("**done=registered**");
        await BrowserApp.AssertAccessibleAsync(page, language, "/staff/complaints/{id}");

        foreach (var path in new[] { "/staff/complaints", "/staff/complaints?all=true", $"/staff/complaints/report?year={DateTime.UtcNow.Year}" })
        {
            Assert.Equal(200, (await page.GotoAsync($"{app.BaseUrl}{path}"))!.Status);
            await BrowserApp.AssertAccessibleAsync(page, language, path);
        }
    }
}
