using Guichet.Platform.Mail;

namespace Guichet.Follow.Subscriptions;

/// What subscriptions send, in the subscriber's language, through the outbox. The confirmation
/// mail goes to someone not subscribed yet, so it carries no List-Unsubscribe (there is nothing to
/// leave: without the click nothing more is sent); every mail after it carries List-Unsubscribe
/// (the one-click URL and a mailto) and List-Unsubscribe-Post (RFC 8058).
internal sealed class SubscriptionMail(Platform.Outbox.Outbox outbox, Texts texts, PublicUrls urls, SubscriberLinks links,
    IOptions<SubscriptionOptions> options, IOptions<MailOptions> mailOptions)
{
    public static string ConfirmPath(string token) => "/subscribe/confirm/" + token;
    public static string ManagePath(string token) => "/subscriptions/manage/" + token;
    public static string UnsubscribePath(string token) => "/u/" + token;

    private string Text(string language, string key, params object?[] args) =>
        string.Format(CultureInfo.GetCultureInfo(Languages.CultureName(language)), texts.Get(language, key), args);

    public string ManageUrl(Guid subscriberId, string language) => urls.Absolute(ManagePath(links.Token(subscriberId, SubscriberLinks.Manage)) + "?lang=" + language);

    /// The RFC 8058 headers of a subscriber's mail: where one click (a POST) unsubscribes, and a mailbox to write to.
    public IReadOnlyDictionary<string, string> ListHeaders(Guid subscriberId)
    {
        var token = links.Token(subscriberId, SubscriberLinks.Unsubscribe);
        var mailbox = options.Value.UnsubscribeMailbox is { Length: > 0 } m ? m : mailOptions.Value.FromAddress;
        return new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{urls.Absolute(UnsubscribePath(token))}>, <mailto:{mailbox}?subject=unsubscribe%20{token}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            ["Auto-Submitted"] = "auto-generated",
        };
    }

    public void Confirmation(Subscriber s, string token, string topics) =>
        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(s.Email)],
            Subject = Text(s.Language, "subscriptions.mail.confirm.subject"),
            TextBody = Text(s.Language, "subscriptions.mail.confirm.body", topics, urls.Absolute(ConfirmPath(token) + "?lang=" + s.Language), BrusselsTime.LocalDate(s.ConfirmExpiresAt).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(Languages.CultureName(s.Language)))),
            Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" },
        }, PendingEvent.MailSent("subscription-confirmation"));

    public void Welcome(Subscriber s, string topics) =>
        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(s.Email)],
            Subject = Text(s.Language, "subscriptions.mail.welcome.subject"),
            TextBody = Text(s.Language, "subscriptions.mail.welcome.body", topics, ManageUrl(s.Id, s.Language)),
            Headers = ListHeaders(s.Id),
        }, PendingEvent.MailSent("subscription-welcome"));
}
