using System.Net;
using Guichet.Follow.Complaints;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Follow.Complaints;

/// The yearly complaint report (page, CSV, JSON) over complaints of 2025 registered here, with
/// their acknowledgements and answers; unit staff see their units' figures only. Its own host
/// (the clock stands on 2 November 2026): no other complaint of 2025 exists there.
public sealed class ComplaintReportTests(ComplaintsApp app) : IClassFixture<ComplaintsApp>
{
    private static readonly Guid UrbanPlanning = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-urban-planning");
    private static readonly Guid CitizenServices = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-citizen-services");

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _arranged;

    /// Four complaints received in 2025: two letters to urban planning (one answered founded in
    /// 10 days, acknowledged on day 2; one answered unfounded in 45 days, late), one phone call to
    /// citizen services (partly founded in 20 days) and one counter complaint without unit, open.
    private async Task ArrangeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_arranged) return;
            var front = await app.ClientAsAsync(DemoAccounts.FrontOffice);
            var officer = await app.ClientAsAsync(DemoAccounts.Complaints);
            async Task<Guid> RegisterAsync(string channel, string category, Guid? unitId, DateOnly received) =>
                Guid.Parse((await (await front.PostAsync("/api/v1/complaints", JsonBody(new
                {
                    channel, receivedAt = Guichet.Platform.Calendar.BrusselsTime.ToInstant(received, new TimeOnly(10, 0)), customerKind = "anonymous", customerName = "Anne",
                    address = "Place du Marché 1, 4000 Liège", language = "fr", category, subject = "Rapport " + category, description = "Une plainte pour le rapport.", unitId,
                }))).ReadJsonAsync()).GetProperty("complaint").GetProperty("id").GetString()!);
            var a = await RegisterAsync("letter", "delay", UrbanPlanning, new DateOnly(2025, 3, 3));
            var b = await RegisterAsync("letter", "attitude", UrbanPlanning, new DateOnly(2025, 5, 5));
            var c = await RegisterAsync("phone", "delay", CitizenServices, new DateOnly(2025, 9, 1));
            await RegisterAsync("counter", "error", null, new DateOnly(2025, 12, 1));
            await RegisterAsync("letter", "delay", UrbanPlanning, new DateOnly(2024, 12, 31)); // another year
            // The steps' days, written as the officer's work would have on those days.
            app.Arrange(db =>
            {
                void Set(Guid id, DateOnly ack, ComplaintOutcome outcome, DateOnly answered) => db.Set<Complaint>().Where(c => c.Id == id).ExecuteUpdate(u => u
                    .SetProperty(c => c.AcknowledgedOn, ack).SetProperty(c => c.Outcome, outcome).SetProperty(c => c.AnsweredOn, answered).SetProperty(c => c.Status, ComplaintStatus.Answered));
                Set(a, new DateOnly(2025, 3, 5), ComplaintOutcome.Founded, new DateOnly(2025, 3, 13));
                Set(b, new DateOnly(2025, 5, 30), ComplaintOutcome.Unfounded, new DateOnly(2025, 6, 19));
                Set(c, new DateOnly(2025, 9, 2), ComplaintOutcome.PartlyFounded, new DateOnly(2025, 9, 21));
                db.SaveChanges();
                return 0;
            });
            _arranged = true;
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task The_json_report_counts_by_channel_category_unit_and_outcome_with_the_founded_share_and_the_deadlines_kept()
    {
        await ArrangeAsync();
        var officer = await app.ClientAsAsync(DemoAccounts.Complaints);
        var r = await (await officer.GetAsync("/api/v1/complaints/report?year=2025")).ReadJsonAsync();
        Assert.Equal(4, r.GetProperty("total").GetInt32());
        int Count(string list, string key) => r.GetProperty(list).EnumerateArray().Single(x => x.GetProperty("key").GetString() == key).GetProperty("count").GetInt32();
        Assert.Equal((2, 1, 1), (Count("byChannel", "letter"), Count("byChannel", "phone"), Count("byChannel", "counter")));
        Assert.Equal((2, 1, 1), (Count("byCategory", "delay"), Count("byCategory", "attitude"), Count("byCategory", "error")));
        Assert.Equal((2, 1, 1), (Count("byUnit", UrbanPlanning.ToString()), Count("byUnit", CitizenServices.ToString()), Count("byUnit", "none")));
        Assert.Equal((1, 1, 1, 1), (Count("byOutcome", "founded"), Count("byOutcome", "partlyFounded"), Count("byOutcome", "unfounded"), Count("byOutcome", "open")));
        Assert.Equal(3, r.GetProperty("answered").GetInt32());
        Assert.Equal(0.6667, r.GetProperty("foundedShare").GetDouble());
        // Acknowledgement: 2, 25 and 1 days; the fourth (1 December 2025) has passed its 10 working days unacknowledged.
        var ack = r.GetProperty("acknowledgement");
        Assert.Equal((4, 2, 0.5, 2.0), (ack.GetProperty("due").GetInt32(), ack.GetProperty("met").GetInt32(), ack.GetProperty("share").GetDouble(), ack.GetProperty("medianDays").GetDouble()));
        // Answer: 10, 45 and 20 days; 45 is past the 30 days, and the open one is past its deadline too.
        var answer = r.GetProperty("answer");
        Assert.Equal((4, 2, 0.5, 20.0), (answer.GetProperty("due").GetInt32(), answer.GetProperty("met").GetInt32(), answer.GetProperty("share").GetDouble(), answer.GetProperty("medianDays").GetDouble()));
    }

    [Fact]
    public async Task The_csv_has_one_line_per_figure_and_unit_staff_see_only_their_units()
    {
        await ArrangeAsync();
        var officer = await app.ClientAsAsync(DemoAccounts.Complaints);
        var csv = await officer.GetAsync("/api/v1/complaints/report.csv?year=2025");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"measure\",\"key\",\"label\",\"value\"", lines[0]);
        Assert.Contains("\"total\",\"\",\"\",\"4\"", lines);
        Assert.Single(lines, l => l.StartsWith("\"channel\",\"letter\",", StringComparison.Ordinal) && l.EndsWith(",\"2\"", StringComparison.Ordinal));
        Assert.Contains("\"founded-share\",\"\",\"\",\"0.6667\"", lines);

        // A manager of citizen services sees that unit's complaint only.
        var manager = await app.InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<StaffAccounts>();
            var db = sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
            var email = $"manager-{Guid.NewGuid():N}@guichet.test";
            await accounts.CreateAsync(email, "Unit Manager", [Roles.Manager], "Unit-manager-2026!", CitizenServices, default);
            await db.SaveChangesAsync();
            return email;
        });
        var unit = await (await (await app.ClientAsAsync(manager)).GetAsync("/api/v1/complaints/report?year=2025")).ReadJsonAsync();
        Assert.Equal(1, unit.GetProperty("total").GetInt32());
        Assert.Equal("partlyFounded", Assert.Single(unit.GetProperty("byOutcome").EnumerateArray()).GetProperty("key").GetString());

        // The front office registers complaints but does not read the report; a bad year is a 400.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync(DemoAccounts.FrontOffice)).GetAsync("/api/v1/complaints/report?year=2025")).StatusCode);
        Assert.Equal(("year", "invalid-year"), ((await (await officer.GetAsync("/api/v1/complaints/report?year=abc")).ProblemAsync()).InvalidParams[0]));
        Assert.Equal(("year", "year-out-of-range"), ((await (await officer.GetAsync("/api/v1/complaints/report?year=2031")).ProblemAsync()).InvalidParams[0]));
    }

    [Theory]
    [InlineData("fr", "Rapport annuel des plaintes 2025", "Par canal")]
    [InlineData("nl", "Jaarverslag klachten 2025", "Per kanaal")]
    [InlineData("de", "Jahresbericht Beschwerden 2025", "Nach Kanal")]
    [InlineData("en", "Yearly complaint report 2025", "By channel")]
    public async Task The_page_shows_the_report_in_every_language(string language, string title, string byChannel)
    {
        await ArrangeAsync();
        var session = await app.SignedInAsync(DemoAccounts.Complaints, language);
        Assert.NotNull((await session.PageAsync("/staff/complaints")).QuerySelector("a[href='/staff/complaints/report']"));
        var page = await session.PageAsync("/staff/complaints/report?year=2025");
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(byChannel, page.QuerySelector("#by-channel")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href='/staff/complaints/report?handler=csv&year=2025']"));
        Assert.Equal(5, page.QuerySelectorAll("table").Length);
        Assert.All(page.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("caption")));
        await session.PageAsync("/staff/complaints/report?year=1999", HttpStatusCode.BadRequest);
    }
}
