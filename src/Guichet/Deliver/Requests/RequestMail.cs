using Guichet.Deliver.Cases;

namespace Guichet.Deliver.Requests;

/// A request to the customer, by e-mail, or as a letter to print and post for customers without
/// e-mail; both say the same and carry a status link to answer it.
internal sealed class RequestMail(CaseMail mail)
{
    public async Task AskAsync(Case c, CustomerRequest request, string statusToken, CancellationToken ct)
    {
        if (CaseMail.Recipient(c) is not { } to) return;
        mail.Enqueue(to, mail.Text(c, "deliver.mail.request.subject", c.Number), await BodyAsync(c, request, statusToken, ct),
            PendingEvent.MailSent("customer-request", CaseMail.About(c), new EventLogObject("customer-request", request.Id.ToString(), Role.Part)));
    }

    public async Task<string> LetterHtmlAsync(Case c, CustomerRequest request, string statusToken, CancellationToken ct)
    {
        var applicant = c.Parties.First(p => p.Role == PartyRole.Applicant);
        var text = await BodyAsync(c, request, statusToken, ct);
        var title = mail.Text(c, "deliver.request.letter.title");
        var e = PrintableHtml.Encoder;
        return PrintableHtml.Page(c.Language, $"{title} – {c.Number}",
            $"<p>{e.Encode(applicant.Name)}<br>{e.Encode(applicant.Address ?? "")}</p><h1>{e.Encode(title)}</h1><p>{e.Encode(text)}</p>");
    }

    private async Task<string> BodyAsync(Case c, CustomerRequest request, string statusToken, CancellationToken ct) =>
        mail.Text(c, "deliver.mail.request.body", c.Number, request.What, CaseMail.Date(request.DueOn, c.Language), mail.StatusUrl(statusToken), await mail.SenderAsync(c, ct));
}
