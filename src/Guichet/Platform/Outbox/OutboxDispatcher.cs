namespace Guichet.Platform.Outbox;

/// Sends what the outbox holds. Every node may run one: a round first claims a batch of due
/// messages in one UPDATE (PostgreSQL: FOR UPDATE SKIP LOCKED, so two nodes never take the same
/// row; SQLite: one writer at a time, so the conditional UPDATE is enough), then hands each to
/// the handler of its kind and records the outcome. A node that dies mid-send leaves its claim
/// to expire, and the message is sent again (at least once). Only kinds this node has a handler
/// for are claimed, so an older node leaves a newer kind alone.
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    /// Names this dispatcher in claims (several may run in one process in tests).
    public string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        using var timer = new PeriodicTimer(_options.PollInterval, time);
        do
        {
            try
            {
                // A full batch means more may be due: go on at once.
                while (await DispatchDueAsync(stoppingToken) >= _options.BatchSize) { }
                await PurgeSentAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment; the next tick tries again.
                logger.LogError(e, "Outbox round failed.");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    /// One round: claims up to BatchSize due messages and sends them one by one. Returns how many
    /// were claimed.
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        var claim = $"{Node}/{Guid.NewGuid():N}";
        List<Guid> claimed;
        using (var scope = scopes.CreateScope())
        {
            var kinds = scope.ServiceProvider.GetServices<IOutboxHandler>().Where(h => h.IsReady).Select(h => h.Kind).Distinct().ToArray();
            if (kinds.Length == 0) return 0;
            var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
            claimed = await ClaimAsync(db, claim, kinds, ct);
        }
        foreach (var id in claimed)
            await SendAsync(id, claim, ct);
        return claimed.Count;
    }

    /// Marks up to BatchSize due messages as held by <paramref name="claim"/> until now +
    /// ClaimTimeout, and returns their ids (oldest due first).
    internal async Task<List<Guid>> ClaimAsync(GuichetDb db, string claim, string[] kinds, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + _options.ClaimTimeout;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE platform_outbox SET "ClaimedBy" = {claim}, "ClaimedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM platform_outbox
                    WHERE "SentAt" IS NULL AND "DeadLetteredAt" IS NULL AND "NextAttemptAt" <= {now}
                      AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now}) AND "Kind" = ANY({kinds})
                    ORDER BY "NextAttemptAt"
                    LIMIT {_options.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        else
        {
            // SQLite has one writer at a time: this single UPDATE re-reads the rows it changes
            // under the write lock, so two rounds cannot both claim a row.
            await db.Set<OutboxMessage>()
                .Where(m => m.SentAt == null && m.DeadLetteredAt == null && m.NextAttemptAt <= now
                    && (m.ClaimedUntil == null || m.ClaimedUntil < now) && kinds.Contains(m.Kind))
                .OrderBy(m => m.NextAttemptAt)
                .Take(_options.BatchSize)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, until), ct);
        }
        return await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ClaimedBy == claim)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .ToListAsync(ct);
    }

    private async Task SendAsync(Guid id, string claim, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id && m.ClaimedBy == claim, ct);
        if (message is null) return; // the claim expired and another round took it
        var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().First(h => h.Kind == message.Kind);

        string? error = null;
        var permanent = false;
        try
        {
            await handler.HandleAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // shutting down: whether it went out is unknown, so the claim expires and it is retried
        }
        catch (Exception e)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            permanent = e is OutboxPermanentFailure;
        }

        var now = time.GetUtcNow();
        if (error is null)
        {
            message.MarkSent(now);
            if (message.OnSent is not null && JsonSerializer.Deserialize<PendingEvent>(message.OnSent, JsonColumn.Options) is { } sent)
            {
                var activity = ActivityCatalogue.Get(sent.Activity);
                var attributes = new Dictionary<string, object?>(sent.Attributes);
                if (activity.Attributes.Contains("attempts")) attributes["attempts"] = message.Attempts;
                scope.ServiceProvider.GetRequiredService<EventLog.EventLog>().Record("system:outbox", activity,
                    sent.ObjectsWith(new EventLogObject("outbox-message", message.Id.ToString(), Role.Message)), attributes);
            }
        }
        else if (message.RecordFailure(error, permanent, now, _options))
        {
            logger.LogError("Outbox message {Id} ({Kind}) is dead-lettered after {Attempts} attempts: {Error}", message.Id, message.Kind, message.Attempts, message.LastError);
            scope.ServiceProvider.GetRequiredService<EventLog.EventLog>().Record("system:outbox", PlatformActivities.MessageDeadLettered,
                [new EventLogObject("outbox-message", message.Id.ToString(), Role.Subject)],
                new Dictionary<string, object?> { ["kind"] = message.Kind, ["attempts"] = message.Attempts, ["error"] = message.LastError });
        }
        else
        {
            logger.LogWarning("Outbox message {Id} ({Kind}) failed (attempt {Attempts}), next try at {Next}: {Error}", message.Id, message.Kind, message.Attempts, message.NextAttemptAt, message.LastError);
        }

        try
        {
            // CancellationToken.None: the outcome of a send that happened must be recorded.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Outbox message {Id}: the claim expired during the send and another round took it over.", message.Id);
        }
    }

    /// Deletes sent messages older than KeepSentFor (they carry personal data), at most hourly.
    internal async Task PurgeSentAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now - _lastPurge < TimeSpan.FromHours(1)) return;
        _lastPurge = now;
        var before = now - _options.KeepSentFor;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(ct);
    }
}
