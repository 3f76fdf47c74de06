namespace Guichet.Platform.Mail;

/// Hands one mail to the mail server. Use cases do not call it: they put the mail in the outbox
/// (MailOutbox.Enqueue), in the same transaction as their change, and the outbox sends it.
internal interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken ct);
}
