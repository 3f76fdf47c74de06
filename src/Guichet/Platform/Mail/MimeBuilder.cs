using MimeKit;

namespace Guichet.Platform.Mail;

/// Turns a MailMessage into MIME: text (and HTML, as an alternative) with the attachments.
internal static class MimeBuilder
{
    public static MimeMessage Build(MailMessage mail, MailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(mail.From is { } from ? Mailbox(from) : new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.AddRange(mail.To.Select(Mailbox));
        mime.Cc.AddRange(mail.Cc.Select(Mailbox));
        if (mail.ReplyTo is { } replyTo) mime.ReplyTo.Add(Mailbox(replyTo));
        mime.Subject = mail.Subject;
        mime.MessageId = mail.MessageId ?? MailMessage.NewMessageId(options.IdDomain);
        if (mail.InReplyTo is not null) mime.InReplyTo = mail.InReplyTo;
        foreach (var reference in mail.References) mime.References.Add(reference);
        foreach (var (name, value) in mail.Headers) mime.Headers.Add(name, value);

        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var a in mail.Attachments)
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static MailboxAddress Mailbox(MailAddress a) => new(a.Name, a.Address);
}
