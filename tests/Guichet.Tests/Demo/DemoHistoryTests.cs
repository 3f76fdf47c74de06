using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Guichet.Deliver.Advice;
using Guichet.Deliver.Cases;
using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Decisions;
using Guichet.Deliver.Documents;
using Guichet.Deliver.Requests;
using Guichet.Demo;
using Guichet.Platform.Calendar;
using Guichet.Platform.EventLog;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Guichet.Welcome.Contacts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Demo;

/// A host whose first start loads the demo with its process history (Demo:ProcessHistory, off in
/// every other test host).
public sealed class DemoHistoryApp : GuichetApp
{
    protected override void ConfigureMore(IWebHostBuilder builder) => builder.UseSetting(DemoProcessHistory.Setting, "true");

    private IReadOnlyList<EventLogEntry>? _journal;

    /// The whole journal, read once.
    internal IReadOnlyList<EventLogEntry> Journal => _journal ??= InScope(db => db.Set<EventLogEntry>().AsNoTracking().Include(e => e.Objects).OrderBy(e => e.Id).ToList());
}

/// The demo's process history, read as the improvement loop will read it: every event an activity
/// of the catalogue with its declared objects, every case history in order from its opening, the
/// records in the state their last events say, and customers only as pseudonyms.
public sealed class DemoHistoryTests(DemoHistoryApp app) : IClassFixture<DemoHistoryApp>
{
    private static string? Subject(EventLogEntry e, string type) => e.Objects.FirstOrDefault(o => o.ObjectType == type && o.Qualifier == Role.Subject)?.ObjectId;

    private static string? Part(EventLogEntry e, string type) => e.Objects.FirstOrDefault(o => o.ObjectType == type && o.Qualifier == Role.Part)?.ObjectId;

    private static JsonElement Attributes(EventLogEntry e) => JsonDocument.Parse(e.Attributes).RootElement;

    private List<(string Case, List<EventLogEntry> Events)> CaseHistories() =>
        [.. app.Journal.Where(e => Subject(e, "case") is not null).GroupBy(e => Subject(e, "case")!).Select(g => (g.Key, g.OrderBy(e => e.Id).ToList()))];

    [Fact]
    public void The_demo_shows_months_of_contacts_from_every_channel_and_cases_of_every_demo_case_type()
    {
        var today = BrusselsTime.LocalDate(DateTimeOffset.UtcNow);
        var cases = app.InScope(db => db.Set<Case>().AsNoTracking().ToList());
        var types = app.InScope(db => db.Set<CaseType>().AsNoTracking().ToList());
        var contacts = app.InScope(db => db.Set<Contact>().AsNoTracking().ToList());

        Assert.InRange(cases.Count, 200, 500);
        Assert.All(types.Where(t => t.IsCurrent), t => Assert.Contains(cases, c => c.CaseTypeId == t.Id));
        Assert.Equal(Enum.GetValues<ContactChannel>().Except([ContactChannel.Open311]).Order(), contacts.Select(c => c.Channel).Distinct().Order());
        Assert.Contains(contacts, c => c.CaseId is not null);
        Assert.Contains(contacts, c => c.Outcome == ContactOutcome.Referred);
        Assert.Contains(contacts, c => c.CalledBackAt is not null);

        // Over about four months, with cases still open, some of them late, some decided, some withdrawn.
        Assert.InRange(cases.Min(c => c.ReceivedOn), today.AddDays(-DemoProcessHistory.Days - 1), today.AddDays(-90));
        Assert.Contains(cases, c => !c.IsClosed && c.DueOn < today);
        Assert.Contains(cases, c => !c.IsClosed && c.DueOn >= today);
        Assert.Contains(cases, c => c.Status == "decided");
        Assert.Contains(cases, c => c.Status == "closed-withdrawn");
        Assert.Contains(cases, c => c.IsSuspended);
        // A received date before the day the case was typed in (business time).
        Assert.Contains(cases, c => c.ReceivedOn < BrusselsTime.LocalDate(c.CreatedAt));

        // Variants and rework for process mining: a request asked twice in one case, appeals, late advice.
        var histories = CaseHistories();
        Assert.Contains(histories, h => h.Events.Count(e => e.Activity == "deliver.request.asked") >= 2);
        Assert.Contains(app.Journal, e => e.Activity == "deliver.appeal.lodged");
        Assert.Contains(app.Journal, e => e.Activity == "deliver.advice.given" && !Attributes(e).GetProperty("kept").GetBoolean());
        Assert.True(histories.Select(h => string.Join(">", h.Events.Select(e => e.Activity))).Distinct().Count() > 30, "Too few variants.");
    }

