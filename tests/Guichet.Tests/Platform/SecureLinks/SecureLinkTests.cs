using System.Net;
using Guichet.Deliver.StatusPage;
using Guichet.Follow.Complaints;
using Guichet.Tests.Support;
using Guichet.Welcome.Appointments.Demo;
using Guichet.Welcome.ContactForm;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Platform.SecureLinks;

/// A host whose clock stands on Monday 5 October 2026, 10:00 in Brussels, with a guess limit of
/// its own per address and minute (every client of the test server has the same address).
public class SecureLinksApp : GuichetApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero));

    protected virtual int TriesPerMinute => 1000;

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Welcome:Appointments:ReminderIntervalMinutes", "0");
        builder.UseSetting("Web:SecureLinks:TriesPerMinute", TriesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// The four kinds of secure link, made through the API as staff and customers make them:
    /// a case's status link, a contact's and a complaint's tracking link, an appointment's manage link.
    internal async Task<Links> MakeLinksAsync()
    {
        var admin = await ClientAsAsync(DemoAccounts.Admin);
        var opened = await (await admin.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "residents-parking-card", language = "fr", subject = "Carte de riverain, rue du Moulin 4",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Lotte Peeters" } },
        }))).ReadJsonAsync();
        var front = await ClientAsAsync(DemoAccounts.FrontOffice);
        var complaint = await (await front.PostAsync("/api/v1/complaints", JsonBody(new
        {
            channel = "counter", customerKind = "anonymous", customerName = "Anne", address = "Place du Marché 1, 4000 Liège", language = "fr",
            category = "quality", subject = "Mauvaise information", description = "On m'a donné le mauvais formulaire.",
        }))).ReadJsonAsync();
        var booked = await (await Client().PostAsync("/api/v1/appointments", JsonBody(new
        {
            service = AppointmentsDemoSeeder.Service("hautrival-passport"),
            start = Guichet.Platform.Calendar.BrusselsTime.ToInstant(new DateOnly(2026, 10, 8), new TimeOnly(9, 10)),
            name = "Amélie Lambert", email = "amelie@example.be", language = "fr",
        }))).ReadJsonAsync();
        var complaintId = Guid.Parse(complaint.GetProperty("complaint").GetProperty("id").GetString()!);
        var contactId = InScope(db => db.Set<Complaint>().Single(c => c.Id == complaintId).ContactId)!.Value;
        var contactToken = Arrange(db =>
        {
            var token = ContactLink.Add(db, contactId, Clock.GetUtcNow());
            db.SaveChanges();
            return token;
        });
        return new Links(
            opened.GetProperty("statusUrl").GetString()! + "?lang=fr",
            ContactLink.PathFor(contactToken),
            new Uri(complaint.GetProperty("trackingUrl").GetString()!).AbsolutePath,
            new Uri(booked.GetProperty("manageUrl").GetString()!).AbsolutePath,
            Guid.Parse(opened.GetProperty("id").GetString()!), contactId, complaintId);
    }

    internal sealed record Links(string Status, string Contact, string Complaint, string Appointment, Guid CaseId, Guid ContactId, Guid ComplaintId)
    {
        public string AppointmentApi => "/api/v1/appointments/manage/" + Appointment.Split('/')[^1];

        public IEnumerable<string> All => [Status, Contact, Complaint, Appointment, AppointmentApi];
    }

    /// The same link with a token that opens nothing (the right shape, one character changed).
    internal static string Wrong(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var (bare, rest) = query < 0 ? (path, "") : (path[..query], path[query..]);
        return bare[..^1] + (bare[^1] == 'A' ? 'B' : 'A') + rest;
    }
}

public sealed class SecureLinkGuessLimitApp : SecureLinksApp
{
    public const int Limit = 12;

    protected override int TriesPerMinute => Limit;
}

/// One secure-link lookup for the four kinds of link: the right token opens, a wrong or malformed
/// one is not found (404), an expired one is gone (410), with the same error pages.
public sealed class SecureLinkTests(SecureLinksApp app) : IClassFixture<SecureLinksApp>
{
    [Fact]
    public async Task Every_kind_of_link_opens_with_its_token_refuses_a_wrong_one_with_404_and_an_expired_one_with_410()
    {
        var links = await app.MakeLinksAsync();
        var client = app.Client();
        foreach (var path in links.All)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
            var wrong = await client.GetAsync(SecureLinksApp.Wrong(path));
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
            var segments = path.Split('?')[0].Split('/');
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(string.Join('/', segments[..^1]) + "/not-a-token")).StatusCode);
        }
        // The pages answer with the shared error page.
        var notFound = await Html.ParseAsync(await client.GetAsync(SecureLinksApp.Wrong(links.Complaint) + "?lang=en"));
        Assert.Contains("This page does not exist", notFound.Body!.TextContent);

        // 401 days later every link has expired: the status link (400 days), the contact's (180),
        // the complaint's (400) and the appointment's (30 days after it took place).
        app.Clock.Advance(TimeSpan.FromDays(401));
        foreach (var path in links.All)
            Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(path)).StatusCode);
        var gone = await client.GetAsync(links.Contact + "?lang=en");
        Assert.Contains("This link has expired", (await Html.ParseAsync(gone)).Body!.TextContent);
        var problem = await (await client.GetAsync(links.AppointmentApi)).ProblemAsync();
        Assert.Equal(410, problem.Status);
        Assert.Equal("link-expired", problem.Code);
        // Nothing was changed by opening: the records are still there.
        Assert.True(app.InScope(db => db.Set<Complaint>().Any(c => c.Id == links.ComplaintId)));
        Assert.Equal(2, app.InScope(db => db.Set<ContactLink>().Count(l => l.ContactId == links.ContactId)) + app.InScope(db => db.Set<CaseStatusLink>().Count(l => l.CaseId == links.CaseId)));
    }
}

/// The guess limit: every try to open a link, of any kind, counts against one budget per address
/// and minute; past it every kind answers 429.
public sealed class SecureLinkGuessLimitTests(SecureLinkGuessLimitApp app) : IClassFixture<SecureLinkGuessLimitApp>
{
    [Fact]
    public async Task After_the_limit_of_wrong_tries_every_kind_of_link_answers_429()
    {
        var links = await app.MakeLinksAsync();
        var client = app.Client();
        var kinds = links.All.ToList();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < SecureLinkGuessLimitApp.Limit; i++)
            answers.Add((await client.GetAsync(SecureLinksApp.Wrong(kinds[i % kinds.Count]))).StatusCode);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a));
        foreach (var path in kinds)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(SecureLinksApp.Wrong(path))).StatusCode);
            // ... the right token too, until the minute is over.
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(path)).StatusCode);
        }
    }
}
