using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Deliver.Cases;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Tests.Deliver.Cases;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Tests.Platform.Journal;

/// The journal read as a process-mining tool reads it: business times, pseudonyms, kinds, one
/// access event per list page, retention per kind, and the guard that keeps every change recorded.
public sealed class JournalTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    private const string Number = "85.07.30-033.28";

    private static object Case(string? receivedOn = null) => new
    {
        caseType = "building-permit",
        language = "fr",
        subject = "Permis pour une véranda",
        receivedOn,
        parties = new object[] { new { role = "applicant", kind = "person", name = "Amélie Lambert", number = Number, email = "amelie@example.be" } },
    };

    private async Task<Guid> OpenAsync(string? receivedOn = null)
    {
        var response = await (await app.ClientAsAsync(DemoAccounts.CaseHandler)).PostAsJsonAsync("/api/v1/cases", Case(receivedOn));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private List<EventLogEntry> Events(Guid caseId) => app.InScope(db => db.Set<EventLogEntry>().AsNoTracking().Include(e => e.Objects)
        .Where(e => e.Objects.Any(o => o.ObjectType == "case" && o.ObjectId == caseId.ToString())).OrderBy(e => e.Id).ToList());

    [Fact]
    public async Task A_case_received_last_week_is_opened_with_its_received_date_as_business_time()
    {
        var id = await OpenAsync("2026-09-28");
        var opened = Events(id).Single(e => e.Activity == "deliver.case.opened");
        Assert.Equal(app.Clock.GetUtcNow(), opened.At);
        Assert.Equal(BrusselsTime.ToInstant(new DateOnly(2026, 9, 28), TimeOnly.MinValue), opened.OccurredAt);
        Assert.Contains("\"receivedOn\":\"2026-09-28\"", opened.Attributes);
        Assert.Equal(EventKind.Process, opened.Kind);

        // Received today: the business time is the moment itself.
        var today = Events(await OpenAsync()).Single(e => e.Activity == "deliver.case.opened");
        Assert.Equal(today.At, today.OccurredAt);
    }

    [Fact]
    public async Task Customers_are_named_by_a_stable_pseudonym_and_never_by_their_number()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();
        var customers = Events(first).Concat(Events(second)).SelectMany(e => e.Objects).Where(o => o.ObjectType == "customer").Select(o => o.ObjectId).Distinct().ToList();
        var pseudonym = Assert.Single(customers);
        Assert.StartsWith("c-", pseudonym);
        Assert.Equal(pseudonym, app.InScope(db => db.Set<EventLogObject>().Where(o => o.ObjectType == "customer" && o.ObjectId == pseudonym).Select(o => o.ObjectId).First()));
        var digits = new string([.. Number.Where(char.IsAsciiDigit)]);
        Assert.False(app.InScope(db => db.Set<EventLogObject>().Any(o => o.ObjectId.Contains(digits))), "A national number is stored as a journal object id.");
        Assert.All(Events(first).SelectMany(e => e.Objects), o => Assert.DoesNotMatch("^[0-9-]+$", o.Qualifier));
    }

    [Fact]
    public async Task A_work_list_page_is_one_access_event_and_reading_a_case_is_an_access_event()
    {
        var id = await OpenAsync();
        var client = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var before = app.InScope(db => (db.Set<EventLogEntry>().Count(), db.Set<EventLogObject>().Count()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/cases")).StatusCode);
        var after = app.InScope(db => (db.Set<EventLogEntry>().Count(), db.Set<EventLogObject>().Count()));
        Assert.Equal(before.Item1 + 1, after.Item1);
        Assert.Equal(before.Item2, after.Item2); // the cases shown are an attribute, not object rows
        var listed = app.InScope(db => db.Set<EventLogEntry>().AsNoTracking().OrderBy(e => e.Id).Last());
        Assert.Equal(("deliver.case-list.viewed", EventKind.Access), (listed.Activity, listed.Kind));
        Assert.Contains(id.ToString(), listed.Attributes);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        Assert.Equal(EventKind.Access, Events(id).Last().Kind);
    }

    [Fact]
    public async Task A_request_to_the_customer_that_stops_the_clock_is_two_events_asked_and_suspended()
    {
        var id = await OpenAsync();
        var client = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/requests", new { what = "Le plan de la véranda", dueOn = "2026-10-20" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var activities = Events(id).Where(e => e.Kind == EventKind.Process).Select(e => e.Activity).ToList();
        Assert.Equal(["deliver.case.opened", "deliver.request.asked", "deliver.case.suspended"], activities);
    }

    [Fact]
    public async Task The_guard_refuses_a_change_of_a_case_without_its_event()
    {
        var id = await OpenAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GuichetDb>();
            var found = await db.Set<Case>().SingleAsync(c => c.Id == id);
            db.Entry(found).Property(c => c.Subject).CurrentValue = "Changed behind the journal's back";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("Case Modified", error.Message);
        Assert.Equal("Permis pour une véranda", app.InScope(db => db.Set<Case>().Single(c => c.Id == id).Subject));
    }

    [Fact]
    public async Task Retention_removes_each_kind_after_its_own_time()
    {
        var id = await OpenAsync();
        await (await app.ClientAsAsync(DemoAccounts.CaseHandler)).GetAsync($"/api/v1/cases/{id}");
        var options = new JournalRetentionOptions { ProcessDays = 3650, AccessDays = 730, AdministrationDays = 1825 };
        var later = new FakeTimeProvider(app.Clock.GetUtcNow().AddDays(731));
        var retention = new JournalRetention(app.Services.GetRequiredService<IServiceScopeFactory>(), later, Options.Create(options), NullLogger<JournalRetention>.Instance);

        Assert.True(await retention.PurgeAsync(default) > 0);

        var left = Events(id);
        Assert.Contains(left, e => e.Activity == "deliver.case.opened");
        Assert.DoesNotContain(left, e => e.Kind == EventKind.Access);
        Assert.False(app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Kind == EventKind.Access)));
        Assert.Equal(0, app.InScope(db => db.Set<EventLogObject>().Count(o => !db.Set<EventLogEntry>().Any(e => e.Id == o.EventId))));
    }
}
