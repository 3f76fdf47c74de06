namespace Guichet.Welcome.MailIntake;

internal enum IntakeStatus { Imported, Reply, Oversized, Malformed, Ignored }

/// One message of the mailbox, taken once: the unique (mailbox, UIDVALIDITY, UID) makes a second
/// import of the same message fail, also from another node or after a crash.
internal sealed class IntakeRecord
{
    public long Id { get; private set; }
    public string Mailbox { get; private set; } = "";
    public long UidValidity { get; private set; }
    public long Uid { get; private set; }
    public string? MessageId { get; private set; }
    public IntakeStatus Status { get; private set; }
    public Guid? ContactId { get; private set; }
    public string? Sender { get; private set; }
    public string? Subject { get; private set; }
    public string? Problem { get; private set; }
    public DateTimeOffset At { get; private set; }

    private IntakeRecord() { }

    public IntakeRecord(string mailbox, long uidValidity, long uid, string? messageId, IntakeStatus status, Guid? contactId, string? sender, string? subject, string? problem, DateTimeOffset at)
    {
        Mailbox = mailbox;
        UidValidity = uidValidity;
        Uid = uid;
        MessageId = messageId;
        Status = status;
        ContactId = contactId;
        Sender = sender;
        Subject = subject;
        Problem = problem;
        At = at;
    }
}

internal enum MessageDirection { In, Out }

/// A message of a contact's e-mail thread, inbound or our acknowledgement, with the Message-ID
/// replies refer to (In-Reply-To / References).
internal sealed class ContactMessage : Guichet.Platform.EventLog.IJournaled
{
    public const int MaxText = 100_000;

    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    public MessageDirection Direction { get; private set; }
    public string MessageId { get; private set; } = "";
    public string? From { get; private set; }
    public string Subject { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private ContactMessage() { }

    public ContactMessage(Guid contactId, MessageDirection direction, string messageId, string? from, string subject, string text, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        ContactId = contactId;
        Direction = direction;
        MessageId = messageId;
        From = from;
        Subject = subject;
        Text = text.Length > MaxText ? text[..MaxText] : text;
        At = at;
    }
}