    [Fact]
    public void Every_event_is_an_activity_of_the_catalogue_with_its_declared_objects_roles_and_attributes()
    {
        Assert.NotEmpty(app.Journal);
        foreach (var e in app.Journal)
        {
            var activity = ActivityCatalogue.Find(e.Activity);
            Assert.True(activity is not null, $"{e.Activity} is not in the catalogue.");
            Assert.Equal(activity.Kind, e.Kind);
            foreach (var o in e.Objects)
                Assert.True(activity.Objects.Contains(o.ObjectType + ":" + o.Qualifier), $"{e.Activity} names {o.ObjectType}:{o.Qualifier}, which its catalogue entry does not declare.");
            foreach (var attribute in Attributes(e).EnumerateObject())
                Assert.True(activity.Attributes.Contains(attribute.Name), $"{e.Activity} has the attribute '{attribute.Name}', which its catalogue entry does not declare.");
        }
    }

    [Fact]
    public void Every_case_history_starts_with_its_opening_and_runs_in_time_order()
    {
        foreach (var (id, events) in CaseHistories())
        {
            Assert.True(events[0].Activity == "deliver.case.opened", $"Case {id} starts with {events[0].Activity}.");
            Assert.Single(events, e => e.Activity == "deliver.case.opened");
            for (var i = 1; i < events.Count; i++)
            {
                Assert.True(events[i].At >= events[i - 1].At, $"Case {id}: {events[i].Activity} recorded before {events[i - 1].Activity}.");
                Assert.True(events[i].OccurredAt >= events[i - 1].OccurredAt, $"Case {id}: {events[i].Activity} happened before {events[i - 1].Activity}.");
            }
            Assert.True(events[0].OccurredAt <= events[0].At);
            Assert.All(events, e => Assert.Equal(TimeSpan.Zero, e.At.Offset));
        }
    }

