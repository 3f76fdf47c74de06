using Guichet.Deliver.Cases;
using Guichet.Platform.Mail;

namespace Guichet.Deliver.Decisions;

/// The decision sent by e-mail, its letter attached as PDF; the decision is notified when the
/// mail leaves (deliver.decision.notified, recorded by the outbox).
internal sealed class DecisionMail(CaseMail mail, Texts texts, EventLog eventLog)
{
    public async Task SendAsync(Case c, Decision decision, DecisionLetter letter, CancellationToken ct)
    {
        if (CaseMail.Recipient(c) is not { } to) return;
        mail.Enqueue(to, mail.Text(c, "deliver.letter.mail.subject", c.Number),
            mail.Text(c, "deliver.letter.mail.body", c.Number, c.Subject, CaseMail.Date(decision.AppealDeadline, c.Language), await mail.SenderAsync(c, ct)),
            PendingEvent.Of(DeliverActivities.DecisionNotified, CaseWork.Objects(c, eventLog), // the same objects as by post
                new() { ["channel"] = "email", ["notifiedOn"] = decision.NotifiedOn }),
            [new MailAttachment($"decision-{c.Number}.pdf", "application/pdf", letter.Pdf(texts))]);
    }
}
