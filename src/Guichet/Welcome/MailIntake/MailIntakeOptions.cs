using Guichet.Platform.Mail;

namespace Guichet.Welcome.MailIntake;

/// Configuration section "Welcome:MailIntake": the IMAP mailbox whose messages become contacts.
internal sealed class MailIntakeOptions
{
    public const string Section = "Welcome:MailIntake";

    /// Off until a mailbox is configured.
    public bool Enabled { get; set; }
    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;
    public MailTls Tls { get; set; } = MailTls.Ssl;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public string Folder { get; set; } = "INBOX";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// A larger message is recorded as oversized, not imported.
    public long MaxMessageBytes { get; set; } = 15 * 1024 * 1024;
    /// At most this many messages per round, so one round never runs for ever.
    public int BatchSize { get; set; } = 50;
    /// The language of an acknowledgement when the message does not tell.
    public string DefaultLanguage { get; set; } = "fr";
}
