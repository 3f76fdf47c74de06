using System.Net;
using Guichet.Deliver.Cases;
using Guichet.Deliver.StatusPage;
using Guichet.Follow.Complaints;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Guichet.Welcome.ContactForm;
using Guichet.Welcome.Contacts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Platform.Data;

/// A host whose clock the retention test moves on by years.
public sealed class RetentionApp : GuichetApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
}

/// Every kind of record has its retention (docs/security.md, ADR 0025), applied by the one
/// retention job: the records are made through the API, the clock moves on, the job runs and
/// the database is read back. Each step also checks what must still be there.
public sealed class RecordRetentionTests(RetentionApp app) : IClassFixture<RetentionApp>
{
    private static readonly Guid Passport = CatalogueDemoSeeder.StableId("service:hautrival-passport");

    private async Task<Dictionary<string, int>> RunAsync(int day, DateTimeOffset t0)
    {
        app.Clock.SetUtcNow(t0.AddDays(day));
        return (await app.Services.GetRequiredService<JournalRetention>().ApplyRulesAsync(default)).ToDictionary(r => r.Rule, r => r.Count);
    }

    [Fact]
    public async Task Links_contacts_complaints_dead_letters_and_case_parties_go_each_after_their_own_retention()
    {
        var t0 = app.Clock.GetUtcNow();
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);

