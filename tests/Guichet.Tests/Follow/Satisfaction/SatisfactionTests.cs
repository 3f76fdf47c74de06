using System.Globalization;
using System.Net;
using System.Text.Json;
using Guichet.Follow.Complaints;
using Guichet.Follow.Satisfaction;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.EventLog;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Follow.Satisfaction;

/// Surveys on Monday 2 November 2026, with mail going to the smtp4dev server of the test script;
/// the survey job runs when a test says so; surveys are off for the citizen services unit.
public sealed class SatisfactionApp : GuichetApp
{
    public static readonly Guid UrbanPlanning = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-urban-planning");
    public static readonly Guid CitizenServices = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-citizen-services");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        TestMailServer.UseIn(builder);
        builder.UseSetting("Follow:Satisfaction:PollSeconds", "0");
        builder.UseSetting("Follow:Satisfaction:SettleSeconds", "0");
        builder.UseSetting($"Follow:Satisfaction:Units:{CitizenServices}", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task<int> DispatchAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

    /// One round of the survey job (the first ever starts the cursor at the journal's end).
    public Task<int> SurveyRoundAsync() => Services.GetRequiredService<SurveyJob>().RunOnceAsync();
}

/// Valid Belgian national numbers, a new one each time: the rule "one survey per customer per
/// 30 days" must not join two tests.
internal static class NationalNumbers
{
    private static int _next = 100;

    public static string Next()
    {
        var seq = Interlocked.Increment(ref _next);
        var body = long.Parse($"850730{seq:D3}", CultureInfo.InvariantCulture);
        return $"850730{seq:D3}{97 - body % 97:D2}";
    }
}

/// What the survey tests share: counts of what is stored, a complaint answered through the API,
/// the survey mail read back from the mail server.
public abstract class SurveyTestsBase(SatisfactionApp fixture)
{
    private protected readonly SatisfactionApp app = fixture;

    private protected (int Surveys, int Answered, int Mails, int Requested) Counts() => app.InScope(db => (
        db.Set<Survey>().Count(), db.Set<Survey>().Count(s => s.AnsweredAt != null), db.Set<OutboxMessage>().Count(),
        db.Set<EventLogEntry>().Count(e => e.Activity == "follow.survey.requested" || e.Activity == "follow.survey.answered")));

    /// A complaint registered and answered through the API, as an officer does it; its id and number.
    private protected async Task<(Guid Id, string Number)> AnsweredComplaintAsync(string? customerNumber, string? email, Guid unitId, string language = "fr")
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var registered = await admin.PostAsync("/api/v1/complaints", JsonBody(new
        {
            channel = "letter", customerKind = customerNumber is null ? "anonymous" : "person", customerNumber, customerName = "Marc Lambert", email,
            address = "Rue Haute 12, 4000 Liège", language, category = "delay", subject = "Aucune réponse", description = "J'attends depuis deux mois.", unitId,
        }));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var complaint = (await registered.ReadJsonAsync()).GetProperty("complaint");
        var id = Guid.Parse(complaint.GetProperty("id").GetString()!);
        var answered = await admin.PostAsync($"/api/v1/complaints/{id}/answer", JsonBody(new
        {
            outcome = "founded", reasons = "Le courrier s'était égaré.", secondLine = "Médiateur fédéral, rue Ducale 43, 1000 Bruxelles",
        }));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        return (id, complaint.GetProperty("number").GetString()!);
    }

    private protected Survey SurveyOf(Guid sourceId) => app.InScope(db => db.Set<Survey>().AsNoTracking().Single(s => s.SourceId == sourceId));

    /// The link of the survey mail sent to <paramref name="email"/>, read back from the mail server (exactly one copy).
    private protected static async Task<(TestMailServer.RestMail Mail, string Path)> SurveyMailAsync(string email, string subjectStart)
    {
        var mails = await TestMailServer.MailsToAsync(email, atLeast: 3);
        var mail = Assert.Single(mails, m => m.Subject.StartsWith(subjectStart, StringComparison.Ordinal));
        var link = mail.Text.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/survey/", StringComparison.Ordinal));
        Assert.StartsWith("https://localhost/survey/", link);
        var uri = new Uri(link);
        return (mail, uri.PathAndQuery);
    }

    private protected static FormUrlEncodedContent Answer(string token, string? score, string? got, string? comment = null) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token, ["score"] = score ?? "", ["gotWhatNeeded"] = got ?? "", ["comment"] = comment ?? "",
    });
}

