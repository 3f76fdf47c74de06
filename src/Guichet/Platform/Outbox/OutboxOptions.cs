namespace Guichet.Platform.Outbox;

/// Configuration section "Outbox".
internal sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// Whether this node runs the dispatcher (every node may: claims keep them apart).
    public bool Enabled { get; set; } = true;

    /// How often the dispatcher looks for due messages.
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// How many messages one round claims.
    public int BatchSize { get; set; } = 20;

    /// How long a claim holds. A node that dies mid-send leaves the claim to expire, after which
    /// another round takes the message again; it must be longer than the slowest send.
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// After this many failed attempts a message is dead-lettered (shown to admins, not retried).
    public int MaxAttempts { get; set; } = 10;

    /// The wait after the 1st, 2nd, ... failure; the last one repeats. (Null by default because
    /// the configuration binder appends to an array it finds instead of replacing it.)
    public TimeSpan[]? RetryDelays { get; set; }

    public static readonly TimeSpan[] DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6),
    ];

    /// Sent messages (and their personal data) are deleted after this long.
    public TimeSpan KeepSentFor { get; set; } = TimeSpan.FromDays(30);

    /// Dead-lettered messages (and their personal data) are deleted this long after they were
    /// given up: long enough for an admin to see them on the outbox page and send them again.
    public TimeSpan KeepDeadLetteredFor { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan DelayAfter(int failures)
    {
        var delays = RetryDelays is { Length: > 0 } configured ? configured : DefaultRetryDelays;
        return delays[Math.Clamp(failures, 1, delays.Length) - 1];
    }
}
