using Guichet.BrowserTests.Support;
using Guichet.Tests.Support;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.BrowserTests.Deliver;

/// The customer's status page in real Chromium: with a document awaited (upload form, and its
/// error), and with a decision and how to appeal.
[Collection(BrowserCollection.Name)]
public sealed class StatusPageBrowserTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Admin, string Id, string Url)> OpenAsync()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        admin.BaseAddress = new Uri(app.BaseUrl); // the real Kestrel server the browser uses
        var response = await admin.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "residents-parking-card", language = "fr", subject = "Carte de riverain, rue du Moulin 4",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Lotte Peeters" } },
        }));
        var c = await response.ReadJsonAsync();
        return (admin, c.GetProperty("id").GetString()!, c.GetProperty("statusUrl").GetString()!);
    }

    [Fact]
    public async Task The_status_page_with_a_document_awaited_has_no_axe_violations_in_any_language()
    {
        var (admin, id, url) = await OpenAsync();
        var dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)).ToString("yyyy-MM-dd");
        var asked = await admin.PostAsync($"/api/v1/cases/{id}/requests", JsonBody(new { what = "Une copie du certificat d'immatriculation", dueOn }));
        Assert.True(asked.IsSuccessStatusCode);
        var page = await app.NewPageAsync();
        foreach (var language in BrowserApp.Languages)
        {
            var response = await page.GotoAsync($"{app.BaseUrl}{url}?lang={language}");
            Assert.Equal(200, response!.Status);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            Assert.NotNull(await page.QuerySelectorAsync("input[type=file]"));
            Assert.NotNull(await page.QuerySelectorAsync("#status-path tr[aria-current=step]")); // each status with its date
            if (language is "fr" or "nl") await BrowserApp.ShotAsync(page, $"status-awaiting-{language}");
            var violations = await BrowserApp.AxeViolationsAsync(page);
            Assert.True(violations.Count == 0, language + ": " + string.Join("\n", violations));
        }
        // Sending without choosing a file: the error is announced, and still accessible.
        await page.GotoAsync($"{app.BaseUrl}{url}?lang=fr");
        await page.ClickAsync("form button[type=submit]");
        Assert.Contains("Choisissez le fichier", await page.InnerTextAsync("[role=alert]"));
        var afterError = await BrowserApp.AxeViolationsAsync(page);
        Assert.True(afterError.Count == 0, string.Join("\n", afterError));
    }

    [Fact]
    public async Task The_status_page_with_a_decision_has_no_axe_violations()
    {
        var (admin, id, url) = await OpenAsync();
        foreach (var status in new[] { "in-review", "awaiting-decision" })
            await admin.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status }));
        var decided = await admin.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new
        {
            outcome = "refused", channel = "post",
            factualGrounds = "La demanderesse n'est pas domiciliée dans le périmètre de la zone riverains B selon le registre.",
            legalGrounds = "Règlement communal du 12 mars 2024 relatif au stationnement, article 5.",
        }));
        Assert.True(decided.IsSuccessStatusCode);
        var page = await app.NewPageAsync();
        foreach (var language in new[] { "fr", "nl" })
        {
            await page.GotoAsync($"{app.BaseUrl}{url}?lang={language}");
            Assert.NotNull(await page.QuerySelectorAsync("#decision"));
            Assert.Null(await page.QuerySelectorAsync("input[type=file]"));
            await BrowserApp.ShotAsync(page, $"status-decided-{language}");
            var violations = await BrowserApp.AxeViolationsAsync(page);
            Assert.True(violations.Count == 0, language + ": " + string.Join("\n", violations));
        }
    }
}
