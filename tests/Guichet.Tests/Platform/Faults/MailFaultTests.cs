using System.Globalization;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Mail;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Tests.Platform.Faults;

/// A node whose mail goes to the test mail server through a SmtpGate.
public sealed class MailFaultApp : GuichetApp
{
    private readonly int _smtpPort;
    private readonly FakeTimeProvider? _clock;

    /// With a clock, the test moves time on past the outbox's waits between tries.
    public MailFaultApp(int smtpPort, FakeTimeProvider? clock = null)
    {
        _smtpPort = smtpPort;
        _clock = clock;
    }

    /// Another node of <paramref name="first"/>'s installation (the same database).
    public MailFaultApp(MailFaultApp first, int smtpPort) : base(first.Database) => _smtpPort = smtpPort;

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        TestMailServer.UseIn(builder);
        builder.UseSetting("Mail:Port", _smtpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Timeout", "00:00:10");
        builder.UseSetting("Outbox:BatchSize", "5");
        builder.UseSetting("Outbox:ClaimTimeout", "00:00:03");
        if (_clock is not null) builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
    }

    public Task<int> DispatchAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

    /// Queues one plain mail per recipient, as a use case would (with its journal event).
    public async Task<List<Guid>> EnqueueAsync(IEnumerable<string> recipients)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var ids = new List<Guid>();
        foreach (var to in recipients)
        {
            var message = scope.ServiceProvider.GetRequiredService<Guichet.Platform.Outbox.Outbox>().EnqueueMail(
                new Guichet.Platform.Mail.MailMessage { To = [new(to)], Subject = "Fault test " + to, TextBody = "Bonjour." }, PendingEvent.MailSent("test"));
            scope.ServiceProvider.GetRequiredService<Guichet.Platform.EventLog.EventLog>().Record("test", Activity.Process("platform.test-mail.enqueued", "A test mail was queued.", ["outbox-message:subject"]),
                [new EventLogObject("outbox-message", message.Id.ToString(), Role.Subject)]);
            ids.Add(message.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    public int Unsent(IEnumerable<Guid> ids) => InScope(db => db.Set<OutboxMessage>().Count(m => ids.Contains(m.Id) && m.SentAt == null));
}

/// The mail faults of issue 12 (§7), against the real test mail server: the server down and back
/// (every mail once), two nodes draining one backlog (no duplicates), a node killed mid-send (at
/// most one duplicate, each copy with the outbox message's id as its Message-ID: at-least-once).
public sealed class MailFaultTests
{
    /// The nodes of a test, ended in the reverse order of their start (the first one owns the database).
    private sealed class Nodes : IAsyncDisposable
    {
        private readonly Stack<Func<Task>> _stops = new();

        public async Task<MailFaultApp> StartAsync(MailFaultApp app)
        {
            await ((IAsyncLifetime)app).InitializeAsync();
            _stops.Push(() => ((IAsyncLifetime)app).DisposeAsync());
            return app;
        }

        public AppProcess Add(AppProcess process)
        {
            _stops.Push(() => process.DisposeAsync().AsTask());
            return process;
        }

        public async ValueTask DisposeAsync()
        {
            while (_stops.TryPop(out var stop)) await stop();
        }
    }

    private static string Recipient(string marker, int i) => $"fault-{marker}-{i}@example.be";

    /// Rounds until every message is sent, within <paramref name="seconds"/>.
    private static async Task DrainAsync(MailFaultApp app, IReadOnlyCollection<Guid> ids, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (app.Unsent(ids) > 0)
        {
            Assert.True(DateTime.UtcNow < until, $"{app.Unsent(ids)} of {ids.Count} mails still unsent after {seconds} s; "
                + app.InScope(db => db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id) && m.SentAt == null).Select(m => m.Attempts + " " + m.NextAttemptAt + " " + m.ClaimedUntil + " " + m.LastError).First()));
            if (await app.DispatchAsync() == 0) await Task.Delay(200);
        }
    }

