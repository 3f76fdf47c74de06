namespace Guichet.Follow.Subscriptions;

/// Follow:Subscriptions: how long a confirmation link works, and the mailbox named in the
/// List-Unsubscribe header beside the one-click URL (default: the sender address, Mail:FromAddress).
internal sealed class SubscriptionOptions
{
    public const string Section = "Follow:Subscriptions";

    public int ConfirmValidHours { get; set; } = 72;

    public string? UnsubscribeMailbox { get; set; }
}
