using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Platform.Outbox;

// Runs on SQLite and on PostgreSQL, like every test of the suite (test.sh runs it twice).
public sealed class OutboxDispatcherTests(OutboxApp app) : IClassFixture<OutboxApp>
{
    private static readonly Activity RolledBack = Activity.Process("platform.test.rolled-back", "Test only.", ["outbox-message:subject"]);
    private static readonly Activity Committed = Activity.Process("platform.test.committed", "Test only.", ["outbox-message:subject"]);
    [Fact]
    public async Task A_message_is_committed_with_the_change_and_its_event_or_not_at_all()
    {
        var time = OutboxApp.Clock();
        Guid committed, rolledBack;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
            var outbox = new Guichet.Platform.Outbox.Outbox(db, time);
            var log = scope.ServiceProvider.GetRequiredService<EventLog>();

            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                rolledBack = outbox.Enqueue(ScriptedHandler.KindName, new Script(), "rolled back").Id;
                log.Record("test", RolledBack, [new EventLogObject("outbox-message", rolledBack.ToString(), Role.Subject)]);
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }
            db.ChangeTracker.Clear();

            committed = outbox.Enqueue(ScriptedHandler.KindName, new Script(), "committed").Id;
            log.Record("test", Committed, [new EventLogObject("outbox-message", committed.ToString(), Role.Subject)]);
            await db.SaveChangesAsync();
        }

        Assert.False(app.InScope(db => db.Set<OutboxMessage>().Any(m => m.Id == rolledBack)));
        Assert.False(app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Activity == RolledBack.Code)));
        Assert.True(app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Activity == Committed.Code)));
        var message = app.Message(committed);
        Assert.Equal(time.GetUtcNow(), message.NextAttemptAt);
        Assert.True(message.IsPending);

        await app.Dispatcher(time).DispatchDueAsync();
        Assert.Equal(1, app.Handler.Sent[committed]);
        Assert.NotNull(app.Message(committed).SentAt);
    }

    [Fact]
    public async Task A_message_sent_records_its_pending_event_naming_the_outbox_message()
    {
        var time = OutboxApp.Clock();
        var caseId = Guid.NewGuid();
        Guid id;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
            id = scope.ServiceProvider.GetRequiredService<Guichet.Platform.Outbox.Outbox>().Enqueue(ScriptedHandler.KindName, new Script(FailTimes: 1), "with an event",
                PendingEvent.MailSent("test", new EventLogObject("case", caseId.ToString(), Role.Case))).Id;
            scope.ServiceProvider.GetRequiredService<EventLog>().Record("test", Committed, [new EventLogObject("outbox-message", id.ToString(), Role.Subject)]);
            await db.SaveChangesAsync();
        }
        int Sent() => app.InScope(db => db.Set<EventLogEntry>().Count(e => e.Activity == PlatformActivities.MailSent.Code && e.Objects.Any(o => o.ObjectId == id.ToString())));

        var dispatcher = app.Dispatcher(time);
        await dispatcher.DispatchDueAsync();
        Assert.Equal(0, Sent()); // a failed attempt is not a sending
        time.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchDueAsync();
        Assert.Equal(1, Sent());
        var sent = app.InScope(db => db.Set<EventLogEntry>().Include(e => e.Objects).Single(e => e.Activity == PlatformActivities.MailSent.Code && e.Objects.Any(o => o.ObjectId == id.ToString())));
        Assert.Contains(sent.Objects, o => o is { ObjectType: "outbox-message", Qualifier: "message" } && o.ObjectId == id.ToString());
        Assert.Contains(sent.Objects, o => o is { ObjectType: "case", Qualifier: "case" } && o.ObjectId == caseId.ToString());
        Assert.Contains("\"attempts\":2", sent.Attributes);
        Assert.Contains("\"purpose\":\"test\"", sent.Attributes);
    }

    [Fact]
    public async Task A_failure_is_retried_after_the_backoff_and_then_sent()
    {
        var time = OutboxApp.Clock();
        var dispatcher = app.Dispatcher(time);
        var id = (await app.EnqueueAsync(time, new Script(FailTimes: 2)))[0];

        await dispatcher.DispatchDueAsync();
        var failed = app.Message(id);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("InvalidOperationException: failure 1", failed.LastError);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(30), failed.NextAttemptAt);
        Assert.Null(failed.ClaimedBy);
        Assert.True(failed.IsPending);

        time.Advance(TimeSpan.FromSeconds(29));
        await dispatcher.DispatchDueAsync();
        Assert.Equal(1, app.Message(id).Attempts); // not due yet

        time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DispatchDueAsync();
        Assert.Equal(2, app.Message(id).Attempts);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(2), app.Message(id).NextAttemptAt);

        time.Advance(TimeSpan.FromMinutes(2));
        await dispatcher.DispatchDueAsync();
        var sent = app.Message(id);
        Assert.Equal(3, sent.Attempts);
        Assert.Equal(time.GetUtcNow(), sent.SentAt);
        Assert.Null(sent.LastError);
        Assert.Equal(1, app.Handler.Sent[id]);

        time.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchDueAsync();
        Assert.Equal(1, app.Handler.Sent[id]); // a sent message is never sent again
    }

    [Fact]
    public async Task A_message_is_dead_lettered_after_the_configured_attempts_with_an_event()
    {
        var time = OutboxApp.Clock();
        var dispatcher = app.Dispatcher(time, OutboxApp.Options(maxAttempts: 3));
        var id = (await app.EnqueueAsync(time, new Script(FailTimes: 100)))[0];

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(app.Message(id).DeadLetteredAt);
            await dispatcher.DispatchDueAsync();
            time.Advance(TimeSpan.FromHours(1));
        }
        var dead = app.Message(id);
        Assert.Equal(3, dead.Attempts);
        Assert.NotNull(dead.DeadLetteredAt);
        Assert.False(dead.IsPending);
        Assert.Equal("InvalidOperationException: failure 3", dead.LastError);
        Assert.True(app.InScope(db => db.Set<EventLogEntry>().Include(e => e.Objects)
            .Any(e => e.Activity == "platform.outbox-message.dead-lettered" && e.Objects.Any(o => o.ObjectId == id.ToString()))));

        time.Advance(TimeSpan.FromDays(1));
        await dispatcher.DispatchDueAsync();
        Assert.Equal(3, app.Handler.Attempts[id]); // not tried again until someone asks
    }

    [Fact]
    public async Task A_permanent_failure_is_dead_lettered_at_once()
    {
        var time = OutboxApp.Clock();
        var id = (await app.EnqueueAsync(time, new Script(Permanent: true)))[0];

        await app.Dispatcher(time).DispatchDueAsync();

        var dead = app.Message(id);
        Assert.Equal(1, dead.Attempts);
        Assert.NotNull(dead.DeadLetteredAt);
        Assert.Contains("refused for good", dead.LastError);
    }

    [Fact]
    public async Task A_mail_server_refusal_is_kept_without_the_recipients_address()
    {
        var time = OutboxApp.Clock();
        var id = (await app.EnqueueAsync(time, new Script(Permanent: true,
            Error: "The mail server refused the mail: 550 5.1.1 <jan.peeters@example.be>: Recipient address rejected (also cc marie@example.org)")))[0];

        await app.Dispatcher(time).DispatchDueAsync();

        var dead = app.Message(id);
        Assert.NotNull(dead.DeadLetteredAt);
        Assert.Contains("550 5.1.1", dead.LastError);
        Assert.Contains("Recipient address rejected", dead.LastError);
        Assert.DoesNotContain("jan.peeters", dead.LastError);
        Assert.DoesNotContain("marie@example.org", dead.LastError);
        Assert.DoesNotContain("@", dead.LastError);
        Assert.DoesNotContain(app.InScope(db => db.Set<Guichet.Platform.EventLog.EventLogEntry>().AsNoTracking().ToList()),
            e => e.Attributes.Contains("jan.peeters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_node_that_dies_mid_send_leaves_the_message_to_be_retried_when_its_claim_expires()
    {
        var time = OutboxApp.Clock();
        var options = OutboxApp.Options();
        var id = (await app.EnqueueAsync(time, new Script()))[0];

        // The first node claims the message, then dies before sending or recording anything.
        var dying = app.Dispatcher(time, options);
        using (var scope = app.Services.CreateScope())
        {
            var claimed = await dying.ClaimAsync(scope.ServiceProvider.GetRequiredService<GuichetDb>(), "dead-node/1", [ScriptedHandler.KindName], default);
            Assert.Contains(id, claimed);
        }

        var survivor = app.Dispatcher(time, options);
        await survivor.DispatchDueAsync();
        Assert.False(app.Handler.Sent.ContainsKey(id)); // still held by the dead node's claim
        Assert.Equal("dead-node/1", app.Message(id).ClaimedBy);

        time.Advance(options.ClaimTimeout + TimeSpan.FromSeconds(1));
        await survivor.DispatchDueAsync();
        Assert.Equal(1, app.Handler.Sent[id]);
        Assert.NotNull(app.Message(id).SentAt);
    }

    [Fact]
    public async Task Two_dispatchers_never_send_the_same_message_twice()
    {
        var time = OutboxApp.Clock();
        var ids = await app.EnqueueAsync(time, Enumerable.Range(0, 40).Select(_ => new Script(DelayMs: 10)).ToArray());
        var first = app.Dispatcher(time);
        var second = app.Dispatcher(time);

        static async Task DrainAsync(OutboxDispatcher d)
        {
            while (await d.DispatchDueAsync() > 0) { }
        }
        await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));
        await DrainAsync(first); // whatever one left while the other was busy

        Assert.DoesNotContain(app.Handler.Overlaps, ids.Contains);
        Assert.All(ids, id => Assert.Equal(1, app.Handler.Sent[id]));
        Assert.All(ids, id => Assert.Equal(1, app.Handler.Attempts[id]));
        Assert.All(ids, id => Assert.NotNull(app.Message(id).SentAt));
    }

    [Fact]
    public async Task Concurrent_claims_take_disjoint_sets_of_messages()
    {
        var time = OutboxApp.Clock();
        var ids = await app.EnqueueAsync(time, Enumerable.Range(0, 30).Select(_ => new Script()).ToArray());
        var dispatcher = app.Dispatcher(time);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            return await dispatcher.ClaimAsync(scope.ServiceProvider.GetRequiredService<GuichetDb>(), $"claimer/{i}", [ScriptedHandler.KindName], default);
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(claims, c => Assert.True(c.Count <= 5));
        Assert.All(all, id => Assert.Contains(id, ids));

        // Claimed messages wait for their claims to expire; then they are sent once.
        time.Advance(TimeSpan.FromMinutes(6));
        while (await dispatcher.DispatchDueAsync() > 0) { }
        Assert.All(ids, id => Assert.Equal(1, app.Handler.Sent[id]));
    }

    [Fact]
    public async Task Kinds_without_a_handler_on_this_node_are_left_alone()
    {
        var time = OutboxApp.Clock();
        Guid id;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
            id = new Guichet.Platform.Outbox.Outbox(db, time).Enqueue("from-a-newer-version", new { }, "newer").Id;
            await db.SaveChangesAsync();
        }

        await app.Dispatcher(time).DispatchDueAsync();

        var message = app.Message(id);
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.ClaimedBy);
        Assert.True(message.IsPending);
    }

    [Fact]
    public async Task Sent_messages_are_purged_after_the_retention_period()
    {
        var time = OutboxApp.Clock();
        var options = OutboxApp.Options();
        options.KeepSentFor = TimeSpan.FromDays(30);
        var dispatcher = app.Dispatcher(time, options);
        var ids = await app.EnqueueAsync(time, new Script(), new Script(FailTimes: 100));
        await dispatcher.DispatchDueAsync();

        time.Advance(TimeSpan.FromDays(31));
        await dispatcher.PurgeSentAsync(default);

        Assert.False(app.InScope(db => db.Set<OutboxMessage>().Any(m => m.Id == ids[0])));
        Assert.True(app.InScope(db => db.Set<OutboxMessage>().Any(m => m.Id == ids[1]))); // unsent: kept

        // Leave nothing pending for the other tests of this class.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        await db.Set<OutboxMessage>().Where(m => m.Id == ids[1]).ExecuteDeleteAsync();
    }
}
