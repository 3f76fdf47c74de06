using Guichet.Follow.Subscriptions;
using Guichet.Platform.Outbox;

namespace Guichet.Follow.Notices;

/// Works through the recipients of notices being sent, on every node: takes part of this minute's
/// mail budget (one row per minute shared by all nodes, moved by a conditional UPDATE in the same
/// transaction as the mails), puts that many queued recipients' mails into the outbox, each in the
/// transaction that marks its recipient "sending" (so a restart never sends a second copy), then
/// reads back from the outbox what became of them, and closes a notice when all have an outcome.
/// The outbox does the sending, its retries with back-off and its dead-lettering (ADR 0009).
internal sealed class NoticeSender(GuichetDb db, EventLog eventLog, TimeProvider time, NoticeMail mail, IOptions<NoticeOptions> options, ILogger<NoticeSender> log)
{
    private static readonly RecipientState[] Open = [RecipientState.Queued, RecipientState.Sending, RecipientState.TemporaryFailure];

    /// One round: returns how many mails it put into the outbox.
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var enqueued = 0;
        if (await db.Set<NoticeRecipient>().AnyAsync(r => r.State == RecipientState.Queued, ct))
            enqueued = await EnqueueAsync(ct);
        await ObserveAsync(ct);
        await FinishAsync(ct);
        return enqueued;
    }

    private long MinuteNow() => time.GetUtcNow().ToUnixTimeSeconds() / 60;

    /// Takes up to BatchSize of this minute's budget, and puts as many queued recipients into the outbox.
    private async Task<int> EnqueueAsync(CancellationToken ct)
    {
        var minute = MinuteNow();
        var limit = Math.Max(1, options.Value.MailsPerMinute);
        if (!await db.Set<NoticeSendBudget>().AnyAsync(b => b.Minute == minute, ct))
        {
            db.Add(new NoticeSendBudget(minute));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { } // another node made it first
            db.ChangeTracker.Clear();
            await db.Set<NoticeSendBudget>().Where(b => b.Minute < minute - 24 * 60).ExecuteDeleteAsync(ct);
        }

        mail.PrepareLinks();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var used = await db.Set<NoticeSendBudget>().Where(b => b.Minute == minute).Select(b => b.Used).SingleAsync(ct);
        var take = Math.Min(limit - used, options.Value.BatchSize);
        if (take <= 0) return 0;
        // The claim: only from the value read, so two nodes cannot both spend the same budget; on
        // PostgreSQL the second waits for the first's commit, then finds the value moved.
        var claimed = await db.Set<NoticeSendBudget>().Where(b => b.Minute == minute && b.Used == used)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Used, used + take), ct);
        if (claimed == 0) return 0;

        var recipients = await db.Set<NoticeRecipient>().Where(r => r.State == RecipientState.Queued)
            .OrderBy(r => r.NoticeId).ThenBy(r => r.Key).Take(take).ToListAsync(ct);
        var notices = new Dictionary<Guid, Notice>();
        var subscriberIds = recipients.Where(r => r.SubscriberId is not null).Select(r => r.SubscriberId!.Value).ToList();
        var stillThere = (await db.Set<Subscriber>().AsNoTracking().Where(s => subscriberIds.Contains(s.Id) && s.ConfirmedAt != null).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var r in recipients)
        {
            if (!notices.TryGetValue(r.NoticeId, out var notice))
                notices[r.NoticeId] = notice = await db.Set<Notice>().AsNoTracking().SingleAsync(n => n.Id == r.NoticeId, ct);
            if (r.SubscriberId is { } s && !stillThere.Contains(s))
            {
                r.Unsubscribed(now);
                eventLog.Record("system:notices", FollowActivities.NoticeWithheld, About(r));
                continue;
            }
            r.Enqueued(mail.Enqueue(notice, r, r.Customer is { } c ? new EventLogObject("customer", c, Role.Customer) : null), now);
            sent++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogInformation("Notice recipients were taken by another node; this round sends nothing.");
            return 0;
        }
        return sent;
    }

    private static List<EventLogObject> About(NoticeRecipient r)
    {
        var about = new List<EventLogObject> { new("notice", r.NoticeId.ToString(), Role.Subject) };
        if (r.SubscriberId is { } s) about.Add(new("subscriber", s.ToString(), Role.Recipient));
        if (r.Customer is { } c) about.Add(new("customer", c, Role.Customer));
        return about;
    }

    /// Reads the outbox's state of the mails in flight: sent, failing and retried, or dead-lettered.
    private async Task ObserveAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var inFlight = await db.Set<NoticeRecipient>()
            .Where(r => (r.State == RecipientState.Sending || r.State == RecipientState.TemporaryFailure) && r.OutboxMessageId != null)
            .Take(1000).ToListAsync(ct);
        if (inFlight.Count == 0) return;
        var ids = inFlight.Select(r => r.OutboxMessageId!.Value).ToList();
        var messages = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, Sent = m.SentAt != null, Dead = m.DeadLetteredAt != null, m.Attempts }).ToListAsync(ct)).ToDictionary(m => m.Id);
        var now = time.GetUtcNow();
        foreach (var r in inFlight)
        {
            // A message gone from the outbox was sent and purged after Outbox:KeepSentFor.
            var m = messages.GetValueOrDefault(r.OutboxMessageId!.Value);
            var state = m is null || m.Sent ? RecipientState.Sent : m.Dead ? RecipientState.PermanentFailure
                : m.Attempts > 0 ? RecipientState.TemporaryFailure : RecipientState.Sending;
            if (r.Observe(state, m?.Attempts ?? r.Attempts, now) && state == RecipientState.PermanentFailure)
                eventLog.Record("system:notices", FollowActivities.NoticeMailFailed, About(r), new Dictionary<string, object?> { ["attempts"] = r.Attempts });
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { } // another node observed the same at the same time
    }

    /// Closes the notices whose every recipient has an outcome.
    private async Task FinishAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var done = await db.Set<Notice>().Where(n => n.State == NoticeState.Sending
            && !db.Set<NoticeRecipient>().Any(r => r.NoticeId == n.Id && Open.Contains(r.State))).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var n in done)
        {
            var counts = await db.Set<NoticeRecipient>().Where(r => r.NoticeId == n.Id).GroupBy(r => r.State)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            n.Finish(now);
            eventLog.Record("system:notices", FollowActivities.NoticeCompleted, [new("notice", n.Id.ToString(), Role.Subject)], new Dictionary<string, object?>
            {
                ["sent"] = counts.GetValueOrDefault(RecipientState.Sent),
                ["failed"] = counts.GetValueOrDefault(RecipientState.PermanentFailure),
                ["withheld"] = counts.GetValueOrDefault(RecipientState.Unsubscribed),
                ["letters"] = counts.GetValueOrDefault(RecipientState.LetterDue) + counts.GetValueOrDefault(RecipientState.LetterPrinted),
            });
        }
        if (done.Count > 0) await db.SaveChangesAsync(ct);
    }
}

/// Runs the sender on every node, like the outbox dispatcher.
internal sealed class NoticeJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<NoticeOptions> options, ILogger<NoticeJob> log) : PeriodicJob(time, log)
{
    protected override TimeSpan? Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override async Task RoundAsync(CancellationToken ct) => await RunOnceAsync(ct);

    /// One round (tests call it themselves).
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NoticeSender>().RunOnceAsync(ct);
    }
}
