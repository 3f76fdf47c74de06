using MailKit.Net.Smtp;
using MailKit.Security;

namespace Guichet.Platform.Mail;

/// Sends through the configured SMTP server with MailKit, one connection per mail (the outbox
/// sends a few at a time; a pool would only hide a broken connection).
internal sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host))
            throw new InvalidOperationException("Mail is not configured (Mail:Host is empty).");
        var mime = MimeBuilder.Build(message, o);
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        var tls = o.Tls switch
        {
            MailTls.None => SecureSocketOptions.None,
            MailTls.Ssl => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(o.Host, o.Port, tls, ct);
        if (!string.IsNullOrEmpty(o.User))
            await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
