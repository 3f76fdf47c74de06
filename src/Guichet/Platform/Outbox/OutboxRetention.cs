namespace Guichet.Platform.Outbox;

/// Retention of dead-lettered messages (Outbox:KeepDeadLetteredFor): removed once an admin had
/// time to retry them. (Sent ones are removed by the dispatcher itself, Outbox:KeepSentFor.)
internal sealed class OutboxRetention(IOptions<OutboxOptions> options) : IRetentionRule
{
    public string Name => "outbox-dead-letters";

    public async Task<int> ApplyAsync(GuichetDb db, DateTimeOffset now, CancellationToken ct)
    {
        var before = now - options.Value.KeepDeadLetteredFor;
        return await db.Set<OutboxMessage>().Where(m => m.SentAt == null && m.DeadLetteredAt != null && m.DeadLetteredAt < before).ExecuteDeleteAsync(ct);
    }
}
