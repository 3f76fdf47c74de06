using Guichet.Deliver.StatusPage;
using Guichet.Orient.Catalogue;
using Guichet.Platform.Mail;

namespace Guichet.Deliver.Cases;

/// The e-mails and letters a case sends its applicant, in the language of procedure: what they
/// all share (the texts, dates, status link and signature), and the acknowledgement of a case
/// just opened. The mails of requests and decisions are written by their capabilities with this.
/// A mail goes into the outbox of the use case's transaction: it leaves only if the change is
/// saved, and is retried until sent.
internal sealed class CaseMail(CatalogueDirectory catalogue, Platform.Outbox.Outbox outbox, Texts texts, PublicUrls urls)
{
    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(Languages.CultureName(language));

    /// A text of the case's language of procedure.
    public string Text(Case c, string key, params object?[] args) => string.Format(Culture(c.Language), texts.Get(c.Language, key), args);

    public static string Date(DateOnly d, string language) => d.ToString("d MMMM yyyy", Culture(language));

    /// The applicant, when they gave an e-mail address: whom the mails of the case go to.
    public static CaseParty? Recipient(Case c) => c.Parties.FirstOrDefault(p => p.Role == PartyRole.Applicant && !string.IsNullOrEmpty(p.Email));

    public string StatusUrl(string statusToken) => urls.Absolute(StatusLinkOptions.PathFor(statusToken));

    /// The organisation that provides the case's service, as the signature.
    public async Task<string> SenderAsync(Case c, CancellationToken ct)
    {
        var provider = await catalogue.ProviderOfAsync(c.ServiceId, ct);
        return provider?.OrganisationName.Resolve(c.Language, provider.PrimaryLanguage).Text ?? "";
    }

    /// Puts a mail to the applicant in the outbox; <paramref name="sent"/> is recorded when it leaves.
    public void Enqueue(CaseParty to, string subject, string body, PendingEvent sent, IReadOnlyList<MailAttachment>? attachments = null) =>
        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(to.Email!, to.Name)],
            Subject = subject,
            TextBody = body,
            Attachments = attachments ?? [],
        }, sent);

    public async Task AcknowledgeAsync(Case c, string statusToken, CancellationToken ct)
    {
        if (Recipient(c) is not { } to) return;
        Enqueue(to, Text(c, "deliver.mail.ack.subject", c.Number),
            Text(c, "deliver.mail.ack.body", c.Number, c.Subject, StatusUrl(statusToken), await SenderAsync(c, ct)),
            PendingEvent.MailSent("case-acknowledgement", About(c)));
    }

    /// The case as what a mail is about, in the journal.
    public static EventLogObject About(Case c) => new("case", c.Id.ToString(), Role.Case);
}
