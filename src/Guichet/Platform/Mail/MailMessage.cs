namespace Guichet.Platform.Mail;

/// An e-mail as Guichet means it, independent of any library: it travels as JSON through the
/// outbox and is turned into MIME only when it is sent.
internal sealed record MailMessage
{
    public required IReadOnlyList<MailAddress> To { get; init; }
    public IReadOnlyList<MailAddress> Cc { get; init; } = [];

    /// Null: the configured sender (Mail:FromAddress).
    public MailAddress? From { get; init; }
    public MailAddress? ReplyTo { get; init; }

    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public string? HtmlBody { get; init; }
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// Without angle brackets ("abc@guichet.example"). Null: the mail handler gives one that is
    /// stable for the outbox message, so a repeated send can be recognised as a duplicate.
    public string? MessageId { get; init; }

    /// Threading: the Message-ID this mail answers, and the chain before it.
    public string? InReplyTo { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];

    /// Further headers (e.g. List-Unsubscribe, Auto-Submitted).
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// A Message-ID that nobody else makes: a random part and the sending domain.
    public static string NewMessageId(string domain) => $"{Guid.NewGuid():N}@{domain}";

    /// A line for lists of messages (the outbox page).
    public string Describe() => $"{string.Join(", ", To.Select(t => t.Address))}: {Subject}";
}

internal sealed record MailAddress(string Address, string? Name = null);

internal sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
