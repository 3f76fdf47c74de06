using System.Globalization;
using Guichet.Deliver.Decisions;
using Guichet.Deliver.Requests;
using Guichet.Deliver.StatusPage;
using Guichet.Orient.Catalogue;
using Guichet.Platform.EventLog;
using Guichet.Platform.Localization;
using Guichet.Platform.Mail;
using Guichet.Platform.Web;

namespace Guichet.Deliver.Cases;

/// The e-mails a case sends its applicant, in the language of procedure, put in the outbox of
/// the use case's transaction: they leave only if the change is saved, and are retried until sent.
internal sealed class CaseMail(CatalogueDirectory catalogue, Platform.Outbox.Outbox outbox, Texts texts, PublicUrls urls)
{
    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(Languages.CultureName(language));

    private string T(string language, string key, params object?[] args) => string.Format(Culture(language), texts.Get(language, key), args);

    private static string Date(DateOnly d, string language) => d.ToString("d MMMM yyyy", Culture(language));

    private static EventLogObject About(Case c) => new("case", c.Id.ToString(), Role.Case);

    private static CaseParty? Applicant(Case c) => c.Parties.FirstOrDefault(p => p.Role == PartyRole.Applicant && !string.IsNullOrEmpty(p.Email));

    /// The organisation that provides the case's service, as the signature.
    private async Task<string> SenderAsync(Case c, CancellationToken ct)
    {
        var provider = await catalogue.ProviderOfAsync(c.ServiceId, ct);
        return provider?.OrganisationName.Resolve(c.Language, provider.PrimaryLanguage).Text ?? "";
    }

    public async Task AcknowledgeAsync(Case c, string statusToken, CancellationToken ct)
    {
        if (Applicant(c) is not { } to) return;
        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(to.Email!, to.Name)],
            Subject = T(c.Language, "deliver.mail.ack.subject", c.Number),
            TextBody = T(c.Language, "deliver.mail.ack.body", c.Number, c.Subject, urls.Absolute(StatusLinkOptions.PathFor(statusToken)), await SenderAsync(c, ct)),
        }, PendingEvent.MailSent("case-acknowledgement", About(c)));
    }

    public async Task AskAsync(Case c, CustomerRequest request, string statusToken, CancellationToken ct)
    {
        if (Applicant(c) is not { } to) return;
        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(to.Email!, to.Name)],
            Subject = T(c.Language, "deliver.mail.request.subject", c.Number),
            TextBody = T(c.Language, "deliver.mail.request.body", c.Number, request.What, Date(request.DueOn, c.Language),
                urls.Absolute(StatusLinkOptions.PathFor(statusToken)), await SenderAsync(c, ct)),
        }, PendingEvent.MailSent("customer-request", About(c), new EventLogObject("customer-request", request.Id.ToString(), Role.Part)));
    }

    /// The same request as a letter to print and post, for customers without e-mail.
    public async Task<string> RequestLetterHtmlAsync(Case c, CustomerRequest request, string statusToken, CancellationToken ct)
    {
        var applicant = c.Parties.First(p => p.Role == PartyRole.Applicant);
        var text = T(c.Language, "deliver.mail.request.body", c.Number, request.What, Date(request.DueOn, c.Language),
            urls.Absolute(StatusLinkOptions.PathFor(statusToken)), await SenderAsync(c, ct));
        var title = T(c.Language, "deliver.request.letter.title");
        var e = PrintableHtml.Encoder;
        return PrintableHtml.Page(c.Language, $"{title} – {c.Number}",
            $"<p>{e.Encode(applicant.Name)}<br>{e.Encode(applicant.Address ?? "")}</p><h1>{e.Encode(title)}</h1><p>{e.Encode(text)}</p>");
    }

    public async Task DecisionAsync(Case c, Decision decision, DecisionLetter letter, CancellationToken ct)
    {
        if (Applicant(c) is not { } to) return;
        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(to.Email!, to.Name)],
            Subject = T(c.Language, "deliver.letter.mail.subject", c.Number),
            TextBody = T(c.Language, "deliver.letter.mail.body", c.Number, c.Subject, Date(decision.AppealDeadline, c.Language), await SenderAsync(c, ct)),
            Attachments = [new MailAttachment($"decision-{c.Number}.pdf", "application/pdf", letter.Pdf(texts))],
        }, PendingEvent.Of(DeliverActivities.DecisionNotified, [new EventLogObject("case", c.Id.ToString(), Role.Subject), new EventLogObject("unit", c.UnitId.ToString(), Role.Unit)],
            new() { ["channel"] = "email", ["notifiedOn"] = decision.NotifiedOn }));
    }
}
