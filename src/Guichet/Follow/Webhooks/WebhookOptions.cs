namespace Guichet.Follow.Webhooks;

/// Follow:Webhooks: how often the job reads the journal, how long a receiver may take, how many
/// days of failures without a success switch a receiver off.
internal sealed class WebhookOptions
{
    public const string Section = "Follow:Webhooks";

    /// Zero turns the job off (tests run its rounds themselves).
    public int PollSeconds { get; set; } = 15;

    /// Events younger than this wait for the next round (a transaction may still hold an earlier id).
    public int SettleSeconds { get; set; } = 10;

    public int BatchSize { get; set; } = 200;

    public int TimeoutSeconds { get; set; } = 10;

    public int DisableAfterDays { get; set; } = 3;
}
