namespace Guichet.Platform.Outbox;

/// Sends the outbox messages of one kind. Delivery is at least once (a node may die after
/// sending and before recording it), so a handler makes a repeat harmless: the mail handler
/// gives each message a stable Message-ID, so the receiving side can recognise a duplicate.
/// A failure is an exception; OutboxPermanentFailure means that retrying cannot help.
internal interface IOutboxHandler
{
    string Kind { get; }

    /// Whether this node may send this kind now; a handler that may not leaves its messages
    /// pending in the outbox (mail without a public address in Production, for instance).
    bool IsReady => true;

    Task HandleAsync(OutboxMessage message, CancellationToken ct);
}

/// A failure that another attempt would not cure (the payload cannot be read, the server
/// refuses the recipient for good): the message is dead-lettered at once.
internal sealed class OutboxPermanentFailure(string message, Exception? inner = null) : Exception(message, inner);
