using System.Net;
using System.Xml.Linq;
using Guichet.Deliver;
using Guichet.Improve.Processes;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Improve.Processes;

/// The process inventory through the API and the pages, on both providers: the demo's declared
/// processes, new versions and their journal events, refusals that store nothing, the BPMN export,
/// the CSV, and the conformance of the live journal's cases.
public sealed class ProcessInventoryTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private static Guid Service(string slug) => CatalogueDemoSeeder.StableId("service:" + slug);
    private static Guid Unit(string slug) => CatalogueDemoSeeder.StableId("unit:hautrival/" + slug);

    private static readonly Guid BuildingPermit = Service("hautrival-building-permit");
    private static readonly Guid TaxObjection = Service("hautrival-municipal-tax-objection");
    private static readonly Guid IntegrationIncome = Service("hautrival-integration-income");

    private int Declarations() => app.InScope(db => db.Set<EventLogEntry>().Count(e => e.Activity == "improve.process.declared"));
    private int Versions(Guid service) => app.InScope(db => db.Set<DeclaredProcess>().Count(p => p.ServiceId == service));

    private static object Steps(params (string Activity, int Norm, bool Optional)[] steps) =>
        steps.Select(s => new { activity = s.Activity, normDays = s.Norm, optional = s.Optional }).ToArray();

    [Fact]
    public async Task The_inventory_lists_each_service_with_its_channels_case_types_and_declared_process()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var response = await admin.GetAsync("/api/v1/improve/processes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var organisations = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        var services = organisations.SelectMany(o => o.GetProperty("services").EnumerateArray()).ToList();
        var permit = services.Single(s => s.GetProperty("serviceId").GetGuid() == BuildingPermit);
        var process = permit.GetProperty("process");
        Assert.Equal(1, process.GetProperty("version").GetInt32());
        Assert.Equal(7, process.GetProperty("content").GetProperty("steps").GetArrayLength());
        Assert.Equal("building-permit", Assert.Single(permit.GetProperty("caseTypes").EnumerateArray()).GetProperty("code").GetString());
        Assert.NotEmpty(permit.GetProperty("channels").EnumerateArray());
        Assert.Contains(services, s => !s.TryGetProperty("process", out _)); // not every service has one

        var csv = await admin.GetAsync("/api/v1/improve/processes/inventory.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"organisation\",\"service\"", lines[0]);
        Assert.Equal(7, lines.Count(l => l.Contains("\"hautrival-building-permit\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_declaration_makes_a_new_version_with_one_journal_event_and_the_same_content_again_changes_nothing()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var before = (Versions(TaxObjection), Declarations());
        var body = new
        {
            ownerUnitId = Unit("hautrival-finance"), caseType = "municipal-tax-objection", note = "Hearing added",
            steps = Steps(("deliver.case.opened", 0, false), ("deliver.case.assigned", 3, false), ("deliver.advice.requested", 5, true), ("deliver.decision.issued", 60, false)),
        };
        var response = await admin.PutAsync($"/api/v1/improve/processes/{TaxObjection}", JsonBody(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var declared = await response.ReadJsonAsync();
        Assert.Equal(before.Item1 + 1, declared.GetProperty("version").GetInt32());
        Assert.Equal((before.Item1 + 1, before.Item2 + 1), (Versions(TaxObjection), Declarations()));
        var id = declared.GetProperty("id").GetGuid();
        Assert.Equal(["improve.process.declared"], app.Activities("declared-process", id));
        var current = app.InScope(db => db.Set<DeclaredProcess>().Where(p => p.ServiceId == TaxObjection && p.IsCurrent).ToList());
        Assert.Equal(id, Assert.Single(current).Id);

        // The same again: nothing new.
        var again = await admin.PutAsync($"/api/v1/improve/processes/{TaxObjection}", JsonBody(body));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal((before.Item1 + 1, before.Item2 + 1), (Versions(TaxObjection), Declarations()));

        var versions = await (await admin.GetAsync($"/api/v1/improve/processes/{TaxObjection}")).ReadJsonAsync();
        Assert.Equal(before.Item1 + 1, versions.GetProperty("versions").GetArrayLength());
    }

    public static TheoryData<string, string> BadDeclarations => new()
    {
        { """{"caseType":"municipal-tax-objection","steps":[{"activity":"deliver.case.opened","normDays":0}]}""", "ownerUnitId:required" },
        { """{"ownerUnitId":"OWNER","steps":[]}""", "steps:required" },
        { """{"ownerUnitId":"OWNER","steps":[{"activity":"deliver.case.teleported","normDays":1}]}""", "steps[0].activity:unknown-activity" },
        { """{"ownerUnitId":"OWNER","steps":[{"activity":"deliver.case.viewed","normDays":1}]}""", "steps[0].activity:not-a-process-activity" },
        { """{"ownerUnitId":"OWNER","steps":[{"activity":"deliver.case.opened","normDays":0},{"activity":"deliver.case.opened","normDays":1}]}""", "steps[1].activity:duplicate" },
        { """{"ownerUnitId":"OWNER","steps":[{"activity":"deliver.case.opened","normDays":-1}]}""", "steps[0].normDays:out-of-range" },
        { """{"ownerUnitId":"OWNER","steps":[{"activity":"deliver.case.opened"}]}""", "steps[0].normDays:required" },
        { """{"ownerUnitId":"OWNER","steps":[{"activity":"deliver.case.opened","normDays":1,"unitId":"00000000-0000-0000-0000-000000000001"}]}""", "steps[0].unitId:unknown-unit" },
        { """{"ownerUnitId":"00000000-0000-0000-0000-000000000001","steps":[{"activity":"deliver.case.opened","normDays":1}]}""", "ownerUnitId:unknown-unit" },
        { """{"ownerUnitId":"OWNER","caseType":"building-permit","steps":[{"activity":"deliver.case.opened","normDays":1}]}""", "caseType:unknown-case-type" },
    };

    [Theory, MemberData(nameof(BadDeclarations))]
    public async Task A_bad_declaration_is_refused_with_its_code_and_stores_nothing(string json, string expected)
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var before = (Versions(TaxObjection), Declarations());
        var response = await admin.PutAsync($"/api/v1/improve/processes/{TaxObjection}", JsonBody(json.Replace("OWNER", Unit("hautrival-finance").ToString(), StringComparison.Ordinal)));
        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Contains(expected, problem.Invalid);
        Assert.Equal(before, (Versions(TaxObjection), Declarations()));
    }

    [Fact]
    public async Task Unknown_services_are_not_found_and_the_front_office_may_neither_read_nor_declare()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/improve/processes/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsync($"/api/v1/improve/processes/{Guid.NewGuid()}",
            JsonBody(new { ownerUnitId = Unit("hautrival-finance"), steps = Steps(("deliver.case.opened", 0, false)) }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/improve/processes/{Guid.NewGuid()}/bpmn")).StatusCode);

        var front = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        Assert.Equal(HttpStatusCode.Forbidden, (await front.GetAsync("/api/v1/improve/processes")).StatusCode);
        var before = Versions(TaxObjection);
        Assert.Equal(HttpStatusCode.Forbidden, (await front.PutAsync($"/api/v1/improve/processes/{TaxObjection}",
            JsonBody(new { ownerUnitId = Unit("hautrival-finance"), steps = Steps(("deliver.case.opened", 0, false)) }))).StatusCode);
        Assert.Equal(before, Versions(TaxObjection));
    }

    [Fact]
    public async Task The_bpmn_export_has_a_task_per_step_a_bypass_per_optional_step_lanes_per_unit_and_a_diagram_for_everything()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var response = await admin.GetAsync($"/api/v1/improve/processes/{BuildingPermit}/bpmn");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL", di = "http://www.omg.org/spec/BPMN/20100524/DI";
        Assert.Equal(bpmn + "definitions", xml.Root!.Name);
        var process = xml.Root.Element(bpmn + "process")!;
        Assert.Equal(7, process.Elements(bpmn + "task").Count());
        Assert.Equal(4, process.Elements(bpmn + "exclusiveGateway").Count()); // two optional steps (advice asked, given)
        Assert.Equal(2, process.Descendants(bpmn + "lane").Count()); // urban planning, mobility for the advice
        var nodes = process.Elements().Where(e => e.Name != bpmn + "laneSet" && e.Name != bpmn + "sequenceFlow").Select(e => (string)e.Attribute("id")!).ToHashSet();
        var flows = process.Elements(bpmn + "sequenceFlow").ToList();
        Assert.All(flows, f => Assert.True(nodes.Contains((string)f.Attribute("sourceRef")!) && nodes.Contains((string)f.Attribute("targetRef")!)));
        var drawn = xml.Descendants(di + "BPMNShape").Select(s => (string)s.Attribute("bpmnElement")!).ToHashSet();
        Assert.Subset(drawn, nodes);
        var edges = xml.Descendants(di + "BPMNEdge").Select(s => (string)s.Attribute("bpmnElement")!).ToHashSet();
        Assert.Equal(flows.Select(f => (string)f.Attribute("id")!).ToHashSet(), edges);
        Assert.Contains(process.Elements(bpmn + "task"), t => ((string?)t.Element(bpmn + "documentation"))?.Contains("deliver.decision.issued", StringComparison.Ordinal) == true);
    }

    /// One case as the journal tells it (as in the mining tests): opened on a day, then steps.
    private void Case(string caseType, DateTimeOffset received, params (Activity Activity, int Days)[] steps)
    {
        using var scope = app.Services.CreateScope();
        var log = scope.ServiceProvider.GetRequiredService<EventLog>();
        var id = Guid.NewGuid().ToString();
        EventLogObject[] Objects() => [new("case", id, Role.Subject), new("unit", Unit("hautrival-cpas-social-service").ToString(), Role.Unit)];
        log.Record("test", DeliverActivities.CaseOpened, Objects(), new Dictionary<string, object?> { ["caseType"] = caseType, ["number"] = "T-1" }, received);
        foreach (var (activity, days) in steps) log.Record("test", activity, Objects(), null, received.AddDays(days));
        scope.ServiceProvider.GetRequiredService<GuichetDb>().SaveChanges();
    }

    [Fact]
    public async Task The_cases_of_a_period_are_checked_against_the_declared_process_through_the_api_and_the_page()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var declared = await admin.PutAsync($"/api/v1/improve/processes/{IntegrationIncome}", JsonBody(new
        {
            ownerUnitId = Unit("hautrival-cpas-social-service"), caseType = "integration-income",
            steps = Steps(("deliver.case.opened", 0, false), ("deliver.case.assigned", 1, false), ("deliver.case.completed", 10, false), ("deliver.decision.issued", 10, false)),
        }));
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        var monday = new DateTimeOffset(2019, 4, 1, 8, 0, 0, TimeSpan.Zero);
        Case("integration-income", monday, (DeliverActivities.CaseAssigned, 1), (DeliverActivities.CaseCompleted, 2), (DeliverActivities.DecisionIssued, 3));
        Case("integration-income", monday, (DeliverActivities.CaseCompleted, 2), (DeliverActivities.DecisionIssued, 3));
        Case("integration-income", monday, (DeliverActivities.CaseAssigned, 1), (DeliverActivities.DecisionIssued, 2), (DeliverActivities.CaseCompleted, 3));

        var report = await (await admin.GetAsync($"/api/v1/improve/processes/{IntegrationIncome}/conformance?from=2019-04-01&to=2019-04-30")).ReadJsonAsync();
        Assert.Equal((3, 1), (report.GetProperty("cases").GetInt32(), report.GetProperty("fitting").GetInt32()));
        var steps = report.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(1, steps[1].GetProperty("skipped").GetInt32());
        Assert.Equal(1, steps[3].GetProperty("outOfOrder").GetInt32());

        var empty = await admin.GetAsync($"/api/v1/improve/processes/{IntegrationIncome}/conformance?from=2019-06-01&to=2019-06-30");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(0, (await empty.ReadJsonAsync()).GetProperty("cases").GetInt32());
        var bad = await (await admin.GetAsync($"/api/v1/improve/processes/{IntegrationIncome}/conformance?from=2019-06-01&to=2019-05-01")).ProblemAsync();
        Assert.Equal(["from:after-to"], bad.Invalid);
        Assert.Equal(404, (await (await admin.GetAsync($"/api/v1/improve/processes/{Service("hautrival-eid")}/conformance")).ProblemAsync()).Status);

        // The page, in French: the share that fits and the deviating cases linked to their files.
        var session = await app.SignedInAsync(DemoAccounts.Admin, "fr");
        var page = await session.PageAsync($"/staff/improve/processes/{IntegrationIncome}?from=2019-04-01&to=2019-04-30");
        Assert.Contains("1 dossiers sur 3 sont conformes", page.QuerySelector("[data-testid=conformance-summary]")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("a[href^='/staff/cases/']").Length);
    }

    [Fact]
    public async Task The_pages_list_the_inventory_and_declare_a_version_and_a_bad_form_stores_nothing()
    {
        var session = await app.SignedInAsync(DemoAccounts.Admin, "nl");
        var inventory = await session.PageAsync("/staff/improve/processes");
        Assert.Contains("Procesinventaris", inventory.QuerySelector("h1")!.TextContent);
        Assert.NotNull(inventory.QuerySelector($"a[href='/staff/improve/processes/{BuildingPermit}']"));
        // The downloads work for the signed-in reader (the API itself takes bearer tokens only).
        foreach (var link in inventory.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")!))
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(link)).StatusCode);
        var bpmn = await session.Client.GetAsync($"/staff/improve/processes/{BuildingPermit}?handler=bpmn");
        Assert.Equal("application/xml", bpmn.Content.Headers.ContentType?.MediaType);

        var parking = Service("hautrival-residents-parking-card");
        var form = await session.PageAsync($"/staff/improve/processes/{parking}/declare");
        var before = (Versions(parking), Declarations());
        // A norm that is not a number and a duplicated activity: both told, nothing stored.
        var refused = await session.SubmitAsync(form, "#declare-form", new Dictionary<string, string>
        {
            ["steps[1].normDays"] = "drie", ["steps[2].activity"] = "deliver.case.opened",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.True(page.QuerySelector(".error-summary") is not null, page.Body!.TextContent[..Math.Min(3000, page.Body.TextContent.Length)]);
        var summary = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Geef een geheel aantal dagen op", summary);
        Assert.Contains("Elke activiteit markeert één stap", summary);
        Assert.Equal(before, (Versions(parking), Declarations()));

        var saved = await session.SubmitAsync(form, "#declare-form", new Dictionary<string, string> { ["steps[1].normDays"] = "4", ["note"] = "Norm tightened" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((before.Item1 + 1, before.Item2 + 1), (Versions(parking), Declarations()));
        var shown = await session.PageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains($"Versie {before.Item1 + 1}", shown.QuerySelector("[role=status]")!.TextContent);
    }
}
