using Guichet.Platform.Outbox;
using MailKit.Net.Smtp;
using MimeKit;

namespace Guichet.Platform.Mail;

internal static class MailOutbox
{
    public const string Kind = "mail";

    /// Puts a mail into the use case's unit of work; it is sent after SaveChanges commits, and
    /// <paramref name="onSent"/> (what it is about) is recorded in the journal when it is.
    public static OutboxMessage EnqueueMail(this Outbox.Outbox outbox, MailMessage mail, EventLog.PendingEvent onSent)
    {
        if (mail.To.Count == 0) throw new ArgumentException("A mail needs at least one recipient.", nameof(mail));
        return outbox.Enqueue(Kind, mail, mail.Describe(), onSent);
    }
}

/// Sends the outbox's mails. The Message-ID is the mail's own or, failing that, one made from
/// the outbox message's id, so every attempt at the same message carries the same Message-ID.
internal sealed class MailOutboxHandler(IMailSender sender, IOptions<MailOptions> options, Web.PublicUrls? urls = null) : IOutboxHandler
{
    public string Kind => MailOutbox.Kind;

    public bool IsReady => urls?.MailBlockedReason is null;

    public static string MessageIdFor(OutboxMessage message, MailOptions options) => $"{message.Id:N}@{options.IdDomain}";

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        MailMessage? mail;
        try
        {
            mail = JsonSerializer.Deserialize<MailMessage>(message.Payload, JsonColumn.Options);
        }
        catch (JsonException e)
        {
            throw new OutboxPermanentFailure("The mail in the outbox cannot be read.", e);
        }
        if (mail is null || mail.To.Count == 0)
            throw new OutboxPermanentFailure("The mail in the outbox has no recipient.");
        var bad = mail.To.Concat(mail.Cc).Append(mail.From).Append(mail.ReplyTo)
            .FirstOrDefault(a => a is not null && !MailboxAddress.TryParse(a.Address, out _));
        if (bad is not null)
            throw new OutboxPermanentFailure($"The address \"{bad.Address}\" is not valid.");

        mail = mail with { MessageId = mail.MessageId ?? MessageIdFor(message, options.Value) };
        try
        {
            await sender.SendAsync(mail, ct);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is not SmtpErrorCode.UnexpectedStatusCode)
        {
            // 5xx on the sender, a recipient or the message itself: the server said no for good.
            throw new OutboxPermanentFailure($"The mail server refused the mail: {(int)e.StatusCode} {e.Message}", e);
        }
    }
}