    /// How many copies of each mail the server got, checking each copy's Message-ID.
    private static async Task<List<int>> CopiesAsync(string marker, IReadOnlyList<Guid> ids)
    {
        var copies = new List<int>();
        for (var i = 0; i < ids.Count; i++)
        {
            var mails = await TestMailServer.MailsToAsync(Recipient(marker, i));
            Assert.All(mails, m => Assert.Equal($"<{ids[i]:N}@test.guichet.example>", m.Header("Message-ID")));
            copies.Add(mails.Count);
        }
        return copies;
    }

    [Fact]
    public async Task The_mail_server_down_and_back_every_mail_arrives_once()
    {
        using var gate = new SmtpGate(TestMailServer.SmtpPort);
        gate.Shut();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var nodes = new Nodes();
        var app = await nodes.StartAsync(new MailFaultApp(gate.Port, clock));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var ids = await app.EnqueueAsync(Enumerable.Range(0, 12).Select(i => Recipient(marker, i)));

        // Down: every round fails, nothing is lost, the error is kept.
        for (var round = 0; round < 3; round++)
        {
            while (await app.DispatchAsync() > 0) { }
            clock.Advance(TimeSpan.FromHours(1)); // past the wait before the next try
        }
        Assert.Equal(ids.Count, app.Unsent(ids));
        Assert.All(app.InScope(db => db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ToList()), m =>
        {
            Assert.Equal(3, m.Attempts);
            Assert.NotNull(m.LastError);
            Assert.Null(m.DeadLetteredAt);
        });

        // Back: all go, each once.
        gate.Open();
        clock.Advance(TimeSpan.FromHours(1));
        await DrainAsync(app, ids);
        Assert.All(await CopiesAsync(marker, ids), n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Two_nodes_on_one_database_send_one_backlog_without_duplicates()
    {
        using var gate = new SmtpGate(TestMailServer.SmtpPort, delayMs: 5);

        await using var nodes = new Nodes();
        var first = await nodes.StartAsync(new MailFaultApp(gate.Port));
        var second = await nodes.StartAsync(new MailFaultApp(first, gate.Port));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var ids = await first.EnqueueAsync(Enumerable.Range(0, 30).Select(i => Recipient(marker, i)));

        await Task.WhenAll(Task.Run(() => DrainAsync(first, ids)), Task.Run(() => DrainAsync(second, ids)));

        Assert.All(await CopiesAsync(marker, ids), n => Assert.Equal(1, n));
        // Both nodes did their part of the work only if the claims kept them apart: the sum is right.
        Assert.Equal(0, first.Unsent(ids));
    }

    [Fact]
    public async Task A_node_killed_mid_send_leaves_at_most_one_duplicate_per_mail_each_with_the_message_id()
    {
        using var gate = new SmtpGate(TestMailServer.SmtpPort, delayMs: 40);
        gate.Open();
        await using var nodes = new Nodes();
        var survivor = await nodes.StartAsync(new MailFaultApp(gate.Port));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var ids = await survivor.EnqueueAsync(Enumerable.Range(0, 20).Select(i => Recipient(marker, i)));

        // The node to kill: the real app in its own process, sending the backlog slowly.
        var doomed = nodes.Add(new AppProcess(survivor.Database, new Dictionary<string, string>
        {
            ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = gate.Port.ToString(CultureInfo.InvariantCulture), ["Mail:Tls"] = "none",
            ["Mail:FromAddress"] = TestMailServer.FromAddress, ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:BatchSize"] = "5", ["Outbox:ClaimTimeout"] = "00:00:03",
        }));
        await doomed.StartAsync();
        var until = DateTime.UtcNow.AddSeconds(120);
        while (survivor.Unsent(ids) > ids.Count - 3)
        {
            Assert.True(DateTime.UtcNow < until, "The node to kill sent nothing in 120 s.");
            await Task.Delay(20);
        }
        doomed.Kill();

        // The survivor takes over what the dead node held once its claims expire.
        await DrainAsync(survivor, ids);
        var copies = await CopiesAsync(marker, ids);
        Assert.All(copies, n => Assert.InRange(n, 1, 2));
    }
}