public sealed class SatisfactionTests(SatisfactionApp fixture) : SurveyTestsBase(fixture), IClassFixture<SatisfactionApp>
{
    [Theory]
    [InlineData("fr", "Votre avis sur votre plainte", "Votre avis", "Merci !")]
    [InlineData("nl", "Uw mening over uw klacht", "Uw mening", "Dank u!")]
    public async Task An_answered_complaint_brings_one_survey_in_the_customers_language_answered_once_through_its_link(string language, string subject, string title, string thanks)
    {
        await app.SurveyRoundAsync();
        var email = $"survey-{Guid.NewGuid():N}@example.be";
        var (complaintId, number) = await AnsweredComplaintAsync(NationalNumbers.Next(), email, SatisfactionApp.UrbanPlanning, language);
        var before = Counts();
        Assert.True(await app.SurveyRoundAsync() >= 1);
        Assert.Equal(0, await app.SurveyRoundAsync()); // read once: the cursor moved
        var survey = SurveyOf(complaintId);
        Assert.Equal(SurveyChannel.Complaint, survey.Channel);
        Assert.Equal(language, survey.Language);
        Assert.Equal(number, survey.SourceNumber);
        Assert.Equal(SatisfactionApp.UrbanPlanning, survey.UnitId);
        Assert.Equal(64, survey.TokenHash.Length);
        Assert.Equal((before.Surveys + 1, before.Mails + 1, before.Requested + 1), (Counts().Surveys, Counts().Mails, Counts().Requested));
        Assert.Equal(["follow.survey.requested"], app.Activities("survey", survey.Id));
        // The journal names the customer by pseudonym only.
        var objects = app.InScope(db => db.Set<EventLogEntry>().Include(e => e.Objects).Where(e => e.Activity == "follow.survey.requested").OrderByDescending(e => e.Id).First().Objects.ToList());
        Assert.Contains(objects, o => o.ObjectType == "customer" && o.ObjectId.StartsWith("c-", StringComparison.Ordinal));
        Assert.Contains(objects, o => o.ObjectType == "complaint" && o.ObjectId == complaintId.ToString());

        while (await app.DispatchAsync() > 0) { }
        var (mail, path) = await SurveyMailAsync(email, subject);
        Assert.Contains(number, mail.Subject);
        Assert.Equal("auto-generated", mail.Header("Auto-Submitted"));
        Assert.Contains("platform.mail.sent", app.Activities("contact", app.InScope(db => db.Set<Complaint>().Single(c => c.Id == complaintId).ContactId!.Value)));

        var jar = new CookieJar();
        var client = app.Client();
        var page = await Html.ParseAsync(await jar.GetAsync(client, path));
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("input[name=score][value='5']"));
        var token = Html.Antiforgery(page);
        var sent = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, path) { Content = Answer(token, "2", "partly", "Trop long, personne ne répondait au téléphone.") });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var done = await Html.ParseAsync(await jar.GetAsync(client, sent.Headers.Location!.ToString()));
        Assert.Contains(thanks, done.QuerySelector("[role=status]")!.TextContent);
        var answered = SurveyOf(complaintId);
        Assert.Equal(2, answered.Score);
        Assert.Equal(GotWhatNeeded.Partly, answered.GotWhatNeeded);
        Assert.Equal(["follow.survey.requested", "follow.survey.answered"], app.Activities("survey", survey.Id));

        // The link works once: a second answer is refused and changes nothing.
        var again = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, path) { Content = Answer(token, "5", "yes") });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(2, SurveyOf(complaintId).Score);
        Assert.Equal(HttpStatusCode.Conflict, (await jar.GetAsync(client, path)).StatusCode);
    }

    [Fact]
    public async Task No_survey_without_an_address_for_an_anonymous_customer_where_surveys_are_off_or_twice_within_thirty_days()
    {
        await app.SurveyRoundAsync();
        var repeat = NationalNumbers.Next();
        var (first, _) = await AnsweredComplaintAsync(repeat, $"first-{Guid.NewGuid():N}@example.be", SatisfactionApp.UrbanPlanning);
        await app.SurveyRoundAsync();
        Assert.Equal(first, SurveyOf(first).SourceId);
        while (await app.DispatchAsync() > 0) { }

        var cases = new (string What, string? Number, string? Email, Guid Unit)[]
        {
            ("no e-mail", NationalNumbers.Next(), null, SatisfactionApp.UrbanPlanning),
            ("anonymous, no consent", null, $"anon-{Guid.NewGuid():N}@example.be", SatisfactionApp.UrbanPlanning),
            ("surveys off for the unit", NationalNumbers.Next(), $"off-{Guid.NewGuid():N}@example.be", SatisfactionApp.CitizenServices),
            ("asked 0 days ago", repeat, $"again-{Guid.NewGuid():N}@example.be", SatisfactionApp.UrbanPlanning),
        };
        foreach (var (what, number, email, unit) in cases)
        {
            var (id, _) = await AnsweredComplaintAsync(number, email, unit);
            var before = Counts();
            Assert.Equal(1, await app.SurveyRoundAsync()); // the event is read...
            Assert.True(before == Counts(), what);          // ...and nothing is stored: no survey, no mail, no event
            Assert.False(app.InScope(db => db.Set<Survey>().Any(s => s.SourceId == id)), what);
        }

        // Thirty days later the same customer is asked again.
        app.Clock.Advance(TimeSpan.FromDays(31));
        var (later, _) = await AnsweredComplaintAsync(repeat, $"later-{Guid.NewGuid():N}@example.be", SatisfactionApp.UrbanPlanning);
        await app.SurveyRoundAsync();
        Assert.Equal(later, SurveyOf(later).SourceId);
    }

    [Fact]
    public async Task A_served_counter_ticket_brings_a_survey_to_the_customer_of_its_counter_contact()
    {
        await app.SurveyRoundAsync();
        var email = $"counter-{Guid.NewGuid():N}@example.be";
        var front = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var registered = await front.PostAsync("/api/v1/contacts", JsonBody(new
        {
            channel = "counter", customerKind = "person", customerNumber = NationalNumbers.Next(), customerName = "Amélie Lambert", email,
            language = "en", subject = "Passport renewal", unitId = SatisfactionApp.UrbanPlanning,
        }));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var contactId = (await registered.ReadJsonAsync()).GetProperty("id").GetGuid();
        // The queue's event when a desk finishes a visit, as Welcome records it (the ticket and its counter contact).
        await app.InScopeAsync(async services =>
        {
            services.GetRequiredService<Guichet.Platform.EventLog.EventLog>().Record("test", Guichet.Welcome.WelcomeActivities.TicketServed,
                [new("queue-ticket", Guid.NewGuid().ToString(), Role.Subject), new("contact", contactId.ToString(), Role.Contact)],
                new Dictionary<string, object?> { ["code"] = "A042", ["contact"] = contactId });
            await services.GetRequiredService<Guichet.Platform.Data.GuichetDb>().SaveChangesAsync();
            return 0;
        });
        Assert.Equal(1, await app.SurveyRoundAsync());
        var survey = SurveyOf(contactId);
        Assert.Equal((SurveyChannel.Counter, "A042", "en"), (survey.Channel, survey.SourceNumber, survey.Language));
        while (await app.DispatchAsync() > 0) { }
        var mail = Assert.Single(await TestMailServer.MailsToAsync(email));
        Assert.Equal("Your opinion on your visit to the counter (ticket A042)", mail.Subject);
    }

    [Fact]
    public async Task A_closed_case_brings_a_survey_to_its_applicant_and_a_case_still_open_does_not()
    {
        await app.SurveyRoundAsync();
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var email = $"applicant-{Guid.NewGuid():N}@example.be";
        var opened = await (await admin.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "residents-parking-card", language = "de", subject = "Anwohnerkarte",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Lena Schmitz", number = NationalNumbers.Next(), email } },
        }))).ReadJsonAsync();
        var id = Guid.Parse(opened.GetProperty("id").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status = "in-review" }))).StatusCode);
        await app.SurveyRoundAsync();
        Assert.False(app.InScope(db => db.Set<Survey>().Any(s => s.SourceId == id)));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status = "closed-withdrawn" }))).StatusCode);
        Assert.Equal(1, await app.SurveyRoundAsync());
        var survey = SurveyOf(id);
        Assert.Equal(SurveyChannel.Case, survey.Channel);
        Assert.Equal("de", survey.Language);
        Assert.Equal(opened.GetProperty("number").GetString(), survey.SourceNumber);
        while (await app.DispatchAsync() > 0) { }
        var mail = Assert.Single(await TestMailServer.MailsToAsync(email, atLeast: 2), m => m.Subject.StartsWith("Ihre Meinung zu Ihre Akte", StringComparison.Ordinal));
        Assert.Contains("/survey/", mail.Text);
    }

    private async Task<Survey> AnsweredSurveyAsync(int score, string? comment)
    {
        await app.SurveyRoundAsync();
        var email = $"answer-{Guid.NewGuid():N}@example.be";
        var (complaintId, _) = await AnsweredComplaintAsync(NationalNumbers.Next(), email, SatisfactionApp.UrbanPlanning);
        await app.SurveyRoundAsync();
        while (await app.DispatchAsync() > 0) { }
        var (_, path) = await SurveyMailAsync(email, "Votre avis sur votre plainte");
        var jar = new CookieJar();
        var client = app.Client();
        var token = Html.Antiforgery(await Html.ParseAsync(await jar.GetAsync(client, path)));
        Assert.Equal(HttpStatusCode.Redirect, (await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = Answer(token, score.ToString(CultureInfo.InvariantCulture), score <= 2 ? "no" : "yes", comment),
        })).StatusCode);
        return SurveyOf(complaintId);
    }

    [Fact]
    public async Task An_unhappy_answer_with_a_comment_becomes_a_complaint_once_in_one_click_of_a_complaint_officer()
    {
        var unhappy = await AnsweredSurveyAsync(1, "Personne ne m'a rappelé.");
        var happy = await AnsweredSurveyAsync(5, "Parfait.");
        var silent = await AnsweredSurveyAsync(2, null);
        var officer = await app.ClientAsAsync(DemoAccounts.Complaints);
        var complaints = app.InScope(db => db.Set<Complaint>().Count());

        foreach (var (survey, code) in new[] { (happy, "survey-not-unhappy"), (silent, "survey-not-unhappy") })
        {
            var refused = await (await officer.PostAsync($"/api/v1/satisfaction/surveys/{survey.Id}/complaint", null)).ProblemAsync();
            Assert.Equal((409, code), (refused.Status, refused.Code));
        }
        Assert.Equal(404, (await (await officer.PostAsync($"/api/v1/satisfaction/surveys/{Guid.NewGuid()}/complaint", null)).ProblemAsync()).Status);
        var manager = await app.ClientAsAsync(DemoAccounts.Manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/satisfaction/surveys/{unhappy.Id}/complaint", null)).StatusCode);
        Assert.Equal(complaints, app.InScope(db => db.Set<Complaint>().Count()));

        var made = await officer.PostAsync($"/api/v1/satisfaction/surveys/{unhappy.Id}/complaint", null);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var complaintId = Guid.Parse((await made.ReadJsonAsync()).GetProperty("complaintId").GetString()!);
        var complaint = app.InScope(db => db.Set<Complaint>().Single(c => c.Id == complaintId));
        Assert.Contains("Personne ne m'a rappelé.", complaint.Description);
        Assert.Equal(SatisfactionApp.UrbanPlanning, complaint.UnitId);
        Assert.Equal(complaintId, SurveyOf(unhappy.SourceId).ComplaintId);
        Assert.Contains("follow.complaint.registered", app.Activities("survey", unhappy.Id)); // the complaint names the survey

        var twice = await (await officer.PostAsync($"/api/v1/satisfaction/surveys/{unhappy.Id}/complaint", null)).ProblemAsync();
        Assert.Equal((409, "survey-already-complaint"), (twice.Status, twice.Code));
        Assert.Equal(complaints + 1, app.InScope(db => db.Set<Complaint>().Count()));
    }

    [Fact]
    public async Task Results_per_channel_service_and_unit_give_the_distribution_mean_and_response_rate_as_json_csv_and_a_page()
    {
        await AnsweredSurveyAsync(4, null);
        await AnsweredSurveyAsync(2, "Lent.");
        var manager = await app.ClientAsAsync(DemoAccounts.Manager);
        var json = await (await manager.GetAsync("/api/v1/satisfaction/results?by=channel&from=2026-01-01&to=2027-12-31")).ReadJsonAsync();
        var complaintRow = json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "complaint");
        var rows = app.InScope(db => db.Set<Survey>().Where(s => s.Channel == SurveyChannel.Complaint).ToList());
        Assert.Equal(rows.Count, complaintRow.GetProperty("requested").GetInt32());
        Assert.Equal(rows.Count(s => s.Score != null), complaintRow.GetProperty("answered").GetInt32());
        Assert.Equal(rows.Count(s => s.Score == 4), complaintRow.GetProperty("scores")[3].GetInt32());
        Assert.Equal(Math.Round(rows.Where(s => s.Score != null).Average(s => s.Score!.Value), 2), complaintRow.GetProperty("meanScore").GetDouble());
        Assert.Equal(Math.Round((double)rows.Count(s => s.Score != null) / rows.Count, 4), complaintRow.GetProperty("responseRate").GetDouble());

        var byUnit = await (await manager.GetAsync("/api/v1/satisfaction/results?by=unit&from=2026-01-01&to=2027-12-31")).ReadJsonAsync();
        Assert.Contains(byUnit.GetProperty("rows").EnumerateArray(), r => r.GetProperty("key").GetString() == SatisfactionApp.UrbanPlanning.ToString());
        var csv = await manager.GetAsync("/api/v1/satisfaction/results.csv?by=service&from=2026-01-01&to=2027-12-31");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("group,name,requested,answered,responseRate,meanScore", await csv.Content.ReadAsStringAsync());

        foreach (var (query, invalid) in new[] { ("by=colour", "by:unknown-code"), ("from=2026-12-01&to=2026-11-01", "from:period-reversed") })
        {
            var problem = await (await manager.GetAsync("/api/v1/satisfaction/results?" + query)).ProblemAsync();
            Assert.Equal(400, problem.Status);
            Assert.Contains(invalid, problem.Invalid);
        }
        var front = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        Assert.Equal(HttpStatusCode.Forbidden, (await front.GetAsync("/api/v1/satisfaction/results")).StatusCode);

        var session = await app.SignedInAsync(DemoAccounts.Complaints, "fr");
        var page = await session.PageAsync("/staff/satisfaction?by=channel&from=2026-01-01&to=2027-12-31");
        Assert.Equal("Satisfaction", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("table.survey-results caption"));
        Assert.Contains("Lent.", page.QuerySelector("table.survey-unhappy")!.TextContent);
        Assert.NotNull(page.QuerySelector("table.survey-unhappy form button"));
        Assert.Contains("follow.survey-comments.viewed", app.InScope(db => db.Set<EventLogEntry>().Select(e => e.Activity).ToList()));
    }
}

