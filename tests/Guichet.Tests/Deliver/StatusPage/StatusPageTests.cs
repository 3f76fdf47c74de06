using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Guichet.Deliver.Cases;
using Guichet.Deliver.Documents;
using Guichet.Deliver.Requests;
using Guichet.Deliver.StatusPage;
using Guichet.Tests.Deliver.Cases;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Deliver.StatusPage;

public sealed class StatusPageTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\nanswer\n%%EOF\n");

    /// A residents' parking card case opened by the admin; its id and status page address.
    private async Task<(HttpClient Admin, string Id, string StatusUrl)> OpenAsync(string language = "fr")
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var response = await admin.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "residents-parking-card", language, subject = "Carte de riverain, rue du Moulin 4",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Lotte Peeters", email = "lotte@example.be" } },
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var c = await response.ReadJsonAsync();
        return (admin, c.GetProperty("id").GetString()!, c.GetProperty("statusUrl").GetString()!);
    }

    [Fact]
    public async Task The_status_page_opens_in_the_case_language_and_answers_the_customers_questions()
    {
        var (_, _, url) = await OpenAsync("nl");
        Assert.Matches("^/status/[A-Za-z0-9_-]{43}$", url);
        var client = app.Client();
        var redirect = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(url + "?lang=nl", redirect.Headers.Location?.ToString());

        var page = await client.GetAsync(url + "?lang=nl");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        var html = await Html.ParseAsync(page);
        Assert.Equal("nl", html.DocumentElement.GetAttribute("lang"));
        var text = html.Body!.TextContent;
        Assert.Contains("Uw aanvraag is ontvangen.", text);                  // the status in plain words
        Assert.Contains("Uw dossier wordt onderzocht.", text);               // what happens next
        Assert.Contains("uiterlijk op maandag 26 oktober 2026", text);        // the expected date, from the clock
        Assert.Contains("Uw aanvraag is geregistreerd.", text);              // the steps so far

        var german = await Html.ParseAsync(await client.GetAsync(url + "?lang=de"));
        Assert.Equal("de", german.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Ihr Antrag ist eingegangen.", german.Body!.TextContent);
    }

    [Fact]
    public async Task A_tampered_or_malformed_link_is_not_found()
    {
        var (_, _, url) = await OpenAsync();
        var tampered = url[..^1] + (url[^1] == 'A' ? 'B' : 'A');
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(tampered + "?lang=fr")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/status/abc?lang=fr")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/status/" + new string('A', 43) + "?lang=fr")).StatusCode);
    }

    [Fact]
    public async Task An_expired_or_replaced_link_is_gone()
    {
        var (admin, id, url) = await OpenAsync();
        var renewed = await admin.PostAsync($"/api/v1/cases/{id}/status-link", null);
        Assert.Equal(HttpStatusCode.Created, renewed.StatusCode);
        var newUrl = (await renewed.ReadJsonAsync()).GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.Gone, (await app.Client().GetAsync(url + "?lang=fr")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(newUrl + "?lang=fr")).StatusCode);

        var caseId = Guid.Parse(id);
        await app.InScopeAsync(async sp => await sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().Set<CaseStatusLink>()
            .Where(l => l.CaseId == caseId).ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, DateTimeOffset.UnixEpoch)));
        var gone = await app.Client().GetAsync(newUrl + "?lang=en");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("This link has expired", (await Html.ParseAsync(gone)).Body!.TextContent);
    }

    [Theory]
    [InlineData("2026-10-05", "dueOn", "date-in-past")]
    [InlineData("2026-10-01", "dueOn", "date-in-past")]
    [InlineData(null, "dueOn", "required")]
    public async Task Asking_with_a_past_or_missing_date_is_refused_and_stores_nothing(string? dueOn, string field, string code)
    {
        var (admin, id, _) = await OpenAsync();
        var before = app.InScope(db => db.Set<CustomerRequest>().Count());
        var response = await admin.PostAsync($"/api/v1/cases/{id}/requests", JsonBody(new { what = "Une copie du certificat d'immatriculation", dueOn }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var param = (await response.ReadJsonAsync()).GetProperty("invalidParams")[0];
        Assert.Equal((field, code), (param.GetProperty("name").GetString(), param.GetProperty("code").GetString()));
        Assert.Equal(before, app.InScope(db => db.Set<CustomerRequest>().Count()));
        Assert.False(app.InScope(db => db.Set<Case>().AsNoTracking().Single(c => c.Id == Guid.Parse(id)).IsSuspended));
    }

    [Fact]
    public async Task Asking_for_a_document_stops_the_clock_and_the_customers_upload_restarts_it()
    {
        var (admin, id, url) = await OpenAsync();
        var asked = await admin.PostAsync($"/api/v1/cases/{id}/requests", JsonBody(new { what = "Une copie du certificat d'immatriculation du véhicule", dueOn = "2026-10-19" }));
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var requestId = (await asked.ReadJsonAsync()).GetProperty("id").GetString()!;
        Assert.Equal("suspended", (await (await admin.GetAsync($"/api/v1/cases/{id}")).ReadJsonAsync()).GetProperty("clock").GetProperty("state").GetString());

        var jar = new CookieJar();
        var client = app.Client();
        var page = await Html.ParseAsync(await jar.GetAsync(client, url + "?lang=fr"));
        Assert.Contains("certificat d'immatriculation", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector($"input[type=file]"));
        var token = Html.Antiforgery(page);

        // A wrong kind of file: refused with a message in the reader's language, nothing stored.
        var documents = app.InScope(db => db.Set<CaseDocument>().Count());
        var wrong = await jar.SendAsync(client, Upload(url, token, requestId, Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /"), "scan.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("n'est pas accepté", (await Html.ParseAsync(wrong)).Body!.TextContent);
        Assert.Equal(documents, app.InScope(db => db.Set<CaseDocument>().Count()));

        // Without the antiforgery token: refused.
        var forged = await jar.SendAsync(client, Upload(url, null, requestId, Pdf, "certificat.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(documents, app.InScope(db => db.Set<CaseDocument>().Count()));

        var sent = await jar.SendAsync(client, Upload(url, token, requestId, Pdf, "certificat.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await (await admin.GetAsync($"/api/v1/cases/{id}")).ReadJsonAsync();
        Assert.Equal("running", after.GetProperty("clock").GetProperty("state").GetString());
        var docs = await (await admin.GetAsync($"/api/v1/cases/{id}/documents")).ReadJsonAsync();
        Assert.Equal("customer", Assert.Single(docs.EnumerateArray()).GetProperty("uploadedBy").GetString());
        var requests = await (await admin.GetAsync($"/api/v1/cases/{id}/requests")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.String, requests[0].GetProperty("answeredAt").ValueKind);

        var again = await jar.SendAsync(client, Upload(url, token, requestId, Pdf, "encore.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task A_request_prints_as_a_letter_whose_link_opens_the_status_page()
    {
        var (admin, id, _) = await OpenAsync();
        var asked = await (await admin.PostAsync($"/api/v1/cases/{id}/requests", JsonBody(new { what = "Une photo d'identité <récente>", dueOn = "2026-10-20" }))).ReadJsonAsync();
        var letter = await admin.GetAsync($"/api/v1/cases/{id}/requests/{asked.GetProperty("id").GetString()}/letter.html");
        Assert.Equal("text/html", letter.Content.Headers.ContentType?.MediaType);
        var html = await Html.ParseAsync(letter);
        var text = html.Body!.TextContent;
        Assert.Contains("Une photo d'identité <récente>", text); // shown as text, not markup
        Assert.Contains("20 octobre 2026", text);
        var link = text.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/status/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(new Uri(link).AbsolutePath + "?lang=fr")).StatusCode);
        var other = await app.OtherUnitHandlerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cases/{id}/requests/{asked.GetProperty("id").GetString()}/letter.html")).StatusCode);
    }

    private static HttpRequestMessage Upload(string url, string? antiforgery, string requestId, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        if (antiforgery is not null) form.Add(new StringContent(antiforgery), "__RequestVerificationToken");
        form.Add(new StringContent(requestId), "request");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
    }

    [Fact]
    public async Task The_decision_and_how_to_appeal_show_once_issued_with_the_letter()
    {
        var (admin, id, url) = await OpenAsync();
        foreach (var status in new[] { "in-review", "awaiting-decision" })
            await admin.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status }));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new
        {
            outcome = "granted", channel = "email",
            factualGrounds = "La demanderesse est domiciliée rue du Moulin 4, dans le périmètre de la zone riverains B.",
            legalGrounds = "Règlement communal du 12 mars 2024 relatif au stationnement, article 5.",
        }))).StatusCode);
        var page = await Html.ParseAsync(await app.Client().GetAsync(url + "?lang=fr"));
        var text = page.Body!.TextContent;
        Assert.Contains("Votre demande est accordée.", text);
        Assert.Contains("Collège communal de Hautrival", text);
        Assert.Contains("4 novembre 2026", text); // notified 5 October by e-mail + 30 days
        var letter = await app.Client().GetAsync(url + "/letter.pdf");
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
    }
}

/// Its own host: the rate limiter counts per address, and the test server has one.
public sealed class StatusPageRateLimitTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    [Fact]
    public async Task Guessing_links_is_slowed_down()
    {
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 70; i++)
            statuses.Add((await client.GetAsync($"/status/{Guid.NewGuid():N}{Guid.NewGuid():N}"[..51] + "?lang=fr")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}
