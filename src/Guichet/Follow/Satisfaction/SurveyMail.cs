using Guichet.Platform.Mail;

namespace Guichet.Follow.Satisfaction;

/// The survey's one mail, in the customer's language, through the outbox: sent only if the survey
/// is stored, and recorded as sent (platform.mail.sent) when the mail server takes it.
internal sealed class SurveyMail(Platform.Outbox.Outbox outbox, Texts texts, PublicUrls urls)
{
    public static string PathFor(string token) => "/survey/" + token;

    public string Url(string token, string language) => urls.Absolute(PathFor(token) + "?lang=" + language);

    public void Send(Survey s, string token, string email, string? name, EventLogObject about)
    {
        var culture = CultureInfo.GetCultureInfo(Languages.CultureName(s.Language));
        string Text(string key, params object?[] args) => string.Format(culture, texts.Get(s.Language, key), args);
        var what = Text("satisfaction.mail.about." + EnumCodes.Code(s.Channel), s.SourceNumber ?? "");
        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(email, name)],
            Subject = Text("satisfaction.mail.subject", what),
            TextBody = Text("satisfaction.mail.body", what, Url(token, s.Language), BrusselsTime.LocalDate(s.ExpiresAt).ToString("d MMMM yyyy", culture)),
            Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" },
        }, PendingEvent.MailSent("satisfaction-survey", about));
    }
}
