using System.Net;
using System.Text.Json;
using Guichet.Deliver;
using Guichet.Follow;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Guichet.Welcome;

namespace Guichet.Tests.Improve.Measures;

/// The live measurements on both providers: a month of 2018 written into the journal as the stages
/// write it (cases, contacts, a ticket, appointments, advice, a complaint, surveys), then every KPI
/// read back through the API against known answers, the previous period, the weekly trend, the
/// breakdown, the objects behind a number, unit scope, filters a KPI does not carry, the CSV, bad
/// filters (nothing stored, no 500) and the pages in French and Dutch.
public sealed class MeasuresTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private static Guid Unit(string slug) => CatalogueDemoSeeder.StableId("unit:hautrival/" + slug);
    private static Guid Service(string slug) => CatalogueDemoSeeder.StableId("service:" + slug);

    private static readonly string Population = Unit("hautrival-population").ToString();   // under general management: the manager's
    private static readonly string Social = Unit("hautrival-cpas-social-service").ToString(); // the CPAS: not the manager's
    private static readonly string Eid = Service("hautrival-eid").ToString();
    private const string Period = "from=2018-03-05&to=2018-04-08"; // 35 days; the previous period is 2018-01-29 to 2018-03-04

    private static DateTimeOffset Day(int month, int day, int hour = 9) => new DateTimeOffset(2018, month, day, hour, 0, 0, TimeSpan.FromHours(1)).ToUniversalTime();

    // The same objects for every test of the class: the month is written once per test host.
    private static readonly string caseA = Guid.NewGuid().ToString(), caseB = Guid.NewGuid().ToString(), caseC = Guid.NewGuid().ToString(), caseD = Guid.NewGuid().ToString();
    private static readonly string contactX = Guid.NewGuid().ToString(), contactY = Guid.NewGuid().ToString();

    private static readonly SemaphoreSlim gate = new(1, 1);

    /// The month, written once per test host.
    private async Task WriteAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Actor == "test:measures"))) return;
            using var scope = app.Services.CreateScope();
            var log = scope.ServiceProvider.GetRequiredService<EventLog>();
            void Record(Activity activity, DateTimeOffset at, EventLogObject[] objects, Dictionary<string, object?>? attributes = null) =>
                log.Record("test:measures", activity, objects, attributes, at);
            EventLogObject[] Case(string id, string unit) => [new("case", id, Role.Subject), new("unit", unit, Role.Unit)];

            // Case A (population, from contact Y by e-mail): received Monday 5 March, decided 19 March (14 days), due 30 March.
            Record(DeliverActivities.CaseOpened, Day(3, 5), Case(caseA, Population), new() { ["caseType"] = "integration-income", ["unit"] = Population, ["dueOn"] = "2018-03-30", ["contact"] = contactY });
            Record(DeliverActivities.DecisionIssued, Day(3, 19), Case(caseA, Population), new() { ["outcome"] = "granted" });
            // Case B (CPAS): suspended 6 to 16 March, closed 4 April (30 days), due 30 March: late.
            Record(DeliverActivities.CaseOpened, Day(3, 5), Case(caseB, Social), new() { ["caseType"] = "integration-income", ["unit"] = Social, ["dueOn"] = "2018-03-30" });
            Record(DeliverActivities.CaseSuspended, Day(3, 6), Case(caseB, Social), new() { ["on"] = "2018-03-06" });
            Record(DeliverActivities.CaseResumed, Day(3, 16), Case(caseB, Social), new() { ["on"] = "2018-03-16" });
            Record(DeliverActivities.StatusChanged, Day(4, 4), Case(caseB, Social), new() { ["from"] = "in-review", ["to"] = "closed-withdrawn", ["closed"] = true });
            // Case C: received, still open. Case D: in the previous period, 4 days, no due date.
            Record(DeliverActivities.CaseOpened, Day(3, 7), Case(caseC, Population), new() { ["caseType"] = "integration-income", ["unit"] = Population });
            Record(DeliverActivities.CaseOpened, Day(1, 29), Case(caseD, Population), new() { ["caseType"] = "integration-income", ["unit"] = Population });
            Record(DeliverActivities.DecisionIssued, Day(2, 2), Case(caseD, Population), new() { ["outcome"] = "granted" });
            // Advice on case A, kept.
            var advice = Guid.NewGuid();
            Record(DeliverActivities.AdviceRequested, Day(3, 6), [new("case", caseA, Role.Subject), new("unit", Population, Role.AskedUnit)], new() { ["advice"] = advice, ["dueOn"] = "2018-03-12" });
            Record(DeliverActivities.AdviceGiven, Day(3, 9), [new("case", caseA, Role.Subject), new("unit", Population, Role.AskedUnit)], new() { ["advice"] = advice, ["kept"] = true });

            // Contacts: X by phone answered the next day; Y by e-mail, a case opened after 5 working days (late).
            EventLogObject[] Contact(string id) => [new("contact", id, Role.Subject), new("unit", Population, Role.Unit)];
            Record(WelcomeActivities.ContactReceived, Day(3, 6), Contact(contactX), new() { ["channel"] = "phone", ["unit"] = Population, ["respondBy"] = "2018-03-08" });
            Record(WelcomeActivities.ContactAnswered, Day(3, 7), Contact(contactX), new() { ["responseWorkingDays"] = 1 });
            Record(WelcomeActivities.ContactReceived, Day(3, 6), Contact(contactY), new() { ["channel"] = "email", ["unit"] = Population, ["respondBy"] = "2018-03-09" });
            Record(WelcomeActivities.ContactCaseOpened, Day(3, 13), Contact(contactY), new() { ["responseWorkingDays"] = 5 });

            // A ticket that waited 10 minutes; two appointments, one missed.
            var ticket = Guid.NewGuid().ToString();
            Record(WelcomeActivities.TicketIssued, Day(3, 7), [new("queue-ticket", ticket, Role.Subject), new("service", Eid, Role.Service)], new() { ["code"] = "A001" });
            Record(WelcomeActivities.TicketCalled, Day(3, 7), [new("queue-ticket", ticket, Role.Subject), new("service", Eid, Role.Service)], new() { ["code"] = "A001", ["waitedSeconds"] = 600 });
            foreach (var (missed, i) in new[] { (false, 0), (true, 1) })
            {
                var appointment = Guid.NewGuid().ToString();
                EventLogObject[] objects = [new("appointment", appointment, Role.Subject), new("service", Eid, Role.Service)];
                Record(WelcomeActivities.AppointmentBooked, Day(3, 1), objects, new() { ["start"] = Day(3, 8, 10 + i) });
                Record(missed ? WelcomeActivities.AppointmentMissed : WelcomeActivities.AppointmentCheckedIn, Day(3, 8, 10 + i), objects);
            }

            // A complaint (population) acknowledged in time, answered late; two surveys, one answered 4/5.
            var complaint = Guid.NewGuid().ToString();
            EventLogObject[] Complaint() => [new("complaint", complaint, Role.Subject), new("unit", Population, Role.Unit), new("service", Eid, Role.Service)];
            Record(FollowActivities.ComplaintRegistered, Day(3, 8), Complaint(), new() { ["channel"] = "email", ["category"] = "delay" });
            Record(FollowActivities.ComplaintAcknowledged, Day(3, 9), Complaint(), new() { ["late"] = false });
            Record(FollowActivities.ComplaintAnswered, Day(3, 20), Complaint(), new() { ["outcome"] = "founded", ["late"] = true });
            foreach (var answered in new[] { true, false })
            {
                var survey = Guid.NewGuid().ToString();
                EventLogObject[] objects = [new("survey", survey, Role.Subject), new("unit", Population, Role.Unit), new("case", caseA, Role.Case)];
                Record(FollowActivities.SurveyRequested, Day(3, 20), objects, new() { ["channel"] = "case" });
                if (answered) Record(FollowActivities.SurveyAnswered, Day(3, 22), objects, new() { ["channel"] = "case", ["score"] = 4 });
            }
            scope.ServiceProvider.GetRequiredService<GuichetDb>().SaveChanges();
        }
        finally
        {
            gate.Release();
        }
    }

    private static Dictionary<string, JsonElement> Figures(JsonElement dashboard) =>
        dashboard.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("kpi").GetString()!);

    private static double? Value(JsonElement figure, string name = "value") =>
        figure.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    [Fact]
    public async Task Every_kpi_of_a_written_month_has_its_known_value_against_the_previous_period()
    {
        await WriteAsync();
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var response = await admin.GetAsync("/api/v1/improve/measures?" + Period);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("2018-01-29", json.GetProperty("previous").GetProperty("from").GetString());
        var f = Figures(json);

        // Lead time: 14 and 30 days → median 22, p90 28.4; the previous period had case D, 4 days: worse.
        Assert.Equal((22.0, 28.4, 2), (Value(f["lead-time"])!.Value, Value(f["lead-time"], "p90")!.Value, f["lead-time"].GetProperty("count").GetInt32()));
        Assert.Equal(4.0, Value(f["lead-time"], "previousValue"));
        Assert.Equal("worse", f["lead-time"].GetProperty("trend").GetString());
        var calendar = app.Services.GetRequiredService<WorkingCalendar>();
        var working = new[] { calendar.WorkingDaysBetween(new(2018, 3, 5), new(2018, 3, 19)), calendar.WorkingDaysBetween(new(2018, 3, 5), new(2018, 4, 4)) };
        Assert.Equal(Math.Round((working[0] + working[1]) / 2.0, 1), Value(f["lead-time-working"]));
        Assert.Equal(50.0, Value(f["statutory-norm-met"]));           // A on time, B late
        Assert.Null(Value(f["statutory-norm-met"], "previousValue"));  // D had no due date
        Assert.Equal(2, f["internal-norm-met"].GetProperty("count").GetInt32());
        Assert.Equal(5.0, Value(f["time-suspended"]));                 // (0 + 10) / 2
        Assert.Equal(100.0, Value(f["advice-kept"]));
        Assert.Equal(50.0, Value(f["first-contact-resolution"]));
        Assert.Equal(3.0, Value(f["response-time"]));                  // median of 1 and 5 working days
        Assert.Equal(50.0, Value(f["response-on-time"]));
        Assert.Equal(10.0, Value(f["counter-waiting-time"]));
        Assert.Equal(50.0, Value(f["no-shows"]));
        Assert.Equal(333.3, Value(f["complaints-per-thousand-cases"])); // 1 complaint, 3 cases received
        Assert.Equal(3, f["complaints-per-thousand-cases"].GetProperty("denominator").GetInt32());
        Assert.Equal(0.0, Value(f["complaint-deadlines-met"]));        // answered late
        Assert.Equal(4.0, Value(f["satisfaction-score"]));
        Assert.Equal(50.0, Value(f["survey-response-rate"]));
        Assert.All(f.Values, v => Assert.StartsWith("/staff/improve/measures/definitions#", v.GetProperty("definition").GetString()));

        // A period without data: empty figures, not an error.
        var empty = Figures(await (await admin.GetAsync("/api/v1/improve/measures?from=2017-06-01&to=2017-06-30")).ReadJsonAsync());
        Assert.All(empty.Values, v => Assert.Equal(0, v.GetProperty("count").GetInt32()));
        Assert.Null(Value(empty["lead-time"]));
    }

    [Fact]
    public async Task Filters_narrow_the_figures_and_a_kpi_without_the_dimension_is_not_measured()
    {
        await WriteAsync();
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        // By channel: the case from the e-mail contact only; the phone contact answered at first contact.
        var email = Figures(await (await admin.GetAsync($"/api/v1/improve/measures?{Period}&channel=email")).ReadJsonAsync());
        Assert.Equal((14.0, 1), (Value(email["lead-time"])!.Value, email["lead-time"].GetProperty("count").GetInt32()));
        var phone = Figures(await (await admin.GetAsync($"/api/v1/improve/measures?{Period}&channel=phone")).ReadJsonAsync());
        Assert.Equal(100.0, Value(phone["first-contact-resolution"]));
        Assert.False(phone["counter-waiting-time"].GetProperty("measured").GetBoolean()); // tickets have no contact channel filter
        // By case type: contacts carry none.
        var typed = Figures(await (await admin.GetAsync($"/api/v1/improve/measures?{Period}&caseType=integration-income")).ReadJsonAsync());
        Assert.Equal(2, typed["lead-time"].GetProperty("count").GetInt32());
        Assert.False(typed["response-time"].GetProperty("measured").GetBoolean());
        // By unit: the CPAS only has case B.
        var social = Figures(await (await admin.GetAsync($"/api/v1/improve/measures?{Period}&unit={Social}")).ReadJsonAsync());
        Assert.Equal(30.0, Value(social["lead-time"]));
    }

    [Fact]
    public async Task A_manager_sees_only_the_figures_and_cases_of_their_units()
    {
        await WriteAsync();
        var manager = await app.ClientAsAsync(DemoAccounts.Manager);
        var f = Figures(await (await manager.GetAsync("/api/v1/improve/measures?" + Period)).ReadJsonAsync());
        Assert.Equal((14.0, 1), (Value(f["lead-time"])!.Value, f["lead-time"].GetProperty("count").GetInt32())); // case B is the CPAS's
        var detail = await (await manager.GetAsync("/api/v1/improve/measures/lead-time?" + Period)).ReadJsonAsync();
        var items = detail.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal([caseA], items.Where(i => i == caseA || i == caseB).ToList());
        // Even when asking for the CPAS by name: nothing of it.
        var social = Figures(await (await manager.GetAsync($"/api/v1/improve/measures?{Period}&unit={Social}")).ReadJsonAsync());
        Assert.Equal(0, social["lead-time"].GetProperty("count").GetInt32());
        // The front office does not read measurements.
        var front = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        Assert.Equal(HttpStatusCode.Forbidden, (await front.GetAsync("/api/v1/improve/measures")).StatusCode);
    }

    [Fact]
    public async Task A_kpi_in_detail_has_its_weeks_breakdown_and_the_cases_behind_it_and_each_as_csv()
    {
        await WriteAsync();
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var detail = await (await admin.GetAsync($"/api/v1/improve/measures/lead-time?{Period}&breakdown=unit")).ReadJsonAsync();
        var weeks = detail.GetProperty("weeks").EnumerateArray().ToList();
        Assert.Equal(5, weeks.Count); // Mondays 5, 12, 19, 26 March and 2 April
        Assert.Equal(14.0, Value(weeks[2])); // case A closed in the week of 19 March
        Assert.Equal(30.0, Value(weeks[4])); // case B in the week of 2 April
        Assert.Equal(0, weeks[0].GetProperty("count").GetInt32());
        var breakdown = detail.GetProperty("breakdown").EnumerateArray().ToDictionary(b => b.GetProperty("value").GetString()!);
        Assert.Equal(14.0, Value(breakdown[Population], "figure"));
        Assert.Equal(30.0, Value(breakdown[Social], "figure"));
        Assert.False(string.IsNullOrEmpty(breakdown[Social].GetProperty("name").GetString()));
        var items = detail.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("id").GetString() == caseA && i.GetProperty("link").GetString() == "/staff/cases/" + caseA && Value(i) == 14);

        var csv = await admin.GetAsync($"/api/v1/improve/measures/lead-time/weeks.csv?{Period}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"week\",\"from\",\"to\",\"value\",\"p90\",\"count\"", lines[0]);
        Assert.Contains("\"2018-03-19\",\"2018-03-19\",\"2018-03-25\",\"14\",\"14\",\"1\"", lines);
        var all = await (await admin.GetAsync($"/api/v1/improve/measures/measures.csv?{Period}")).Content.ReadAsStringAsync();
        Assert.Contains("\"lead-time\",\"deliver\",\"days\",\"yes\",\"22\",\"28.4\",\"2\",\"4\",\"1\",\"18\",\"worse\"", all);
        Assert.Contains(caseA, await (await admin.GetAsync($"/api/v1/improve/measures/lead-time/items.csv?{Period}")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/improve/measures?from=2018-05-01&to=2018-04-01", 400, "from:after-to")]
    [InlineData("/api/v1/improve/measures?from=2001-01-01&to=2018-04-01", 400, "to:too-long")]
    [InlineData("/api/v1/improve/measures?from=0001-01-01&to=0001-01-02", 400, "from:date-out-of-range")]
    [InlineData("/api/v1/improve/measures?to=9999-12-31", 400, "to:date-out-of-range")]
    [InlineData("/api/v1/improve/measures?channel=pigeon", 400, "channel:unknown")]
    [InlineData("/api/v1/improve/measures/lead-time?breakdown=colour", 400, "breakdown:unknown")]
    [InlineData("/api/v1/improve/measures/lead-time/breakdown.csv", 400, "breakdown:required")]
    [InlineData("/api/v1/improve/measures/happiness", 404, null)]
    [InlineData("/api/v1/improve/measures/lead-time/everything.csv", 404, null)]
    public async Task A_bad_filter_is_refused_with_its_code_and_changes_nothing(string url, int status, string? invalid)
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var events = app.InScope(db => db.Set<EventLogEntry>().Count());
        var problem = await (await admin.GetAsync(url)).ProblemAsync();
        Assert.Equal(status, problem.Status);
        if (invalid is not null) Assert.Equal([invalid], problem.Invalid);
        Assert.Equal(events, app.InScope(db => db.Set<EventLogEntry>().Count()));
    }

    [Fact]
    public async Task The_dashboard_kpi_and_definition_pages_speak_french_and_dutch_and_download_their_figures()
    {
        await WriteAsync();
        var fr = await app.SignedInAsync(DemoAccounts.Manager, "fr");
        var dashboard = await fr.PageAsync("/staff/improve/measures?" + Period);
        Assert.Contains("Mesures du processus", dashboard.QuerySelector("h1")!.TextContent);
        var lead = dashboard.QuerySelector("a[href^='/staff/improve/measures/lead-time?']")!;
        Assert.Contains("Délai de traitement", lead.TextContent);
        Assert.NotNull(dashboard.QuerySelector("a[href='/staff/improve/measures/definitions#lead-time']"));
        var csv = await fr.Client.GetAsync("/staff/improve/measures?handler=csv&" + Period);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"lead-time\",\"deliver\",\"days\",\"yes\",\"14\"", await csv.Content.ReadAsStringAsync()); // the manager's scope

        var nl = await app.SignedInAsync(DemoAccounts.Admin, "nl");
        var page = await nl.PageAsync("/staff/improve/measures/lead-time?breakdown=unit&" + Period);
        Assert.Contains("Doorlooptijd", page.QuerySelector("h1")!.TextContent);
        var svg = page.QuerySelector("svg.trend")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(5, svg.QuerySelectorAll("g[tabindex='0']").Length);
        Assert.Equal(5, page.QuerySelectorAll("section[aria-labelledby=trend] table tbody tr").Length);
        Assert.NotNull(page.QuerySelector($"a[href='/staff/cases/{caseA}']"));
        Assert.Equal(2, page.QuerySelectorAll("section[aria-labelledby=breakdown] table tbody tr").Length);
        var items = await nl.Client.GetAsync($"/staff/improve/measures/lead-time?handler=csv&part=items&{Period}");
        Assert.Contains(caseA, await items.Content.ReadAsStringAsync());
        var json = await nl.Client.GetAsync($"/staff/improve/measures/lead-time?handler=json&{Period}");
        Assert.Equal(22.0, (await json.ReadJsonAsync()).GetProperty("figure").GetProperty("value").GetDouble());

        var bad = await nl.Client.GetAsync("/staff/improve/measures?from=2018-05-01&to=2018-04-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("error-summary", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await nl.Client.GetAsync("/staff/improve/measures/happiness")).StatusCode);

        var definitions = await nl.PageAsync("/staff/improve/measures/definitions");
        Assert.Equal(15, definitions.QuerySelectorAll("section.kpi-definition").Length);
        Assert.Contains("Doorlooptijd", definitions.QuerySelector("#lead-time")!.TextContent);
    }
}
