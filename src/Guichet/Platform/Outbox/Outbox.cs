namespace Guichet.Platform.Outbox;

/// Puts a message to send into the use case's unit of work: it is added to the same GuichetDb
/// and committed by the same SaveChanges as the business change and its event-log entry, so a
/// mail goes out if and only if the change was stored. Nothing is sent here.
internal sealed class Outbox(GuichetDb db, TimeProvider time)
{
    public OutboxMessage Enqueue<T>(string kind, T payload, string summary, EventLog.PendingEvent? onSent = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (kind.Length > OutboxMessage.MaxKind) throw new ArgumentException($"An outbox kind has at most {OutboxMessage.MaxKind} characters.", nameof(kind));
        var message = new OutboxMessage(kind, JsonSerializer.Serialize(payload, JsonColumn.Options), summary, time.GetUtcNow(),
            onSent is null ? null : JsonSerializer.Serialize(onSent, JsonColumn.Options));
        db.Add(message);
        return message;
    }
}
