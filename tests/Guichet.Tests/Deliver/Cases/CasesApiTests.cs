using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Deliver.Cases;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Deliver.Cases;

/// A host whose clock stands on Monday 5 October 2026, 10:00 in Brussels.
public sealed class DeliverApp : GuichetApp
{
    public static readonly DateOnly Today = new(2026, 10, 5);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));

    /// A client for a new case handler of another unit (the environment service).
    public async Task<HttpClient> OtherUnitHandlerAsync()
    {
        var plain = await InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<StaffAccounts>();
            var db = sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
            var email = $"handler-{Guid.NewGuid():N}@guichet.test";
            await accounts.CreateAsync(email, "Other Handler", [Roles.CaseHandler], "Other-unit-2026!", CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-environment"), default);
            await db.SaveChangesAsync();
            var user = await db.Set<StaffUser>().SingleAsync(u => u.Email == email);
            var (token, plain) = ApiToken.Create(user.Id, "test", DateTimeOffset.UtcNow);
            db.Add(token);
            await db.SaveChangesAsync();
            return plain;
        });
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        return client;
    }
}

public sealed class CasesApiTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    private const string Valid1985 = "85.07.30-033.28";
    private const string Valid2001 = "01020300467";

    private static object Request(string caseType = "residents-parking-card", string? number = Valid1985, string? receivedOn = null, bool complete = false, string language = "fr") => new
    {
        caseType,
        language,
        subject = "Carte de riverain pour la rue des Écoles",
        receivedOn,
        complete,
        parties = new object[]
        {
            new { role = "applicant", kind = "person", name = "Amélie Lambert", number, email = "amelie@example.be" },
            new { role = "representative", kind = "company", name = "Bureau Lex SRL", number = "0203.201.340" },
        },
    };

    /// The demo case handler works in the urban planning service: building permits are theirs,
    /// residents' parking cards (mobility service) are not.
    private async Task<HttpClient> Handler() => await app.ClientAsAsync(DemoAccounts.CaseHandler);

    private async Task<HttpClient> Admin() => await app.ClientAsAsync(DemoAccounts.Admin);

    private async Task<JsonElement> OpenAsync(HttpClient client, object request)
    {
        var response = await client.PostAsync("/api/v1/cases", JsonBody(request));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private (int Cases, int Events) Counts() => app.InScope(db => (db.Set<Case>().Count(), db.Set<EventLogEntry>().Count()));

    private async Task<(HttpStatusCode Status, string Code, List<string> Invalid)> RefusedAsync(Func<Task<HttpResponseMessage>> send, bool changesNothing = true)
    {
        var before = Counts();
        var fingerprint = app.InScope(db => string.Join("|", db.Set<Case>().AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id + c.Status + c.UpdatedAt.UtcTicks)));
        var response = await send();
        var problem = await response.ProblemAsync();
        if (changesNothing)
        {
            Assert.Equal(before, Counts());
            Assert.Equal(fingerprint, app.InScope(db => string.Join("|", db.Set<Case>().AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id + c.Status + c.UpdatedAt.UtcTicks))));
        }
        return (response.StatusCode, problem.Code, problem.InvalidNames);
    }

    // ---- opening ---------------------------------------------------------------------------

    [Fact]
    public async Task Opening_a_case_gives_a_number_a_status_and_a_due_date_from_the_calendar()
    {
        var before = Counts();
        var c = await OpenAsync(await Admin(), Request());
        Assert.Matches("^2026-\\d{5}$", c.GetProperty("number").GetString());
        Assert.Equal("received", c.GetProperty("status").GetString());
        Assert.Equal("Votre demande a été reçue.", c.GetProperty("statusText").GetProperty("fr").GetString());
        Assert.Equal(["in-review", "closed-withdrawn"], c.GetProperty("nextStatuses").EnumerateArray().Select(x => x.GetString()));
        // 15 working days after Monday 5 October 2026: 26 October (no holiday in between).
        Assert.Equal("2026-10-26", c.GetProperty("clock").GetProperty("dueOn").GetString());
        Assert.Equal("running", c.GetProperty("clock").GetProperty("state").GetString());
        Assert.Equal("85073003328", c.GetProperty("parties")[0].GetProperty("number").GetString());
        Assert.Equal("0203201340", c.GetProperty("parties")[1].GetProperty("number").GetString());
        // The case and its event in one transaction.
        Assert.Equal((before.Cases + 1, before.Events + 1), Counts());
        var id = c.GetProperty("id").GetString();
        Assert.True(app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Activity == "deliver.case.opened" && e.Objects.Any(o => o.ObjectId == id))));
    }

    [Fact]
    public async Task A_clock_counted_from_completeness_starts_when_the_file_is_complete()
    {
        var handler = await Handler();
        var c = await OpenAsync(handler, Request("building-permit", receivedOn: "2026-09-28"));
        Assert.Equal("notStarted", c.GetProperty("clock").GetProperty("state").GetString());
        var id = c.GetProperty("id").GetString();
        var early = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/complete", JsonBody(new { on = "2026-09-27" })));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "date-out-of-order"), (early.Status, early.Code));
        var complete = await handler.PostAsync($"/api/v1/cases/{id}/complete", JsonBody(new { on = "2026-10-01" }));
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        // 1 October + 75 days = 15 December 2026, a Tuesday.
        Assert.Equal("2026-12-15", (await complete.ReadJsonAsync()).GetProperty("clock").GetProperty("dueOn").GetString());
        var again = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/complete", JsonBody(new { })));
        Assert.Equal((HttpStatusCode.Conflict, "case-already-complete"), (again.Status, again.Code));
    }

    [Theory]
    [InlineData("caseType", "no-such-type", "unknown-case-type")]
    [InlineData("language", "en", "unknown-language")]
    [InlineData("receivedOn", "2026-10-06", "date-in-future")]
    [InlineData("parties[0].number", "85.07.30-033.29", "national-number-checksum")]
    [InlineData("parties[0].number", "85.07.30-033", "national-number-format")]
    public async Task Bad_input_is_refused_by_name_and_stores_nothing(string field, string value, string code)
    {
        var handler = await Handler();
        object request = field switch
        {
            "caseType" => Request(caseType: value),
            "language" => Request(language: value),
            "receivedOn" => Request(receivedOn: value),
            _ => Request(number: value),
        };
        var refused = await RefusedAsync(() => handler.PostAsync("/api/v1/cases", JsonBody(request)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(field, refused.Invalid);
        var response = await handler.PostAsync("/api/v1/cases", JsonBody(request));
        var codes = (await response.ReadJsonAsync()).GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("code").GetString());
        Assert.Contains(code, codes);
    }

    [Fact]
    public async Task An_invalid_enterprise_number_is_refused()
    {
        var handler = await Handler();
        var request = new
        {
            caseType = "building-permit", language = "nl", subject = "Veranda",
            parties = new object[] { new { role = "applicant", kind = "company", name = "Fout BV", number = "0203.201.341" } },
        };
        var refused = await RefusedAsync(() => handler.PostAsync("/api/v1/cases", JsonBody(request)));
        Assert.Equal(["parties[0].number"], refused.Invalid);
    }

    [Theory]
    [InlineData("{\"caseType\": \"residents-parking-card\", ")]            // malformed JSON
    [InlineData("{\"caseType\": 42, \"language\": \"fr\"}")]                // wrong type
    [InlineData("{\"language\": \"fr\", \"subject\": \"x\"}")]              // missing case type and parties
    [InlineData("{\"caseType\": \"residents-parking-card\", \"language\": \"fr\", \"subject\": \"x\", \"parties\": []}")]
    public async Task Unreadable_or_incomplete_requests_are_refused_and_store_nothing(string body)
    {
        var handler = await Handler();
        var refused = await RefusedAsync(() => handler.PostAsync("/api/v1/cases", JsonBody(body)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }

    [Fact]
    public async Task Parallel_openings_all_succeed_with_distinct_numbers()
    {
        var admin = await Admin();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => admin.PostAsync("/api/v1/cases", JsonBody(Request()))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.ReadJsonAsync()).GetProperty("number").GetString()));
        Assert.Equal(16, numbers.Distinct().Count());
    }

    // ---- the status model and the clock ------------------------------------------------------

    [Fact]
    public async Task Statuses_move_only_along_the_model_and_a_final_one_closes_the_case()
    {
        var handler = await Handler();
        var id = (await OpenAsync(handler, Request("building-permit"))).GetProperty("id").GetString();
        var skip = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status = "decided" })));
        Assert.Equal((HttpStatusCode.Conflict, "status-change-not-allowed"), (skip.Status, skip.Code));
        var unknown = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status = "teleported" })));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "unknown-status"), (unknown.Status, unknown.Code));
        foreach (var status in new[] { "in-review", "awaiting-decision" })
            Assert.Equal(HttpStatusCode.OK, (await handler.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status }))).StatusCode);
        // "Decided" is reached by issuing the decision, never by a plain status change.
        var plain = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status = "decided" })));
        Assert.Equal((HttpStatusCode.Conflict, "decision-required"), (plain.Status, plain.Code));
        var other = (await OpenAsync(handler, Request("building-permit"))).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsync($"/api/v1/cases/{other}/status", JsonBody(new { status = "closed-withdrawn" }))).StatusCode);
        id = other;
        var closed = await (await handler.GetAsync($"/api/v1/cases/{id}")).ReadJsonAsync();
        Assert.True(closed.GetProperty("closed").GetBoolean());
        var after = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/suspend", JsonBody(new { reason = "missing-document" })));
        Assert.Equal("case-closed", after.Code);
    }

    [Fact]
    public async Task Suspending_and_resuming_moves_the_due_date_by_the_time_suspended()
    {
        var handler = await Admin();
        var opened = await OpenAsync(handler, Request(receivedOn: "2026-09-21"));
        var id = opened.GetProperty("id").GetString();
        Assert.Equal("2026-10-12", opened.GetProperty("clock").GetProperty("dueOn").GetString()); // 15 working days after 21 September
        var resumeFirst = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/resume", JsonBody(new { })));
        Assert.Equal((HttpStatusCode.Conflict, "case-not-suspended"), (resumeFirst.Status, resumeFirst.Code));
        var badReason = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/suspend", JsonBody(new { reason = "lunch" })));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "suspension-reason-not-allowed"), (badReason.Status, badReason.Code));
        var suspended = await (await handler.PostAsync($"/api/v1/cases/{id}/suspend", JsonBody(new { reason = "missing-document", on = "2026-09-28" }))).ReadJsonAsync();
        Assert.Equal("suspended", suspended.GetProperty("clock").GetProperty("state").GetString());
        var twice = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/suspend", JsonBody(new { reason = "missing-document" })));
        Assert.Equal("case-already-suspended", twice.Code);
        var resumed = await (await handler.PostAsync($"/api/v1/cases/{id}/resume", JsonBody(new { on = "2026-10-02" }))).ReadJsonAsync();
        // Suspended 28 September to 2 October: 4 working days (29, 30, 1, 2): due 16 October.
        Assert.Equal(4, resumed.GetProperty("clock").GetProperty("suspendedDays").GetInt32());
        Assert.Equal("2026-10-16", resumed.GetProperty("clock").GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task An_extension_is_allowed_once_and_only_where_the_case_type_allows_it()
    {
        var handler = await Handler();
        var id = (await OpenAsync(handler, Request("building-permit", complete: true))).GetProperty("id").GetString();
        var noReason = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/extend", JsonBody(new { })));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        var extended = await (await handler.PostAsync($"/api/v1/cases/{id}/extend", JsonBody(new { reason = "Avis du fonctionnaire délégué attendu" }))).ReadJsonAsync();
        Assert.Equal(30, extended.GetProperty("extension").GetProperty("days").GetInt32());
        Assert.False(extended.GetProperty("canExtend").GetBoolean());
        var second = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/extend", JsonBody(new { reason = "Encore" })));
        Assert.Equal((HttpStatusCode.Conflict, "case-already-extended"), (second.Status, second.Code));

        var admin = await Admin();
        var income = (await OpenAsync(admin, Request("integration-income"))).GetProperty("id").GetString();
        var none = await RefusedAsync(() => admin.PostAsync($"/api/v1/cases/{income}/extend", JsonBody(new { reason = "Besoin de temps" })));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "extension-not-allowed"), (none.Status, none.Code));
    }

    // ---- who sees what -----------------------------------------------------------------------

    [Fact]
    public async Task A_handler_of_another_unit_gets_404_on_every_endpoint_and_changes_nothing()
    {
        var id = (await OpenAsync(await Handler(), Request("building-permit"))).GetProperty("id").GetString();
        var other = await app.OtherUnitHandlerAsync();
        var calls = new (string Method, string Path, object? Body)[]
        {
            ("GET", $"/api/v1/cases/{id}", null),
            ("POST", $"/api/v1/cases/{id}/status", new { status = "in-review" }),
            ("POST", $"/api/v1/cases/{id}/suspend", new { reason = "missing-document" }),
            ("POST", $"/api/v1/cases/{id}/resume", new { }),
            ("POST", $"/api/v1/cases/{id}/complete", new { }),
            ("POST", $"/api/v1/cases/{id}/extend", new { reason = "x" }),
            ("POST", $"/api/v1/cases/{id}/assign", new { unitId = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-environment") }),
            ("POST", $"/api/v1/cases/{id}/notes", new { text = "hello" }),
            ("GET", $"/api/v1/cases/{id}/notes", null),
            ("GET", $"/api/v1/cases/{id}/history", null),
        };
        foreach (var (method, path, body) in calls)
        {
            var refused = await RefusedAsync(() => method == "GET" ? other.GetAsync(path) : other.PostAsync(path, JsonBody(body!)));
            Assert.True(refused.Status == HttpStatusCode.NotFound, $"{method} {path}: {refused.Status}");
        }
        var list = await (await other.GetAsync("/api/v1/cases?limit=200")).ReadJsonAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task A_manager_sees_the_cases_of_every_unit_below_theirs_and_a_handler_opens_cases_only_in_their_own()
    {
        var handler = await Handler();
        // Residents' parking cards are the mobility service's: not under urban planning.
        var before = Counts();
        var response = await handler.PostAsync("/api/v1/cases", JsonBody(Request("residents-parking-card")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["unitId:unit-not-allowed"], (await response.ProblemAsync()).Invalid);
        Assert.Equal(before, Counts());
        response = await handler.PostAsync("/api/v1/cases", JsonBody(new { caseType = "building-permit", language = "fr", subject = "Véranda", unitId = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-general-management"), parties = new[] { new { role = "applicant", kind = "person", name = "Amélie Lambert" } } }));
        Assert.Equal(["unitId:unit-not-involved"], (await response.ProblemAsync()).Invalid);
        Assert.Equal(before, Counts());

        var id = (await OpenAsync(handler, Request("building-permit"))).GetProperty("id").GetString();
        // The manager of the general management: urban planning is below it (through territory).
        var manager = await app.ClientAsAsync(DemoAccounts.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        var list = await (await manager.GetAsync("/api/v1/cases?limit=200")).ReadJsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        // A sibling unit (environment) and the front office's unit (citizen services) are not above it.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.OtherUnitHandlerAsync()).GetAsync($"/api/v1/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsAsync(DemoAccounts.FrontOffice)).GetAsync($"/api/v1/cases/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("1900-01-01", "receivedOn:date-too-early")]
    [InlineData("2016-10-04", "receivedOn:date-too-early")]
    [InlineData("2026-10-06", "receivedOn:date-in-future")]
    public async Task A_received_date_in_the_future_or_more_than_ten_years_back_is_refused(string receivedOn, string expected)
    {
        var before = Counts();
        var response = await (await Handler()).PostAsync("/api/v1/cases", JsonBody(Request("building-permit", receivedOn: receivedOn)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([expected], (await response.ProblemAsync()).Invalid);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task Without_a_case_role_the_api_is_forbidden()
    {
        var editor = await app.ClientAsAsync(DemoAccounts.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task Reading_a_case_is_recorded_as_a_view_of_personal_data()
    {
        var handler = await Handler();
        var id = (await OpenAsync(handler, Request("building-permit"))).GetProperty("id").GetString();
        await handler.GetAsync($"/api/v1/cases/{id}");
        var history = await (await handler.GetAsync($"/api/v1/cases/{id}/history")).ReadJsonAsync();
        Assert.Equal(["deliver.case.opened", "deliver.case.viewed"], history.EnumerateArray().Select(e => e.GetProperty("activity").GetString()));
    }

    // ---- the work list -----------------------------------------------------------------------

    [Fact]
    public async Task The_work_list_pages_by_urgency_without_gaps_or_repeats()
    {
        var admin = await Admin();
        for (var i = 0; i < 7; i++) await OpenAsync(admin, Request(receivedOn: new DateOnly(2026, 9, 1).AddDays(i * 3).ToString("yyyy-MM-dd")));
        var seen = new List<(string Id, string? Due)>();
        string? after = null;
        do
        {
            var page = await (await admin.GetAsync("/api/v1/cases?closed=false&limit=3" + (after is null ? "" : "&after=" + after))).ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetString()!, i.TryGetProperty("dueOn", out var d) ? d.GetString() : null)));
            after = page.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        } while (after is not null);
        Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct().Count());
        var open = app.InScope(db => db.Set<Case>().Count(c => c.ClosedAt == null));
        Assert.Equal(open, seen.Count);
        var dues = seen.Select(s => s.Due ?? "9999-12-31").ToList();
        Assert.Equal(dues.Order(StringComparer.Ordinal), dues);
    }

    [Fact]
    public async Task The_work_list_finds_a_persons_cases_and_the_overdue_ones()
    {
        var admin = await Admin();
        var mine = await OpenAsync(admin, Request(number: Valid2001, receivedOn: "2026-08-03"));
        var byNumber = await (await admin.PostAsync("/api/v1/cases/search", JsonBody(new { nationalNumber = "01.02.03-004.67" }))).ReadJsonAsync();
        Assert.Equal([mine.GetProperty("id").GetString()], byNumber.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var overdue = await (await admin.GetAsync("/api/v1/cases?overdue=true&limit=200")).ReadJsonAsync();
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == mine.GetProperty("id").GetString());
        Assert.All(overdue.GetProperty("items").EnumerateArray(), i => Assert.True(string.CompareOrdinal(i.GetProperty("dueOn").GetString(), "2026-10-05") < 0));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("after=garbage", "after")]
    [InlineData("handler=someone", "handler")]
    public async Task Bad_list_parameters_are_refused(string query, string name)
    {
        var refused = await RefusedAsync(async () => await (await Admin()).GetAsync("/api/v1/cases?" + query));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal([name], refused.Invalid);
    }

    [Fact]
    public async Task A_national_number_is_searched_in_a_body_never_in_a_URL()
    {
        var admin = await Admin();
        // Even a valid number is refused in the query string, with a code saying where it goes.
        var inUrl = await admin.GetAsync("/api/v1/cases?nationalNumber=01.02.03-004.67");
        Assert.Equal(HttpStatusCode.BadRequest, inUrl.StatusCode);
        var problem = await inUrl.ReadJsonAsync();
        Assert.Contains("national-number-in-url", problem.GetRawText());
        // In the body: a wrong number is a 400 naming the field, a right one finds the person's cases.
        var bad = await RefusedAsync(() => admin.PostAsync("/api/v1/cases/search", JsonBody(new { nationalNumber = "12345" })));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["nationalNumber"], bad.Invalid);
        var found = await admin.PostAsync("/api/v1/cases/search", JsonBody(new { nationalNumber = "01.02.03-004.67", limit = 200 }));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
    }

    [Fact]
    public async Task Notes_are_kept_and_listed()
    {
        var handler = await Handler();
        var id = (await OpenAsync(handler, Request("building-permit"))).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsync($"/api/v1/cases/{id}/notes", JsonBody(new { text = "Appelé la demandeuse" }))).StatusCode);
        var tooLong = await RefusedAsync(() => handler.PostAsync($"/api/v1/cases/{id}/notes", JsonBody(new { text = new string('x', 4001) })));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        var notes = await (await handler.GetAsync($"/api/v1/cases/{id}/notes")).ReadJsonAsync();
        Assert.Equal("Appelé la demandeuse", Assert.Single(notes.EnumerateArray()).GetProperty("text").GetString());
    }
}
