using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Guichet.Deliver;
using Guichet.Improve.Mining;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Improve.Mining;

/// Process mining through the API and the page, on the live journal (cases arranged as the journal
/// records them, with their received dates) and on imported logs, on both providers.
public sealed class MiningTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private static readonly Guid UrbanPlanning = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-urban-planning");
    private static readonly Guid CitizenServices = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-citizen-services");
    /// A unit outside the demo manager's tree (general management of Hautrival).
    private static readonly Guid Elsewhere = Guid.NewGuid();

    /// One case as the journal tells it: opened (received on a date), then the steps, hours apart.
    private void Case(string caseType, Guid unit, DateTimeOffset received, params (Activity Activity, double Hours, Guid? Unit)[] steps)
    {
        using var scope = app.Services.CreateScope();
        var log = scope.ServiceProvider.GetRequiredService<EventLog>();
        var id = Guid.NewGuid().ToString();
        EventLogObject[] Objects(Guid u) => [new("case", id, Role.Subject), new("unit", u.ToString(), Role.Unit)];
        log.Record("test", DeliverActivities.CaseOpened, Objects(unit), new Dictionary<string, object?> { ["caseType"] = caseType, ["number"] = "T-1" }, received);
        foreach (var (activity, hours, stepUnit) in steps)
            log.Record("test", activity, Objects(stepUnit ?? unit), null, received.AddHours(hours));
        scope.ServiceProvider.GetRequiredService<GuichetDb>().SaveChanges();
    }

    private static readonly DateTimeOffset March = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private string Arrange()
    {
        var type = "MINE-" + Guid.NewGuid().ToString("N")[..6];
        // Two cases complete then decided (the second handed over to citizen services), one asked
        // for a document twice; one outside the manager's tree; one received before the period.
        Case(type, UrbanPlanning, March, (DeliverActivities.CaseCompleted, 24, null), (DeliverActivities.DecisionIssued, 72, null));
        Case(type, UrbanPlanning, March.AddDays(1), (DeliverActivities.CaseCompleted, 48, null), (DeliverActivities.DecisionIssued, 96, CitizenServices));
        Case(type, UrbanPlanning, March.AddDays(2), (DeliverActivities.RequestAsked, 2, null), (DeliverActivities.RequestAsked, 30, null), (DeliverActivities.DecisionIssued, 50, null));
        Case(type, Elsewhere, March.AddDays(3), (DeliverActivities.CaseCompleted, 5, null), (DeliverActivities.DecisionIssued, 10, null));
        Case(type, UrbanPlanning, March.AddYears(-2), (DeliverActivities.CaseCompleted, 1, null));
        return type;
    }

    /// An edge's end; none at the start (from) and at the end (to) of cases (nulls are not written).
    private static string? End(JsonElement edge, string name) => edge.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static string Live(string type) => $"/api/v1/improve/mining/live?caseType={type}&from=2026-01-01&to=2026-12-31";

    [Fact]
    public async Task The_live_journal_of_a_case_type_gives_its_graph_variants_bottlenecks_hand_overs_and_rework()
    {
        var type = Arrange();
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);

        var response = await admin.GetAsync(Live(type));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var map = await response.ReadJsonAsync();
        Assert.Equal(4, map.GetProperty("cases").GetInt32());
        Assert.Equal(13, map.GetProperty("events").GetInt32());
        var variants = map.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(2, variants.Count);
        Assert.Equal(3, variants[0].GetProperty("cases").GetInt32());
        Assert.Equal(75, variants[0].GetProperty("coverage").GetDouble());
        Assert.Equal(["deliver.case.opened", "deliver.case.completed", "deliver.decision.issued"], variants[0].GetProperty("activities").EnumerateArray().Select(a => a.GetString()));
        var edges = map.GetProperty("edges").EnumerateArray().ToList();
        var completeToDecide = edges.Single(e => End(e, "from") == "deliver.case.completed" && End(e, "to") == "deliver.decision.issued");
        Assert.Equal(3, completeToDecide.GetProperty("frequency").GetInt32());
        Assert.Equal(48 * 3600, completeToDecide.GetProperty("medianSeconds").GetDouble()); // 48 h, 48 h, 5 h
        Assert.Equal(4, edges.Single(e => End(e, "from") is null).GetProperty("frequency").GetInt32());
        var rework = Assert.Single(map.GetProperty("rework").EnumerateArray());
        Assert.Equal(("deliver.request.asked", 1, 1), (rework.GetProperty("activity").GetString(), rework.GetProperty("cases").GetInt32(), rework.GetProperty("repetitions").GetInt32()));
        var handover = Assert.Single(map.GetProperty("handovers").EnumerateArray());
        Assert.Equal(1, handover.GetProperty("frequency").GetInt32());
        Assert.False(Guid.TryParse(handover.GetProperty("fromUnit").GetString(), out _)); // told by the units' names

        // The path filter: the main variant only.
        var filtered = await (await admin.GetAsync(Live(type) + "&variants=70")).ReadJsonAsync();
        Assert.Equal((3, 4), (filtered.GetProperty("cases").GetInt32(), filtered.GetProperty("totalCases").GetInt32()));
        Assert.Empty(filtered.GetProperty("rework").EnumerateArray());
    }

    [Fact]
    public async Task A_manager_sees_only_the_cases_of_their_unit_tree()
    {
        var type = Arrange();
        var manager = await app.ClientAsAsync(DemoAccounts.Manager);
        var map = await (await manager.GetAsync(Live(type))).ReadJsonAsync();
        Assert.Equal(3, map.GetProperty("cases").GetInt32());
    }

    [Fact]
    public async Task New_events_are_seen_on_the_next_read_and_a_period_without_cases_is_an_empty_map()
    {
        var type = Arrange();
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        Assert.Equal(4, (await (await admin.GetAsync(Live(type))).ReadJsonAsync()).GetProperty("cases").GetInt32());
        Case(type, UrbanPlanning, March.AddDays(10), (DeliverActivities.CaseCompleted, 1, null));
        Assert.Equal(5, (await (await admin.GetAsync(Live(type))).ReadJsonAsync()).GetProperty("cases").GetInt32());

        var empty = await admin.GetAsync($"/api/v1/improve/mining/live?caseType={type}&from=2020-01-01&to=2020-12-31");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var map = await empty.ReadJsonAsync();
        Assert.Equal(0, map.GetProperty("cases").GetInt32());
        Assert.Empty(map.GetProperty("edges").EnumerateArray());
    }

    [Theory]
    [InlineData("", "caseType:required")]
    [InlineData("?caseType=X&from=2026-05-01&to=2026-04-01", "from:after-to")]
    [InlineData("?caseType=X&from=2016-01-01&to=2026-04-01", "to:too-long")]
    [InlineData("?caseType=X&variants=0", "variants:out-of-range")]
    [InlineData("?caseType=X&edges=101", "edges:out-of-range")]
    public async Task A_bad_selection_is_refused(string query, string invalid)
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var problem = await (await admin.GetAsync("/api/v1/improve/mining/live" + query)).ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Contains(invalid, problem.Invalid);
    }

    [Fact]
    public async Task Mining_is_for_managers_quality_staff_and_admins()
    {
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/v1/improve/mining/live?caseType=X")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/v1/improve/mining/spaces")).StatusCode);
    }

    [Fact]
    public async Task The_live_selection_exports_as_valid_xes_and_ocel_with_its_objects_and_the_export_is_recorded()
    {
        var type = Arrange();
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var exports = Exported();

        var xes = await admin.GetAsync(Live(type).Replace("/live?", "/live/export?format=xes&", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, xes.StatusCode);
        LogFormatTests.AssertValidXes(await xes.Content.ReadAsByteArrayAsync());
        var read = XesLog.Read(new MemoryStream(await xes.Content.ReadAsByteArrayAsync())).Value!;
        Assert.Equal((13, 4), (read.Events.Count, read.CaseCount));

        var ocel = await admin.GetAsync(Live(type).Replace("/live?", "/live/export?format=ocel&", StringComparison.Ordinal));
        var bytes = await ocel.Content.ReadAsByteArrayAsync();
        LogFormatTests.AssertValidOcel(bytes);
        using var json = JsonDocument.Parse(bytes);
        Assert.Equal(13, json.RootElement.GetProperty("events").GetArrayLength());
        Assert.Equal(["case", "unit"], json.RootElement.GetProperty("objectTypes").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Contains(json.RootElement.GetProperty("events")[0].GetProperty("relationships").EnumerateArray(), r => r.GetProperty("qualifier").GetString() == "subject");
        Assert.Equal(exports + 2, Exported());

        var bad = await (await admin.GetAsync(Live(type).Replace("/live?", "/live/export?format=pdf&", StringComparison.Ordinal))).ProblemAsync();
        Assert.Equal(("format:unknown", exports + 2), (bad.Invalid.Single(), Exported()));
    }

    private int Exported() => app.InScope(db => db.Set<EventLogEntry>().Count(e => e.Activity == "improve.log.exported"));

    private static MultipartFormDataContent Upload(string name, string format, byte[] file, string fileName, params (string Key, string Value)[] more)
    {
        var form = new MultipartFormDataContent { { new StringContent(name), "name" }, { new StringContent(format), "format" } };
        foreach (var (k, v) in more) form.Add(new StringContent(v), k);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return form;
    }

    private (int Spaces, int Events, int Imported) Stored() => app.InScope(db =>
        (db.Set<AnalysisSpace>().Count(), db.Set<AnalysisEvent>().Count(), db.Set<EventLogEntry>().Count(e => e.Activity == "improve.log.imported")));

    [Fact]
    public async Task An_imported_log_is_an_analysis_space_with_the_same_views_exports_and_its_deletion()
    {
        var quality = await app.ClientAsAsync(DemoAccounts.Admin);
        var before = Stored();
        var response = await quality.PostAsync("/api/v1/improve/mining/spaces",
            Upload("Running example", "xes", File.ReadAllBytes(LogFormatTests.PathOf("running-example.xes")), "running-example.xes"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var space = await response.ReadJsonAsync();
        var id = space.GetProperty("id").GetGuid();
        Assert.Equal((42, 6, 8), (space.GetProperty("events").GetInt32(), space.GetProperty("cases").GetInt32(), space.GetProperty("activities").GetInt32()));
        Assert.Equal((before.Spaces + 1, before.Events + 42, before.Imported + 1), Stored());
        Assert.Contains("improve.log.imported", app.Activities("analysis-space", id));

        var list = await (await quality.GetAsync("/api/v1/improve/mining/spaces")).ReadJsonAsync();
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        var map = await (await quality.GetAsync($"/api/v1/improve/mining/spaces/{id}")).ReadJsonAsync();
        Assert.Equal((6, 42, 6), (map.GetProperty("cases").GetInt32(), map.GetProperty("events").GetInt32(), map.GetProperty("variants").GetArrayLength()));
        Assert.Equal(16, map.GetProperty("edges").EnumerateArray().Count(e => End(e, "from") is not null && End(e, "to") is not null));

        LogFormatTests.AssertValidXes(await (await quality.GetAsync($"/api/v1/improve/mining/spaces/{id}/export?format=xes")).Content.ReadAsByteArrayAsync());
        LogFormatTests.AssertValidOcel(await (await quality.GetAsync($"/api/v1/improve/mining/spaces/{id}/export?format=ocel")).Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await quality.DeleteAsync($"/api/v1/improve/mining/spaces/{id}")).StatusCode);
        Assert.Equal((before.Spaces, before.Events), (Stored().Spaces, Stored().Events));
        Assert.Contains("improve.analysis-space.deleted", app.Activities("analysis-space", id));
        Assert.Equal(404, (await (await quality.GetAsync($"/api/v1/improve/mining/spaces/{id}")).ProblemAsync()).Status);
        Assert.Equal(404, (await (await quality.DeleteAsync($"/api/v1/improve/mining/spaces/{id}")).ProblemAsync()).Status);
    }

    [Fact]
    public async Task Csv_and_ocel_files_import_with_their_columns_and_object_type()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var csv = "Case;Step;When\n1;a;2026-01-01T10:00:00Z\n1;b;2026-01-01T11:00:00Z\n2;a;2026-01-02T10:00:00Z\n"u8.ToArray();
        var response = await admin.PostAsync("/api/v1/improve/mining/spaces",
            Upload("csv", "csv", csv, "log.csv", ("caseColumn", "Case"), ("activityColumn", "Step"), ("timestampColumn", "When")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((3, 2), ((await response.ReadJsonAsync()).GetProperty("events").GetInt32(), (await response.ReadJsonAsync()).GetProperty("cases").GetInt32()));

        var ocel = await admin.PostAsync("/api/v1/improve/mining/spaces",
            Upload("ocel", "ocel", File.ReadAllBytes(LogFormatTests.PathOf("ocel20_example.jsonocel")), "example.jsonocel", ("objectType", "Purchase Order")));
        Assert.Equal(HttpStatusCode.Created, ocel.StatusCode);
    }

    [Theory]
    [InlineData("xes", "<log><trace><event>", "mining-log-malformed")]
    [InlineData("xes", "<html/>", "mining-log-not-xes")]
    [InlineData("xes", "<log><trace><event><string key=\"concept:name\" value=\"a\"/></event></trace></log>", "mining-log-timestamp-missing")]
    [InlineData("ocel", "{oops", "mining-log-malformed")]
    [InlineData("ocel", "{\"objects\": 1, \"events\": []}", "mining-log-not-ocel")]
    [InlineData("csv", "a,b\n1,2\n", "mining-log-column-missing")]
    public async Task A_bad_file_is_refused_with_its_code_and_nothing_is_stored(string format, string content, string code)
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var before = Stored();
        var problem = await (await admin.PostAsync("/api/v1/improve/mining/spaces", Upload("bad", format, Encoding.UTF8.GetBytes(content), "bad." + format))).ProblemAsync();
        Assert.Equal((422, code), (problem.Status, problem.Code));
        Assert.Equal(before, Stored());
    }

    [Fact]
    public async Task An_import_without_a_name_format_or_file_is_refused()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var before = Stored();
        var problem = await (await admin.PostAsync("/api/v1/improve/mining/spaces", Upload("", "pdf", [1], "x.pdf"))).ProblemAsync();
        Assert.Equal(["name:required", "format:unknown"], problem.Invalid);
        var noFile = await (await admin.PostAsync("/api/v1/improve/mining/spaces", new MultipartFormDataContent { { new StringContent("x"), "name" } })).ProblemAsync();
        Assert.Equal(400, noFile.Status);
        Assert.Equal(before, Stored());
    }

    [Theory]
    [InlineData("fr", "Graphe des enchaînements directs")]
    [InlineData("nl", "Graaf van directe opeenvolgingen")]
    public async Task The_page_draws_the_graph_with_its_tables_and_imports_a_log(string language, string graph)
    {
        var type = Arrange();
        var session = await app.SignedInAsync(DemoAccounts.Admin, language);
        var home = await session.PageAsync("/staff");
        Assert.NotNull(home.QuerySelector("a[href='/staff/improve/mining']"));

        var page = await session.PageAsync($"/staff/improve/mining?caseType={type}&from=2026-01-01&to=2026-12-31");
        var svg = page.QuerySelector("svg[role=img]")!;
        Assert.Equal(graph, svg.QuerySelector("title")!.TextContent);
        Assert.NotNull(svg.QuerySelector("desc"));
        Assert.True(page.QuerySelectorAll("table").Length >= 5); // edges, variants, bottlenecks, hand-overs, rework
        Assert.Contains("4", page.QuerySelector("[data-testid=mining-summary]")!.TextContent);
        Assert.All(page.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("caption")));

        var export = await session.Jar.GetAsync(session.Client, $"/staff/improve/mining?caseType={type}&from=2026-01-01&to=2026-12-31&handler=Export&format=xes");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        LogFormatTests.AssertValidXes(await export.Content.ReadAsByteArrayAsync());

        var bad = await session.PageAsync("/staff/improve/mining?caseType=X&from=2026-05-01&to=2026-04-01", HttpStatusCode.BadRequest);
        Assert.NotNull(bad.QuerySelector(".error-summary a[href='#mining-from']"));

        // A space deleted from its row of the list.
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var created = await (await admin.PostAsync("/api/v1/improve/mining/spaces",
            Upload("To delete " + language, "xes", File.ReadAllBytes(LogFormatTests.PathOf("running-example.xes")), "r.xes"))).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var list = await session.PageAsync($"/staff/improve/mining?space={id}");
        Assert.Contains("6", list.QuerySelector("[data-testid=mining-summary]")!.TextContent);
        var deleted = await session.SubmitAsync(list, $"form[action*='{id}']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(app.InScope(db => db.Set<AnalysisSpace>().Any(s => s.Id == id)));
    }
}
