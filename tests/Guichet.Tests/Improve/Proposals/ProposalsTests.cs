using System.Net;
using System.Text.Json;
using Guichet.Deliver;
using Guichet.Improve;
using Guichet.Improve.Proposals;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;

namespace Guichet.Tests.Improve.Proposals;

/// Improvement proposals on both providers: made, revised and moved through their statuses over the
/// API (one journal event each), their effect measured on cases written into the journal before and
/// after the day the change was done (known medians, counts, Mann-Whitney p-value, verdicts for
/// improved, not enough data and still measuring), the yearly report (JSON and CSV), unit scope,
/// bad input refused with codes and nothing stored, the significance checks against known values,
/// and the pages in French and Dutch.
public sealed class ProposalsTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private static Guid Unit(string slug) => CatalogueDemoSeeder.StableId("unit:hautrival/" + slug);
    private static readonly Guid Population = Unit("hautrival-population");   // the manager's
    private static readonly Guid Social = Unit("hautrival-cpas-social-service"); // not the manager's
    private static readonly Guid Income = CatalogueDemoSeeder.StableId("service:hautrival-integration-income"); // declared in the demo inventory
    private static readonly Guid Passport = CatalogueDemoSeeder.StableId("service:hautrival-passport");
    private static readonly string Completed = DeliverActivities.CaseCompleted.Code;

    private static DateTimeOffset Day(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(2)).ToUniversalTime();

    private static readonly SemaphoreSlim gate = new(1, 1);

    /// Sixteen integration-income cases of the population unit: eight closed in the four weeks
    /// before 15 June 2019 after 20 to 27 days, eight closed in the four weeks after it after 5 to
    /// 12 days. Written once per test host.
    private async Task WriteCasesAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Actor == "test:proposals"))) return;
            using var scope = app.Services.CreateScope();
            var log = scope.ServiceProvider.GetRequiredService<EventLog>();
            for (var i = 0; i < 8; i++)
                foreach (var (closed, days) in new[] { (new DateOnly(2019, 5, 20).AddDays(i), 20 + i), (new DateOnly(2019, 6, 20).AddDays(i), 5 + i) })
                {
                    EventLogObject[] objects = [new("case", Guid.NewGuid().ToString(), Role.Subject), new("unit", Population.ToString(), Role.Unit)];
                    log.Record("test:proposals", DeliverActivities.CaseOpened, objects, new Dictionary<string, object?> { ["caseType"] = "integration-income", ["unit"] = Population }, Day(closed.AddDays(-days)));
                    log.Record("test:proposals", DeliverActivities.DecisionIssued, objects, new Dictionary<string, object?> { ["outcome"] = "granted" }, Day(closed));
                }
            scope.ServiceProvider.GetRequiredService<GuichetDb>().SaveChanges();
        }
        finally
        {
            gate.Release();
        }
    }

    private static Dictionary<string, object?> Request(Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["serviceId"] = Income, ["step"] = Completed, ["title"] = "Complete files at the counter",
            ["problem"] = "Median lead time 23 days against an internal norm of 21.", ["evidence"] = "/staff/improve/measures/lead-time?service=" + Income,
            ["change"] = "Check the file for completeness at the counter before it is registered.",
            ["ownerUnitId"] = Population, ["kpi"] = "lead-time", ["target"] = 10, ["windowDays"] = 28,
        };
        change?.Invoke(body);
        return body;
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, string id, string status, string? doneOn = null) =>
        client.PostAsync($"/api/v1/improve/proposals/{id}/status", ApiJson.JsonBody(new { status, doneOn, note = "Agreed in the management meeting." }));

    private int Events(string id) => app.InScope(db => db.Set<EventLogEntry>().Count(e => e.Objects.Any(o => o.ObjectType == "proposal" && o.ObjectId == id)));

    [Fact]
    public async Task A_proposal_goes_from_proposed_to_done_and_its_effect_is_measured_before_and_after()
    {
        await WriteCasesAsync();
        var manager = await app.ClientAsAsync(DemoAccounts.Manager);
        var made = await OkAsync(await manager.PostAsync("/api/v1/improve/proposals", ApiJson.JsonBody(Request())), HttpStatusCode.Created);
        var id = made.GetProperty("id").GetString()!;
        Assert.Matches(@"^P-\d{4}-\d{3}$", made.GetProperty("reference").GetString());
        Assert.Equal("proposed", made.GetProperty("status").GetString());
        Assert.Equal(["accepted", "dropped"], made.GetProperty("nextStatuses").EnumerateArray().Select(s => s.GetString()));
        Assert.True(made.TryGetProperty("baseline", out _));

        var revised = await OkAsync(await manager.PutAsync($"/api/v1/improve/proposals/{id}", ApiJson.JsonBody(Request(b => b["target"] = 12))));
        Assert.Equal(12, revised.GetProperty("target").GetDouble());
        await OkAsync(await MoveAsync(manager, id, "accepted"));
        await OkAsync(await MoveAsync(manager, id, "inProgress"));
        var done = await OkAsync(await MoveAsync(manager, id, "done", "2019-06-15"));

        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal("2019-06-15", done.GetProperty("doneOn").GetString());
        Assert.Equal(4, done.GetProperty("history").GetArrayLength());
        var effect = done.GetProperty("effect");
        Assert.Equal(("2019-05-18", "2019-06-14"), (effect.GetProperty("before").GetProperty("from").GetString(), effect.GetProperty("before").GetProperty("to").GetString()));
        Assert.Equal(("2019-06-16", "2019-07-13"), (effect.GetProperty("after").GetProperty("from").GetString(), effect.GetProperty("after").GetProperty("to").GetString()));
        Assert.Equal((23.5, 8, 8.5, 8), (effect.GetProperty("beforeValue").GetDouble(), effect.GetProperty("beforeCount").GetInt32(),
            effect.GetProperty("afterValue").GetDouble(), effect.GetProperty("afterCount").GetInt32()));
        Assert.Equal(-15, effect.GetProperty("change").GetDouble());
        Assert.Equal("mann-whitney", effect.GetProperty("test").GetString());
        // Complete separation of 8 and 8 values: U = 64, z = 31.5 / sqrt(90.67) = 3.308, p = 0.00094.
        Assert.InRange(effect.GetProperty("pValue").GetDouble(), 0.0009, 0.001);
        Assert.Equal("improved", effect.GetProperty("verdict").GetString());
        Assert.True(effect.GetProperty("targetMet").GetBoolean());

        // One journal event per change: made, revised, three moves.
        var codes = app.InScope(db => db.Set<EventLogEntry>().Where(e => e.Objects.Any(o => o.ObjectType == "proposal" && o.ObjectId == id)).OrderBy(e => e.Id).Select(e => e.Activity).ToList());
        Assert.Equal(["improve.proposal.made", "improve.proposal.revised", "improve.proposal.status-changed", "improve.proposal.status-changed", "improve.proposal.status-changed"], codes);

        // A done proposal is kept as it was.
        Assert.Equal("proposal-closed", (await (await manager.PutAsync($"/api/v1/improve/proposals/{id}", ApiJson.JsonBody(Request()))).ProblemAsync()).Code);
        Assert.Equal("status-not-allowed", (await (await MoveAsync(manager, id, "dropped")).ProblemAsync()).Code);
        Assert.Equal(5, Events(id));

        // The CPAS's view is not the manager's: a proposal owned by population is not found for a
        // reader without that unit, and the manager cannot make one for the CPAS.
        var problem = await (await manager.PostAsync("/api/v1/improve/proposals", ApiJson.JsonBody(Request(b => b["ownerUnitId"] = Social)))).ProblemAsync();
        Assert.Equal(["ownerUnitId:unit-not-allowed"], problem.Invalid);
    }

    [Fact]
    public async Task Without_observations_or_before_the_after_window_ends_there_is_no_verdict_and_the_report_lists_every_proposal()
    {
        await WriteCasesAsync();
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var waiting = await OkAsync(await admin.PostAsync("/api/v1/improve/proposals", ApiJson.JsonBody(Request(b => { b["kpi"] = "counter-waiting-time"; b["step"] = null; }))), HttpStatusCode.Created);
        var w = waiting.GetProperty("id").GetString()!;
        await OkAsync(await MoveAsync(admin, w, "accepted"));
        var none = (await OkAsync(await MoveAsync(admin, w, "done", "2019-06-15"))).GetProperty("effect");
        Assert.Equal(("notEnoughData", 0, 0), (none.GetProperty("verdict").GetString(), none.GetProperty("beforeCount").GetInt32(), none.GetProperty("afterCount").GetInt32()));

        var recent = (await OkAsync(await admin.PostAsync("/api/v1/improve/proposals", ApiJson.JsonBody(Request())), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await OkAsync(await MoveAsync(admin, recent, "accepted"));
        var today = Guichet.Platform.Calendar.BrusselsTime.LocalDate(DateTimeOffset.UtcNow);
        var measuring = (await OkAsync(await MoveAsync(admin, recent, "done", today.AddDays(-2).ToString("yyyy-MM-dd")))).GetProperty("effect");
        Assert.Equal("measuring", measuring.GetProperty("verdict").GetString());
        Assert.False(measuring.GetProperty("complete").GetBoolean());
        Assert.False(measuring.TryGetProperty("pValue", out _));

        var dropped = (await OkAsync(await admin.PostAsync("/api/v1/improve/proposals", ApiJson.JsonBody(Request())), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await OkAsync(await MoveAsync(admin, dropped, "dropped"));

        var report = (await OkAsync(await admin.GetAsync("/api/v1/improve/proposals/report"))).EnumerateArray().Single(r => r.GetProperty("proposals").GetArrayLength() > 0);
        var ids = report.GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains(w, ids);
        Assert.Contains(recent, ids);
        Assert.Contains(dropped, ids);
        Assert.True(report.GetProperty("byStatus").GetProperty("dropped").GetInt32() >= 1);
        var csv = await (await admin.GetAsync("/api/v1/improve/proposals/report.csv")).Content.ReadAsStringAsync();
        Assert.StartsWith("\uFEFF\"organisation\",\"reference\"", csv);
        Assert.Contains("\"notEnoughData\"", csv);
        Assert.Equal(["year:out-of-range"], (await (await admin.GetAsync("/api/v1/improve/proposals/report?year=1999")).ProblemAsync()).Invalid);

        // Listed by status.
        var list = await OkAsync(await admin.GetAsync("/api/v1/improve/proposals?status=dropped"));
        Assert.All(list.EnumerateArray(), p => Assert.Equal("dropped", p.GetProperty("status").GetString()));
        Assert.Equal(["status:unknown-code"], (await (await admin.GetAsync("/api/v1/improve/proposals?status=maybe")).ProblemAsync()).Invalid);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "kpi", "kpi:required" },
        { "kpi=happiness", "kpi:unknown-kpi" },
        { "title", "title:required" },
        { "problem", "problem:required" },
        { "serviceId=passport", "serviceId:no-declared-process" },
        { "serviceId=unknown", "serviceId:unknown-service" },
        { "step=deliver.case.opened.twice", "step:not-a-step" },
        { "evidence=https://elsewhere.example/figure", "evidence:not-a-staff-link" },
        { "target=150", "target:out-of-range" },
        { "windowDays=3", "windowDays:out-of-range" },
        { "ownerUnitId=unknown", "ownerUnitId:unknown-unit" },
        { "ownerId=unknown", "ownerId:unknown-owner" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_proposal_is_refused_with_its_code_and_nothing_is_stored(string change, string expected)
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var body = Request(b =>
        {
            var (name, value) = change.Contains('=') ? (change[..change.IndexOf('=')], change[(change.IndexOf('=') + 1)..]) : (change, null);
            b[name] = value switch
            {
                null => null,
                "passport" => Passport,
                "unknown" => Guid.NewGuid(),
                _ when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) && name is "target" or "windowDays" => n,
                _ => value,
            };
            if (name == "kpi" && value == "happiness") b["target"] = 10;
            if (name == "target") b["kpi"] = "statutory-norm-met";
        });
        var (proposals, events) = app.InScope(db => (db.Set<Proposal>().Count(), db.Set<EventLogEntry>().Count()));
        var problem = await (await admin.PostAsync("/api/v1/improve/proposals", ApiJson.JsonBody(body))).ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Equal([expected], problem.Invalid);
        Assert.Equal((proposals, events), app.InScope(db => (db.Set<Proposal>().Count(), db.Set<EventLogEntry>().Count())));
    }

    [Fact]
    public async Task A_bad_move_is_refused_and_changes_nothing_and_other_roles_may_not_propose()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var id = (await OkAsync(await admin.PostAsync("/api/v1/improve/proposals", ApiJson.JsonBody(Request())), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var tomorrow = Guichet.Platform.Calendar.BrusselsTime.LocalDate(DateTimeOffset.UtcNow).AddDays(1).ToString("yyyy-MM-dd");
        Assert.Equal("status-not-allowed", (await (await MoveAsync(admin, id, "done", "2019-06-15")).ProblemAsync()).Code); // proposed → done skips acceptance
        await OkAsync(await MoveAsync(admin, id, "accepted"));
        Assert.Equal(["doneOn:required"], (await (await MoveAsync(admin, id, "done")).ProblemAsync()).Invalid);
        Assert.Equal(["doneOn:in-the-future"], (await (await MoveAsync(admin, id, "done", tomorrow)).ProblemAsync()).Invalid);
        Assert.Equal(["doneOn:only-when-done"], (await (await MoveAsync(admin, id, "inProgress", "2019-06-15")).ProblemAsync()).Invalid);
        Assert.Equal(["status:unknown-code"], (await (await MoveAsync(admin, id, "finished")).ProblemAsync()).Invalid);
        Assert.Equal(404, (await (await MoveAsync(admin, Guid.NewGuid().ToString(), "accepted")).ProblemAsync()).Status);
        Assert.Equal(2, Events(id));
        Assert.Equal("accepted", app.InScope(db => db.Set<Proposal>().Single(p => p.Id == Guid.Parse(id)).Status).ToString().ToLowerInvariant());

        var frontOffice = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontOffice.PostAsync("/api/v1/improve/proposals", ApiJson.JsonBody(Request()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontOffice.GetAsync("/api/v1/improve/proposals")).StatusCode);
        Assert.Equal(2, Events(id));
    }

    [Fact]
    public void The_significance_checks_give_the_textbook_values()
    {
        // 1–5 against 6–10: U = 0, z = (12.5 − 0.5) / sqrt(22.917) = 2.507, p = 0.0122 (scipy's mannwhitneyu, asymptotic).
        Assert.Equal(0.0122, Math.Round(Significance.MannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]), 4));
        // The same values on both sides: no evidence at all.
        Assert.Equal(1, Significance.MannWhitney([3, 3, 3], [3, 3, 3]));
        // 30 of 100 against 45 of 100: z = 2.191, p = 0.0285.
        Assert.Equal(0.0285, Math.Round(Significance.TwoProportions([.. Enumerable.Repeat(1.0, 30), .. Enumerable.Repeat(0.0, 70)], [.. Enumerable.Repeat(1.0, 45), .. Enumerable.Repeat(0.0, 55)]), 4));
        // 10 against 30 events over equal exposures: z = 9.5 / sqrt(10) = 3.004, p = 0.0027.
        Assert.Equal(0.0027, Math.Round(Significance.TwoRates(10, 1000, 30, 1000), 4));
        Assert.Equal(0.3173, Math.Round(Significance.TwoSided(1), 4));
    }

    [Fact]
    public async Task The_pages_make_move_and_show_a_proposal_in_french_and_dutch()
    {
        await WriteCasesAsync();
        var fr = await app.SignedInAsync(DemoAccounts.Manager, "fr");
        var choose = await fr.PageAsync("/staff/improve/proposals/new?kpi=lead-time&evidence=%2Fstaff%2Fimprove%2Fmeasures%2Flead-time");
        Assert.Contains("Nouvelle proposition", choose.QuerySelector("h1")!.TextContent);
        Assert.NotNull(choose.QuerySelector($"#service-form option[value='{Income}']"));
        var form = await fr.PageAsync($"/staff/improve/proposals/new?serviceId={Income}&kpi=lead-time&evidence=%2Fstaff%2Fimprove%2Fmeasures%2Flead-time");
        Assert.Equal("lead-time", form.QuerySelector("#kpi option[selected]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector($"#step option[value='{Completed}']"));

        var count = app.InScope(db => db.Set<Proposal>().Count());
        var refused = await fr.SubmitAsync(form, "#proposal-form", new Dictionary<string, string> { ["title"] = "", ["target"] = "dix", ["ownerUnitId"] = Population.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await Html.ParseAsync(refused);
        var summary = errors.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Titre", summary);
        Assert.Contains("Indiquez un nombre", summary);
        Assert.Equal(count, app.InScope(db => db.Set<Proposal>().Count()));

        var made = await fr.SubmitAsync(form, "#proposal-form", new Dictionary<string, string>
        {
            ["title"] = "Vérifier le dossier au guichet", ["problem"] = "Délai médian de 23 jours.", ["change"] = "Vérification au guichet.",
            ["ownerUnitId"] = Population.ToString(), ["target"] = "10,5", ["step"] = Completed,
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var location = made.Headers.Location!.OriginalString;
        Assert.Contains("?done=made", location);
        var page = await fr.PageAsync(location);
        Assert.Contains("Vérifier le dossier au guichet", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("La proposition est enregistrée.", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("10,5", page.QuerySelector("dl.facts")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/staff/improve/measures/lead-time']"));

        var moved = await fr.SubmitAsync(page, "#status-form", new Dictionary<string, string> { ["status"] = "accepted" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var accepted = await fr.PageAsync(moved.Headers.Location!.OriginalString);
        Assert.Contains("Acceptée", accepted.QuerySelector("dl.facts")!.TextContent);
        Assert.DoesNotContain("staff:", accepted.QuerySelector("main")!.TextContent); // people by their names
        var future = await fr.SubmitAsync(accepted, "#status-form", new Dictionary<string, string> { ["status"] = "done", ["doneOn"] = Guichet.Platform.Calendar.BrusselsTime.LocalDate(DateTimeOffset.UtcNow).AddDays(3).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var futurePage = await Html.ParseAsync(future);
        Assert.Contains("pas encore passé", futurePage.QuerySelector(".error-summary")!.TextContent);
        var done = await fr.SubmitAsync(accepted, "#status-form", new Dictionary<string, string> { ["status"] = "done", ["doneOn"] = "2019-06-15" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var id = location.Split('/', '?')[4];
        var nl = await app.SignedInAsync(DemoAccounts.Admin, "nl");
        var effect = await nl.PageAsync($"/staff/improve/proposals/{id}");
        var table = effect.QuerySelector("section[aria-labelledby=effect] table")!;
        Assert.Contains("Vóór", table.TextContent);
        Assert.Contains("23,5", table.TextContent);
        Assert.Contains("8,5", table.TextContent);
        Assert.Contains("Duidelijke verbetering", effect.QuerySelector("section[aria-labelledby=effect]")!.TextContent);
        Assert.Null(effect.QuerySelector("#status-form")); // done: nothing more to move

        var list = await nl.PageAsync("/staff/improve/proposals");
        Assert.NotNull(list.QuerySelector($"a[href='/staff/improve/proposals/{id}']"));
        var report = await nl.PageAsync("/staff/improve/proposals/report");
        Assert.Contains("Verbeterverslag", report.QuerySelector("h1")!.TextContent);
        Assert.NotNull(report.QuerySelector($"a[href='/staff/improve/proposals/{id}']"));
        var csv = await nl.Client.GetAsync("/staff/improve/proposals/report?handler=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"improved\"", await csv.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await nl.Client.GetAsync("/staff/improve/proposals/report?year=1890")).StatusCode);

        // The KPI page and the process page lead to a new proposal.
        Assert.NotNull((await fr.PageAsync("/staff/improve/measures/lead-time")).QuerySelector("a[href^='/staff/improve/proposals/new?kpi=lead-time']"));
        Assert.NotNull((await fr.PageAsync($"/staff/improve/processes/{Income}")).QuerySelector($"a[href='/staff/improve/proposals/new?serviceId={Income}']"));
    }
}
