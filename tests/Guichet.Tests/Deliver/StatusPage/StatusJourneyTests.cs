using System.Net;
using Guichet.Deliver.Requests;
using Guichet.Platform.EventLog;
using Guichet.Tests.Deliver.Cases;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Deliver.StatusPage;

/// The customer's status page of issue 11: a case closed without a decision asks for nothing (its
/// open requests end as withdrawn, the stopped clock runs again), each status of the usual path
/// shows when it was reached or is expected, and the story starts on the day the request was
/// received. The clock stands on Monday 5 October 2026 (DeliverApp).
public sealed class StatusJourneyTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    /// A building permit case received on Thursday 1 October, registered today, complete; its id and status page.
    private async Task<(HttpClient Handler, string Id, string StatusUrl)> OpenAsync(string language)
    {
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var open = await handler.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "building-permit", language, subject = "Extension d'une maison, rue des Écoles 12", complete = true, receivedOn = "2026-10-01",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Amélie Lambert", email = "amelie@example.be" } },
        }));
        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
        var c = await open.ReadJsonAsync();
        return (handler, c.GetProperty("id").GetString()!, c.GetProperty("statusUrl").GetString()!);
    }

    [Fact]
    public async Task Closing_a_case_without_a_decision_withdraws_its_open_requests_and_the_clock_runs_again()
    {
        var (handler, id, url) = await OpenAsync("fr");
        var asked = await handler.PostAsync($"/api/v1/cases/{id}/requests", JsonBody(new { what = "Le plan d'implantation signé", dueOn = "2026-10-20" }));
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var before = await Html.ParseAsync(await app.Client().GetAsync(url + "?lang=fr"));
        Assert.NotNull(before.QuerySelector("input[type=file]"));

        // A move the case type refuses changes nothing: the request stays open.
        var refused = await handler.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status = "decided" }));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(1, app.InScope(db => db.Set<CustomerRequest>().Count(r => r.CaseId == Guid.Parse(id) && r.WithdrawnAt == null)));

        var closed = await handler.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status = "closed-withdrawn" }));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var request = Assert.Single((await (await handler.GetAsync($"/api/v1/cases/{id}/requests")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.String, request.GetProperty("withdrawnAt").ValueKind);
        var @case = await (await handler.GetAsync($"/api/v1/cases/{id}")).ReadJsonAsync();
        Assert.True(@case.GetProperty("closed").GetBoolean());
        Assert.NotEqual("suspended", @case.GetProperty("clock").GetProperty("state").GetString());

        // Each end in the journal, in the same step: the request withdrawn (case-closed), the clock resumed, the status changed.
        var activities = app.Activities("case", Guid.Parse(id));
        Assert.Equal(["deliver.request.withdrawn", "deliver.case.resumed", "deliver.case.status-changed"],
            activities.SkipWhile(a => a != "deliver.request.withdrawn").Where(a => a is "deliver.request.withdrawn" or "deliver.case.resumed" or "deliver.case.status-changed"));
        var withdrawn = app.InScope(db => db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.Activity == "deliver.request.withdrawn" && e.Objects.Any(o => o.ObjectType == "case" && o.ObjectId == id))
            .OrderBy(e => e.Id).Select(e => e.Attributes).ToList());
        Assert.Contains("case-closed", Assert.Single(withdrawn), StringComparison.Ordinal);

        // The status page asks for nothing any more and says the request was withdrawn.
        var after = await Html.ParseAsync(await app.Client().GetAsync(url + "?lang=fr"));
        Assert.Null(after.QuerySelector("input[type=file]"));
        Assert.Null(after.QuerySelector("#needed"));
    }

    [Theory]
    [InlineData("fr", "jeudi 1 octobre 2026", "prévu au plus tard le")]
    [InlineData("nl", "donderdag 1 oktober 2026", "verwacht uiterlijk op")]
    public async Task The_status_page_shows_when_each_status_was_reached_or_is_expected_and_starts_on_the_received_date(string language, string received, string expected)
    {
        var (handler, id, url) = await OpenAsync(language);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status = "in-review" }))).StatusCode);
        var page = await Html.ParseAsync(await app.Client().GetAsync($"{url}?lang={language}"));

        var rows = page.QuerySelectorAll("#status-path tbody tr").ToList();
        Assert.Equal(4, rows.Count); // received, in review, awaiting decision, decided
        Assert.Contains(received, rows[0].QuerySelector("td")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("step", rows[1].GetAttribute("aria-current"));
        Assert.Contains("5", rows[1].QuerySelector("td")!.TextContent, StringComparison.Ordinal); // reached today, 5 October
        Assert.All(rows.Skip(2), r => Assert.Contains(expected, r.QuerySelector("td")!.TextContent, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("#status-path caption"));
        Assert.Equal(2, page.QuerySelectorAll("#status-path thead th[scope=col]").Length);

        // The expected dates come in order and never after the clock's due date.
        var due = DateOnly.Parse((await (await handler.GetAsync($"/api/v1/cases/{id}")).ReadJsonAsync()).GetProperty("clock").GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language == "fr" ? "fr-BE" : "nl-BE");
        var dates = rows.Skip(2).Select(r => DateOnly.ParseExact(r.QuerySelector("td")!.TextContent.Trim()[(expected.Length + 1)..], "dddd d MMMM yyyy", culture)).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.All(dates, d => Assert.True(d <= due, $"{d} after {due}"));
        Assert.All(dates, d => Assert.True(d > new DateOnly(2026, 10, 5)));

        // The story starts on the day the request was received.
        var first = page.QuerySelectorAll("ol.steps li").First();
        Assert.Equal("2026-10-01", first.QuerySelector("time")!.GetAttribute("datetime"));
    }
}
