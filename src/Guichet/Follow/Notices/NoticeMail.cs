using Guichet.Follow.Subscriptions;
using Guichet.Platform.Mail;

namespace Guichet.Follow.Notices;

/// A recipient's copy of a notice, in their language (or the notice's fallback), as HTML and plain
/// text from the same Markdown. A subscriber's copy carries the manage link and the one-click
/// unsubscribe headers of Subscriptions (RFC 8058); a case party's says which case it is about.
internal sealed class NoticeMail(Platform.Outbox.Outbox outbox, Texts texts, SubscriptionMail subscriptions)
{
    private string Text(string language, string key, params object?[] args) =>
        string.Format(CultureInfo.GetCultureInfo(Languages.CultureName(language)), texts.Get(language, key), args);

    /// The words of the copy: subject, plain text and HTML, and the language they are in.
    public (string Subject, string Text, string Html, string Language) Render(Notice notice, NoticeRecipient r)
    {
        var (subject, body, language) = notice.VersionFor(r.Language);
        var footer = r.SubscriberId is { } id
            ? Text(language, "notices.mail.footer-subscriber", subscriptions.ManageUrl(id, language))
            : Text(language, "notices.mail.footer-case", r.CaseNumber);
        var text = NoticeMarkdown.Text(body) + "\n\n-- \n" + footer;
        var encoder = PrintableHtml.Encoder;
        var html = $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{encoder.Encode(subject)}</title></head><body>"
            + NoticeMarkdown.Html(body) + $"<hr><p>{encoder.Encode(footer)}</p></body></html>";
        return (subject, text, html, language);
    }

    /// Reads (or makes) the installation's link key now: on SQLite the key's own connection could not
    /// write it while the sender's transaction holds the write lock.
    public void PrepareLinks() => subscriptions.ManageUrl(Guid.Empty, "fr");

    public Guid Enqueue(Notice notice, NoticeRecipient r, EventLogObject? customer)
    {
        var (subject, text, html, language) = Render(notice, r);
        var headers = r.SubscriberId is { } id ? subscriptions.ListHeaders(id) : new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" };
        var about = new List<EventLogObject> { new("notice", notice.Id.ToString(), Role.Subject) };
        if (r.SubscriberId is { } s) about.Add(new("subscriber", s.ToString(), Role.Recipient));
        if (customer is not null) about.Add(customer);
        var message = outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(r.Email!, r.Name)],
            Subject = subject,
            TextBody = text,
            HtmlBody = html,
            Headers = headers,
        }, PendingEvent.Of(FollowActivities.NoticeMailed, about, new() { ["language"] = language }));
        return message.Id;
    }
}