    [Fact]
    public void The_records_are_in_the_state_their_last_events_say()
    {
        var journal = app.Journal;
        int Count(string activity) => journal.Count(e => e.Activity == activity);
        var cases = app.InScope(db => db.Set<Case>().AsNoTracking().ToList());
        var decisions = app.InScope(db => db.Set<Decision>().AsNoTracking().ToList());
        var requests = app.InScope(db => db.Set<CustomerRequest>().AsNoTracking().ToList());
        var advice = app.InScope(db => db.Set<AdviceRequest>().AsNoTracking().ToList());
        var contacts = app.InScope(db => db.Set<Contact>().AsNoTracking().ToList());

        Assert.Equal(cases.Count, Count("deliver.case.opened"));
        Assert.Equal(decisions.Count, Count("deliver.decision.issued"));
        Assert.Equal(decisions.Count, Count("deliver.decision.notified"));
        Assert.Equal(cases.Count(c => c.Status == "decided"), decisions.Count);
        Assert.Equal(app.InScope(db => db.Set<LodgedAppeal>().Count()), Count("deliver.appeal.lodged"));
        Assert.Equal(app.InScope(db => db.Set<CaseDocument>().Count()), Count("deliver.document.added"));
        Assert.Equal(requests.Count, Count("deliver.request.asked"));
        Assert.Equal(advice.Count, Count("deliver.advice.requested"));
        Assert.Equal(contacts.Count, Count("welcome.contact.received"));

        var byCase = CaseHistories().ToDictionary(h => h.Case, h => h.Events);
        foreach (var c in cases)
        {
            var events = byCase[c.Id.ToString()];
            var status = events.Select(e => e.Activity switch
            {
                "deliver.case.opened" => Attributes(e).GetProperty("status").GetString(),
                "deliver.case.status-changed" or "deliver.decision.issued" => Attributes(e).GetProperty("to").GetString(),
                _ => null,
            }).Last(s => s is not null);
            Assert.Equal(status, c.Status);
            Assert.Equal(c.Status is "decided" or "closed-withdrawn", c.IsClosed);
            var clock = events.LastOrDefault(e => e.Activity is "deliver.case.suspended" or "deliver.case.resumed");
            Assert.Equal(clock?.Activity == "deliver.case.suspended", c.IsSuspended);
            Assert.Equal(events.Any(e => e.Activity == "deliver.case.completed") || c.CompleteOn == c.ReceivedOn, c.CompleteOn is not null);
        }

        // What is still awaited is what the journal asked and never saw answered.
        var answered = journal.Where(e => e.Activity == "deliver.request.answered").Select(e => Part(e, "customer-request")).ToHashSet();
        Assert.Equal(requests.Where(r => r.IsOpen).Select(r => r.Id.ToString()).Order(),
            journal.Where(e => e.Activity == "deliver.request.asked").Select(e => Part(e, "customer-request")!).Where(r => !answered.Contains(r)).Order());
        var given = journal.Where(e => e.Activity == "deliver.advice.given").Select(e => Attributes(e).GetProperty("advice").GetString()).ToHashSet();
        Assert.Equal(advice.Where(a => a.IsOpen).Select(a => a.Id.ToString()).Order(), advice.Select(a => a.Id.ToString()).Where(a => !given.Contains(a)).Order());

        foreach (var contact in contacts)
        {
            var last = journal.Last(e => Subject(e, "contact") == contact.Id.ToString() && e.Kind == EventKind.Process);
            var expected = last.Activity switch
            {
                "welcome.contact.received" => ContactOutcome.Open,
                "welcome.contact.answered" or "welcome.contact.called-back" => ContactOutcome.Answered,
                "welcome.contact.routed" => ContactOutcome.Routed,
                "welcome.contact.referred" => ContactOutcome.Referred,
                "welcome.contact.call-back-promised" => ContactOutcome.CallBackPromised,
                "welcome.contact.case-opened" => ContactOutcome.CaseOpened,
                _ => throw new InvalidOperationException(last.Activity),
            };
            Assert.Equal(expected, contact.Outcome);
        }

        // A decision sent by e-mail names the message that carried it, sent; none waits in the outbox.
        var messages = app.InScope(db => db.Set<OutboxMessage>().AsNoTracking().ToList()).ToDictionary(m => m.Id.ToString());
        foreach (var notified in journal.Where(e => e.Activity == "deliver.decision.notified" && Attributes(e).GetProperty("channel").GetString() == "email"))
            Assert.NotNull(messages[notified.Objects.Single(o => o.ObjectType == "outbox-message").ObjectId].SentAt);
        Assert.DoesNotContain(messages.Values, m => m.IsPending);
    }

    [Fact]
    public void Customers_appear_in_the_journal_only_as_pseudonyms()
    {
        var numbers = app.InScope(db => db.Set<CasePartyNumber>().Select(n => n.Number).ToList()
            .Concat(db.Set<Contact>().Where(c => c.CustomerNumber != null).Select(c => c.CustomerNumber!).ToList()).ToHashSet());
        Assert.NotEmpty(numbers);
        var key = app.Services.GetRequiredService<JournalKey>();
        var pseudonyms = numbers.Select(key.Pseudonym).ToHashSet();
        var objects = app.InScope(db => db.Set<EventLogObject>().AsNoTracking().ToList());
        Assert.DoesNotContain(objects, o => numbers.Contains(o.ObjectId) || Regex.IsMatch(o.ObjectId, "^[0-9]{10,11}$"));
        Assert.All(objects.Where(o => o.ObjectType == "customer"), o => Assert.Contains(o.ObjectId, pseudonyms));
        Assert.Contains(objects, o => o.ObjectType == "customer");
        Assert.DoesNotContain(app.Journal, e => numbers.Any(n => e.Attributes.Contains(n, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_staff_pages_show_the_history()
    {
        var jar = new CookieJar();
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await jar.SignInAsync(client, DemoAccounts.Admin, DemoAccounts.Password)).StatusCode);
        var decided = app.InScope(db => db.Set<Case>().AsNoTracking().First(c => c.Status == "decided").Id);
        foreach (var url in new[] { "/staff/cases", "/staff/contacts", "/staff/contacts/call-backs", $"/staff/cases/{decided}", $"/staff/cases/{decided}/history" })
            Assert.True((await jar.GetAsync(client, url)).StatusCode == HttpStatusCode.OK, url);
    }
}
