namespace Guichet.Welcome.Queue.Api;

/// The display board's stream (Server-Sent Events): every call and recall of an office, as
/// `event: call` with the event-log id as `id`. Calls made on this node arrive through the
/// broadcaster at once; calls made on other nodes are found by polling the event log every
/// DisplayPollInterval. A call is sent once, whichever way it came.
internal static class QueueEvents
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollTolerance = TimeSpan.FromMilliseconds(20);

    internal sealed record CallMessage(long Id, string Ticket, int Desk, bool Recall, string Text, DateTimeOffset At);

    public static WebApplication MapQueueEvents(this WebApplication app)
    {
        app.MapGet("/queue/offices/{id:guid}/events", StreamAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task StreamAsync(Guid id, HttpContext http, GuichetDb db, QueueBroadcaster broadcaster, Texts texts, TimeProvider time,
        IOptions<QueueOptions> options, IHostApplicationLifetime lifetime, CancellationToken requestAborted)
    {
        // The stream ends when the board goes away or the node shuts down (it would otherwise hold the shutdown up).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;
        if (!await db.Set<QueueOffice>().AnyAsync(o => o.Id == id, ct))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        // Subscribe before reading where the stream starts, so that no call falls in between.
        using var subscription = broadcaster.Subscribe(id);
        var start = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), out var last) ? last
            : await db.Set<EventLogEntry>().MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var language = Languages.Current;

        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 2000\n: connected\n\n", ct);
        await response.Body.FlushAsync(ct);

        var seen = new Dictionary<long, DateTimeOffset>();
        var poll = options.Value.DisplayPollInterval;
        var nextPoll = DateTime.UtcNow; // the first poll at once
        var lastWrite = DateTime.UtcNow;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                // Wake at a local call, or when the next poll is due (real time: the poll is plumbing, not a domain instant).
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    var untilPoll = nextPoll - DateTime.UtcNow;
                    wait.CancelAfter(untilPoll > TimeSpan.Zero ? untilPoll : TimeSpan.Zero);
                    try { await subscription.Reader.WaitToReadAsync(wait.Token); }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
                }
                var calls = new List<QueueCall>();
                while (subscription.Reader.TryRead(out var call)) calls.Add(call);
                // A timer may fire a little early: a poll due within a few milliseconds is made now
                // rather than skipped for a whole interval.
                if (DateTime.UtcNow >= nextPoll - PollTolerance)
                {
                    nextPoll = DateTime.UtcNow + poll;
                    calls.AddRange(await QueueCalls.SinceAsync(db, id, start, time.GetUtcNow() - Window, ct));
                }
                foreach (var call in calls.Where(c => c.EventId > start).OrderBy(c => c.EventId))
                {
                    if (!seen.TryAdd(call.EventId, call.At)) continue;
                    await WriteAsync(response, Message(call, texts, language), ct);
                    lastWrite = DateTime.UtcNow;
                }
                foreach (var old in seen.Where(s => s.Value < time.GetUtcNow() - 2 * Window).Select(s => s.Key).ToList()) seen.Remove(old);
                if (DateTime.UtcNow - lastWrite >= KeepAlive)
                {
                    // A comment line keeps proxies from closing an idle stream.
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    lastWrite = DateTime.UtcNow;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The board went away.
        }
    }

    public static CallMessage Message(QueueCall call, Texts texts, string language) =>
        new(call.EventId, call.Code, call.Desk, call.Recall, string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.Get(language, "queue.display.announce"), call.Code, call.Desk), call.At);

    private static async Task WriteAsync(HttpResponse response, CallMessage message, CancellationToken ct)
    {
        await response.WriteAsync($"id: {message.Id}\nevent: call\ndata: {JsonSerializer.Serialize(message, JsonColumn.Options)}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
