using System.Text;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Guichet.Platform.Outbox;

namespace Guichet.Follow.Webhooks;

/// What the outbox keeps for one webhook delivery: the receiver, the Standard Webhooks message id
/// (the same on every attempt, for the receiver's de-duplication) and the CloudEvent as JSON.
internal sealed record WebhookPayload(Guid SubscriptionId, string WebhookId, string Body);

/// Reads the journal after a cursor (like Satisfaction's SurveyJob, ADR 0016: earlier stages never
/// call Follow) and puts one outbox message per event and interested receiver, in the transaction
/// that moves the cursor from the value read: two nodes never send an event twice, and a restart
/// goes on from the cursor. The outbox sends them, at least once, with its retries (ADR 0009).
internal sealed class WebhookDispatch(GuichetDb db, Platform.Outbox.Outbox outbox, TimeProvider time, PublicUrls urls, IOptions<WebhookOptions> options)
{
    public const string Kind = "webhook";
    /// This job's cursor in the journal.
    public const string Reader = "follow.webhooks";
    private static readonly string[] Activities = [.. WebhookEvents.All.Select(t => t.Activity).Distinct()];
    private static readonly JsonEventFormatter Formatter = new();

    /// One batch; returns how many journal events it read.
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var cursor = await JournalCursor.FindAsync(db, Reader, ct);
        if (cursor is null) return 0; // nobody ever subscribed
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.Active).ToListAsync(ct);
        var settled = time.GetUtcNow().AddSeconds(-options.Value.SettleSeconds);
        var events = await db.Set<EventLogEntry>().AsNoTracking().Include(e => e.Objects)
            .Where(e => e.Id > cursor.LastEventId && Activities.Contains(e.Activity) && e.At <= settled)
            .OrderBy(e => e.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        if (events.Count == 0) return 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await JournalCursor.MoveAsync(db, Reader, cursor.LastEventId, events[^1].Id, ct)) return 0; // another node took this batch
        foreach (var e in events)
        {
            var type = WebhookEvents.ByActivity(e.Activity)!;
            var subject = e.Objects.FirstOrDefault(o => o.ObjectType == type.ObjectType && o.Qualifier == Role.Subject);
            if (subject is null) continue;
            foreach (var s in subscriptions.Where(s => e.Id > s.AfterEventId && s.EventTypes.Contains(type.Code)))
            {
                var webhookId = $"msg_{e.Id}_{s.Id:N}";
                outbox.Enqueue(Kind, new WebhookPayload(s.Id, webhookId, Body(e, type, subject.ObjectId)), $"{type.Code} → {new Uri(s.Url).Host}");
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return events.Count;
    }

    /// The CloudEvent (structured mode, JSON): its id is the journal event's, the same for every
    /// receiver; its data names the object and the API URL to read it, nothing personal.
    private string Body(EventLogEntry e, WebhookEventType type, string objectId)
    {
        var cloudEvent = new CloudEvent
        {
            Id = e.Id.ToString(CultureInfo.InvariantCulture),
            Source = new Uri(urls.BaseUrl + "/"),
            Type = type.CloudEventType,
            Time = e.At,
            Subject = $"{type.ObjectType}/{objectId}",
            DataContentType = "application/json",
            Data = new Dictionary<string, string>
            {
                ["object"] = type.ObjectType,
                ["id"] = objectId,
                ["url"] = urls.Absolute(type.ApiPath(objectId)),
            },
        };
        return Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(cloudEvent, out _).Span);
    }
}

internal sealed class WebhookJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<WebhookOptions> options, ILogger<WebhookJob> log) : PeriodicJob(time, log)
{
    protected override TimeSpan? Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override async Task RoundAsync(CancellationToken ct)
    {
        while (await RunOnceAsync(ct) >= options.Value.BatchSize) { }
    }

    /// One batch (tests call it themselves).
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookDispatch>().RunOnceAsync(ct);
    }
}
