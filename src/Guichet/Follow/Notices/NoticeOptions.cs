namespace Guichet.Follow.Notices;

/// Follow:Notices: how many notice mails all nodes together put into the outbox per minute (the
/// mail server's and the receiving providers' limits), how often a node's sender looks for work,
/// and how many recipients one round handles.
internal sealed class NoticeOptions
{
    public const string Section = "Follow:Notices";

    public int MailsPerMinute { get; set; } = 120;

    /// Zero turns the sender off (tests run its rounds themselves).
    public int PollSeconds { get; set; } = 10;

    public int BatchSize { get; set; } = 100;
}