/// Bad links and bad answers, on a host of their own (the public form's rate limit counts per host).
public sealed class SurveyLinkTests(SatisfactionApp fixture) : SurveyTestsBase(fixture), IClassFixture<SatisfactionApp>
{
    [Fact]
    public async Task An_unknown_altered_or_expired_link_and_a_bad_answer_show_a_clear_page_and_store_nothing()
    {
        await app.SurveyRoundAsync();
        var email = $"bad-{Guid.NewGuid():N}@example.be";
        var (complaintId, _) = await AnsweredComplaintAsync(NationalNumbers.Next(), email, SatisfactionApp.UrbanPlanning, "nl");
        await app.SurveyRoundAsync();
        while (await app.DispatchAsync() > 0) { }
        var (_, path) = await SurveyMailAsync(email, "Uw mening over uw klacht");
        var jar = new CookieJar();
        var client = app.Client();
        var token = Html.Antiforgery(await Html.ParseAsync(await jar.GetAsync(client, path)));
        var before = Counts();

        // Bad answers, one at a time: 400, the form again with its error, nothing stored.
        foreach (var (score, got, comment, field) in new[]
        {
            ((string?)null, "yes", (string?)null, "score"), ("0", "yes", null, "score"), ("6", "yes", null, "score"), ("drie", "yes", null, "score"),
            ("3", null, null, "gotWhatNeeded"), ("3", "maybe", null, "gotWhatNeeded"), ("3", "yes", new string('x', Survey.MaxComment + 1), "comment"),
        })
        {
            var response = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, path) { Content = Answer(token, score, got, comment) });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["#" + field], Html.ErrorSummaryLinks(await Html.ParseAsync(response)));
            Assert.Equal(before, Counts());
        }

        // An unknown link, an altered one (a character changed, one cut off): 404 with a page that says so.
        var real = path.Split('?')[0]["/survey/".Length..];
        var altered = (real[0] == 'A' ? "B" : "A") + real[1..];
        // (The public form allows 10 posts a minute from one address: only the altered link is posted to.)
        foreach (var wrong in new[] { "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", altered, real[..^1], "not-a-token" })
        {
            var get = await jar.GetAsync(client, "/survey/" + wrong + "?lang=nl");
            Assert.True(get.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, wrong);
            if (wrong == altered)
                Assert.Equal(HttpStatusCode.NotFound, (await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/survey/" + wrong + "?lang=nl") { Content = Answer(token, "1", "no") })).StatusCode);
            if (get.StatusCode == HttpStatusCode.NotFound)
                Assert.Contains("niet geldig", (await Html.ParseAsync(get)).QuerySelector("[role=status]")!.TextContent);
            Assert.Equal(before, Counts());
        }

        // Past its 30 days the link has expired: 410, nothing stored.
        app.Clock.Advance(TimeSpan.FromDays(31));
        var expired = await jar.GetAsync(client, path);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("verlopen", (await Html.ParseAsync(expired)).QuerySelector("[role=status]")!.TextContent);
        var late = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, path) { Content = Answer(token, "4", "yes") });
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal(before, Counts());
        Assert.Null(SurveyOf(complaintId).AnsweredAt);
    }
}