        // A case of a person, its first status link replaced by a second one, then closed.
        var opened = await admin.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "residents-parking-card", language = "fr", subject = "Carte de riverain",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Lotte Peeters", number = "01.02.03-004.67", email = "lotte@example.be", address = "Rue du Moulin 4" } },
        }));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var created = await opened.ReadJsonAsync();
        var caseId = Guid.Parse(created.GetProperty("id").GetString()!);
        var firstLink = new Uri(created.GetProperty("statusUrl").GetString()!).AbsolutePath;
        var renewed = await admin.PostAsync($"/api/v1/cases/{caseId}/status-link", null);
        Assert.Equal(HttpStatusCode.Created, renewed.StatusCode);
        var secondLink = new Uri((await renewed.ReadJsonAsync()).GetProperty("url").GetString()!).AbsolutePath;
        await app.InScopeAsync(sp => sp.GetRequiredService<GuichetDb>().Set<Case>().Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAt, t0)));

        // A phone call with the customer's details, and a tracking link for it.
        var contactResponse = await admin.PostAsync("/api/v1/contacts", JsonBody(new
        {
            channel = "phone", customerKind = "person", customerNumber = "85.07.30-033.28", customerName = "Amélie Lambert", phone = "+32 470 12 34 56",
            onBehalfOf = new { name = "Marc Lambert", role = "parent" }, language = "fr", subject = "Passeport urgent", serviceId = Passport,
        }));
        Assert.Equal(HttpStatusCode.Created, contactResponse.StatusCode);
        var contactId = Guid.Parse((await contactResponse.ReadJsonAsync()).GetProperty("id").GetString()!);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GuichetDb>();
            ContactLink.Add(db, contactId, t0);
            return await db.SaveChangesAsync();
        });

        // A complaint with its tracking link.
        var complaint = await (await admin.PostAsync("/api/v1/complaints", JsonBody(new
        {
            channel = "letter", customerKind = "person", customerNumber = "85.07.30-033.28", customerName = "Marc Lambert", email = "marc@example.be",
            address = "Rue Haute 12, 4000 Liège", language = "fr", category = "delay", subject = "Aucune réponse",
            description = "J'attends depuis deux mois une réponse à mon courrier.",
        }))).ReadJsonAsync();
        var complaintId = Guid.Parse(complaint.GetProperty("complaint").GetProperty("id").GetString()!);
        var tracking = new Uri(complaint.GetProperty("trackingUrl").GetString()!).AbsolutePath;

        // A message the outbox gave up on.
        var dead = await app.InScopeAsync(async sp =>
        {
            var message = sp.GetRequiredService<Guichet.Platform.Outbox.Outbox>().Enqueue("retention-test", new { to = "lotte@example.be" }, "retention test");
            await sp.GetRequiredService<GuichetDb>().SaveChangesAsync();
            return message.Id;
        });
        await app.InScopeAsync(sp => sp.GetRequiredService<GuichetDb>().Set<OutboxMessage>().Where(m => m.Id == dead).ExecuteUpdateAsync(s => s.SetProperty(m => m.DeadLetteredAt, t0)));

        int StatusLinks() => app.InScope(db => db.Set<CaseStatusLink>().Count(l => l.CaseId == caseId));
        int ContactLinks() => app.InScope(db => db.Set<ContactLink>().Count(l => l.ContactId == contactId));
        int ComplaintLinks() => app.InScope(db => db.Set<ComplaintLink>().Count(l => l.ComplaintId == complaintId));
        bool DeadLetter() => app.InScope(db => db.Set<OutboxMessage>().Any(m => m.Id == dead));
        Contact StoredContact() => app.InScope(db => db.Set<Contact>().AsNoTracking().Single(c => c.Id == contactId));
        Complaint StoredComplaint() => app.InScope(db => db.Set<Complaint>().AsNoTracking().Single(c => c.Id == complaintId));
        Case StoredCase() => app.InScope(db => db.Set<Case>().AsNoTracking().Single(c => c.Id == caseId));
        Assert.Equal(2, StatusLinks());

        // Day 31: the replaced status link's row is gone, the current one and the dead letter stay.
        await RunAsync(31, t0);
        Assert.Equal(1, StatusLinks());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(firstLink + "?lang=fr")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(secondLink + "?lang=fr")).StatusCode);
        Assert.True(DeadLetter());

        // Day 100: the dead letter is gone (90 days); the contact's link stays (180 + 30).
        Assert.True((await RunAsync(100, t0))["outbox-dead-letters"] >= 1);
        Assert.False(DeadLetter());
        Assert.Equal(1, ContactLinks());

        // Day 215: the contact's expired link is gone; status and complaint links are still valid.
        Assert.True((await RunAsync(215, t0))["contact-links"] >= 1);
        Assert.Equal((0, 1, 1), (ContactLinks(), StatusLinks(), ComplaintLinks()));

        // Day 401: both links answer "expired"; day 435 their rows are gone and they are unknown.
        await RunAsync(401, t0);
        Assert.Equal(HttpStatusCode.Gone, (await app.Client().GetAsync(tracking)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await app.Client().GetAsync(secondLink + "?lang=fr")).StatusCode);
        await RunAsync(435, t0);
        Assert.Equal((0, 0), (StatusLinks(), ComplaintLinks()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(tracking)).StatusCode);
        Assert.Equal("85073003328", StoredContact().CustomerNumber);

        // Day 735: the contact keeps what it was about, not who.
        Assert.True((await RunAsync(735, t0))["contacts"] >= 1);
        var contact = StoredContact();
        Assert.Equal((null, null, null, null, null), (contact.CustomerNumber, contact.CustomerName, contact.Phone, contact.Email, contact.OnBehalfOf));
        Assert.Equal(("Passeport urgent", Passport), (contact.Subject, contact.ServiceId));
        Assert.Equal("Marc Lambert", StoredComplaint().CustomerName);

        // Day 1,830: the complaint keeps its number, category and dates, not who wrote nor what.
        Assert.True((await RunAsync(1830, t0))["complaints"] >= 1);
        var stored = StoredComplaint();
        Assert.Equal((null, null, null, null, ""), (stored.CustomerNumber, stored.CustomerName, stored.Email, stored.Address, stored.Description));
        Assert.Equal(("delay", complaint.GetProperty("complaint").GetProperty("number").GetString()), (stored.Category, stored.Number));
        Assert.Equal("Lotte Peeters", StoredCase().Parties.Single().Name);

        // Day 3,655: the case is anonymised, not deleted: its parties keep their role only, and
        // the person's number finds it no more; the case still opens.
        Assert.True((await RunAsync(3655, t0))["cases"] >= 1);
        var anonymised = StoredCase();
        Assert.Equal(new CaseParty(PartyRole.Applicant, PartyKind.Person, "", null, null, null, null), anonymised.Parties.Single());
        Assert.False(app.InScope(db => db.Set<CasePartyNumber>().Any(n => n.CaseId == caseId)));
        admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var search = await (await admin.PostAsync("/api/v1/cases/search", JsonBody(new { nationalNumber = "01.02.03-004.67" }))).ReadJsonAsync();
        Assert.Empty(search.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.True(app.InScope(db => db.Set<EventLogEntry>().Any()));

        // A second round finds nothing more to do.
        Assert.All(await RunAsync(3656, t0), r => Assert.True(r.Key is "rate-counters" or "sign-in-failures" or "appointments" || r.Value == 0, r.Key));
    }
}
