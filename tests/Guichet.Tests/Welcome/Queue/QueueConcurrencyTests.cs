using System.Collections.Concurrent;
using System.Net;
using Guichet.Tests.Support;
using Guichet.Welcome.Queue;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Welcome.Queue;

/// Runs on SQLite and on PostgreSQL (test.sh runs the suite on both).
public sealed class QueueConcurrencyTests(QueueApp app) : IClassFixture<QueueApp>
{
    [Fact]
    public async Task Desks_calling_next_at_the_same_moment_never_get_the_same_ticket()
    {
        app.NewDay();
        var kiosk = app.Client();
        var issued = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(10));
            issued.Add((await Q.IssueAsync(kiosk, Q.Passport)).Code);
        }
        var desks = new List<Guid>();
        for (var i = 0; i < 6; i++) desks.Add(await app.NewDeskAsync(Q.Passport));
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);

        var called = new ConcurrentBag<(Guid Desk, string Code)>();
        using var start = new Barrier(desks.Count);
        await Task.WhenAll(desks.Select(desk => Task.Run(async () =>
        {
            start.SignalAndWait(); // every desk's first call starts at once, all aiming at the same first ticket
            while (true)
            {
                var response = await Q.CallNextAsync(staff, desk);
                if (response.StatusCode == HttpStatusCode.NoContent) return;
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var ticket = await response.ReadJsonAsync();
                called.Add((desk, ticket.GetProperty("code").GetString()!));
                var done = await Q.ActAsync(staff, desk, ticket.GetProperty("id").GetGuid(), "finish", new { outcome = "answered" });
                Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            }
        })));

        Assert.Equal(issued.Order(), called.Select(c => c.Code).Order());
        Assert.Equal(called.Count, called.Select(c => c.Code).Distinct().Count());
        // Each call is in the event log once.
        var calls = app.InScope(db => db.Set<Guichet.Platform.EventLog.EventLogEntry>().Count(e => e.Activity == "welcome.ticket.called" && e.At >= app.Clock.GetUtcNow().AddMinutes(-10)));
        Assert.Equal(issued.Count, calls);
    }

    [Fact]
    public async Task One_desk_calling_twice_at_the_same_moment_gets_one_customer()
    {
        app.NewDay();
        var kiosk = app.Client();
        for (var i = 0; i < 4; i++) await Q.IssueAsync(kiosk, Q.Address);
        var desk = await app.NewDeskAsync(Q.Address);
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Q.CallNextAsync(staff, desk))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            Assert.Equal((409, "desk-busy"), ((await refused.ProblemAsync()).Status, (await refused.ProblemAsync()).Code));
        Assert.Equal(1, app.InScope(db => db.Set<QueueTicket>().Count(t => t.DeskId == desk && t.Status == TicketStatus.Called)));
    }

    [Fact]
    public async Task Kiosks_issuing_at_the_same_moment_get_distinct_numbers()
    {
        app.NewDay();
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Q.IssueAsync(app.Client(), Q.Licence))));
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"D-{n:000}"), responses.Select(r => r.Code).Order());
    }

    [Fact]
    public async Task A_number_taken_outside_the_counter_is_skipped_once_the_counter_catches_up()
    {
        app.NewDay();
        Assert.Equal("D-001", (await Q.IssueAsync(app.Client(), Q.Licence)).Code);
        // As after a restore or an import: the counter is behind the tickets of the day.
        app.InScope(db => db.Database.ExecuteSqlRaw("""UPDATE welcome_queue_number_counters SET "Last" = 0"""));
        Assert.Equal("D-002", (await Q.IssueAsync(app.Client(), Q.Licence)).Code);
        Assert.Equal("D-003", (await Q.IssueAsync(app.Client(), Q.Licence)).Code);
    }
}
