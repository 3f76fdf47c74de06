namespace Guichet.Platform.Outbox;

/// Something to send to the outside world (a mail, later a webhook), written in the same
/// transaction as the change that causes it and sent afterwards by the OutboxDispatcher, at
/// least once. Its life: pending -> (claimed -> failed -> pending)* -> sent, or dead-lettered
/// after too many failures, from where an admin may retry it.
internal sealed partial class OutboxMessage
{
    public const int MaxKind = 50;
    public const int MaxSummary = 300;
    public const int MaxError = 2000;

    public Guid Id { get; private set; }

    /// Which IOutboxHandler sends it ("mail").
    public string Kind { get; private set; } = "";

    /// What to send, as JSON; the handler of the kind reads it.
    public string Payload { get; private set; } = "";

    /// The journal event to record when it is sent (a PendingEvent as JSON), or none.
    public string? OnSent { get; private set; }

    /// A line for people (the staff page): for a mail, its recipient and subject.
    public string Summary { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? DeadLetteredAt { get; private set; }

    /// The dispatcher round that holds it, and until when; also the concurrency token, so a
    /// round whose claim has expired and was taken over cannot record an outcome any more.
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }

    private OutboxMessage() { }

    public OutboxMessage(string kind, string payload, string summary, DateTimeOffset now, string? onSent = null)
    {
        OnSent = onSent;
        Id = Guid.NewGuid();
        Kind = kind;
        Payload = payload;
        Summary = summary.Length > MaxSummary ? summary[..MaxSummary] : summary;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public bool IsPending => SentAt is null && DeadLetteredAt is null;

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
        ReleaseClaim();
    }

    /// A failed attempt: try again after the configured delay, or give up (dead-letter) when the
    /// attempts are used up or the failure is permanent. Returns whether it was dead-lettered.
    public bool RecordFailure(string error, bool permanent, DateTimeOffset now, OutboxOptions options)
    {
        Attempts++;
        error = WithoutAddresses(error);
        LastError = error.Length > MaxError ? error[..MaxError] : error;
        ReleaseClaim();
        if (permanent || Attempts >= options.MaxAttempts)
        {
            DeadLetteredAt = now;
            return true;
        }
        NextAttemptAt = now + options.DelayAfter(Attempts);
        return false;
    }

    /// An admin asks for another try now; a dead-lettered message gets a fresh series of attempts.
    public void RetryNow(DateTimeOffset now)
    {
        if (SentAt is not null) throw new InvalidOperationException("A sent message is not retried.");
        if (DeadLetteredAt is not null) Attempts = 0;
        DeadLetteredAt = null;
        NextAttemptAt = now;
    }

    /// Mail servers name the recipient in their refusals ("550 5.1.1 <jan@example.be>: unknown");
    /// the error is kept for weeks and shown to every admin, so addresses are replaced before it
    /// is stored (the summary names the recipient to those who need it).
    public static string WithoutAddresses(string error) => Address().Replace(error, "<address>");

    [System.Text.RegularExpressions.GeneratedRegex("""[^\s<>"'(),;:\[\]]+@[^\s<>"'(),;:\[\]]+""")]
    private static partial System.Text.RegularExpressions.Regex Address();

    private void ReleaseClaim()
    {
        ClaimedBy = null;
        ClaimedUntil = null;
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("platform_outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.Kind).HasMaxLength(OutboxMessage.MaxKind);
        b.Property(m => m.Summary).HasMaxLength(OutboxMessage.MaxSummary);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxError);
        b.Property(m => m.ClaimedBy).HasMaxLength(100).IsConcurrencyToken();
        // The dispatcher's question: pending messages that are due, oldest first.
        b.HasIndex(m => new { m.SentAt, m.DeadLetteredAt, m.NextAttemptAt });
    }
}
