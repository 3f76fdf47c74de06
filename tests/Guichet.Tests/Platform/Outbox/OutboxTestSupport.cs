using System.Collections.Concurrent;
using System.Text.Json;
using Guichet.Platform.Data;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Tests.Platform.Outbox;

/// What a test message asks of the ScriptedHandler: fail its first N attempts, fail for good,
/// take a while.
public sealed record Script(int FailTimes = 0, bool Permanent = false, int DelayMs = 0, string? Error = null);

/// A handler for the test kind "test": it does what the message's Script says and records every
/// send, and whether two sends of one message ever overlapped.
internal sealed class ScriptedHandler : IOutboxHandler
{
    public const string KindName = "test";
    public string Kind => KindName;

    public ConcurrentDictionary<Guid, int> Attempts { get; } = new();
    public ConcurrentDictionary<Guid, int> Sent { get; } = new();
    public ConcurrentBag<Guid> Overlaps { get; } = [];
    private readonly ConcurrentDictionary<Guid, byte> _inFlight = new();

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        if (!_inFlight.TryAdd(message.Id, 0)) Overlaps.Add(message.Id);
        try
        {
            var script = JsonSerializer.Deserialize<Script>(message.Payload, JsonColumn.Options)!;
            var attempt = Attempts.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
            if (script.DelayMs > 0) await Task.Delay(script.DelayMs, ct);
            if (script.Permanent) throw new OutboxPermanentFailure(script.Error ?? "refused for good");
            if (attempt <= script.FailTimes) throw new InvalidOperationException($"failure {attempt}");
            Sent.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        }
        finally
        {
            _inFlight.TryRemove(message.Id, out _);
        }
    }
}

/// A Guichet host that also knows the "test" kind.
public sealed class OutboxApp : GuichetApp
{
    internal ScriptedHandler Handler { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.AddSingleton<IOutboxHandler>(Handler));

    internal static OutboxOptions Options(int maxAttempts = 10) => new()
    {
        BatchSize = 5,
        MaxAttempts = maxAttempts,
        ClaimTimeout = TimeSpan.FromMinutes(5),
        RetryDelays = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)],
    };

    /// A dispatcher over this host's database, on a clock of the test's own.
    internal OutboxDispatcher Dispatcher(TimeProvider time, OutboxOptions? options = null) => new(
        Services.GetRequiredService<IServiceScopeFactory>(),
        Microsoft.Extensions.Options.Options.Create(options ?? Options()),
        time,
        NullLogger<OutboxDispatcher>.Instance);

    /// Enqueues test messages and commits them, as a use case would.
    internal async Task<List<Guid>> EnqueueAsync(TimeProvider time, params Script[] scripts)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var outbox = new Guichet.Platform.Outbox.Outbox(db, time);
        var ids = scripts.Select(s => outbox.Enqueue(ScriptedHandler.KindName, s, "test message").Id).ToList();
        await db.SaveChangesAsync();
        return ids;
    }

    internal static FakeTimeProvider Clock() => new(new DateTimeOffset(2030, 3, 4, 9, 0, 0, TimeSpan.Zero));
}
