namespace Guichet.Platform.Mail;

/// Configuration section "Mail": the SMTP server Guichet sends through.
internal sealed class MailOptions
{
    public const string Section = "Mail";

    /// Empty: mail is not configured, and every send fails (visibly, on the outbox page).
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public MailTls Tls { get; set; } = MailTls.StartTls;

    /// Optional: sign in to the server.
    public string? User { get; set; }
    public string? Password { get; set; }

    public string FromAddress { get; set; } = "noreply@guichet.invalid";
    public string? FromName { get; set; } = "Guichet";

    /// Gives up on an unresponsive server after this long (the outbox retries later).
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// The part after @ in Message-IDs Guichet makes; by default the sender's domain.
    public string? MessageIdDomain { get; set; }

    public string IdDomain => !string.IsNullOrWhiteSpace(MessageIdDomain) ? MessageIdDomain
        : FromAddress.Contains('@', StringComparison.Ordinal) ? FromAddress[(FromAddress.LastIndexOf('@') + 1)..]
        : "guichet.invalid";
}

internal enum MailTls
{
    /// Plain text: only for a server on the same machine or in tests.
    None,

    /// Connect in plain text and upgrade with STARTTLS (port 587); refuses a server without it.
    StartTls,

    /// TLS from the first byte (port 465).
    Ssl,
}
