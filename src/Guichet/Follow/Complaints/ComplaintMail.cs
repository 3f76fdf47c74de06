using Guichet.Platform.Mail;

namespace Guichet.Follow.Complaints;

/// What a complaint sends its customer, in the complaint's language: the acknowledgement and the
/// answer, by e-mail through the outbox (sent only if the change is saved, retried until it is),
/// or as a letter to print and post for a customer without e-mail.
internal sealed class ComplaintMail(Platform.Outbox.Outbox outbox, Texts texts, PublicUrls urls, IOptions<ComplaintOptions> options)
{
    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(Languages.CultureName(language));

    public string Text(Complaint c, string key, params object?[] args) => string.Format(Culture(c.Language), texts.Get(c.Language, key), args);

    public static string Date(DateOnly d, string language) => d.ToString("d MMMM yyyy", Culture(language));

    public string TrackUrl(string token) => urls.Absolute(ComplaintLink.PathFor(token));

    /// The second line of the complaint's language: the configured Ombudsman, else the federal one.
    public string SecondLine(string language) =>
        options.Value.SecondLine.TryGetValue(language, out var configured) && !string.IsNullOrWhiteSpace(configured) ? configured
        : texts.Get(language, "complaints.second-line.default");

    public string AcknowledgementText(Complaint c, string token)
    {
        var lines = new List<string>
        {
            Text(c, "complaints.ack.body", c.Number, c.Subject, Date(c.ReceivedOn, c.Language), Date(c.AnswerBy, c.Language), TrackUrl(token)),
        };
        if (c.DecisionId is not null) lines.Add(Text(c, "complaints.not-an-appeal"));
        return string.Join("\n\n", lines);
    }

    public void Acknowledge(Complaint c, string token, IEnumerable<EventLogObject> about) =>
        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(c.Email!, c.CustomerName)],
            Subject = Text(c, "complaints.ack.subject", c.Number),
            TextBody = AcknowledgementText(c, token),
            Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-replied" },
        }, PendingEvent.Of(FollowActivities.ComplaintAcknowledged, about,
            new() { ["channel"] = "email", ["acknowledgeBy"] = c.AcknowledgeBy, ["late"] = c.AcknowledgedOn > c.AcknowledgeBy }));

    public string AnswerText(Complaint c) => string.Join("\n\n", new[]
    {
        Text(c, "complaints.answer.body", c.Number, c.Subject, texts.Get(c.Language, "complaints.outcome." + EnumCodes.Code(c.Outcome!.Value))),
        Text(c, "complaints.answer.reasons") + "\n" + c.Reasons,
        c.Measures is { } m ? Text(c, "complaints.answer.measures") + "\n" + m : null,
        Text(c, "complaints.answer.second-line") + "\n" + c.SecondLine,
    }.OfType<string>());

    public void Answer(Complaint c, EventLogObject contact) =>
        outbox.EnqueueMail(new MailMessage
        {
            To = [new MailAddress(c.Email!, c.CustomerName)],
            Subject = Text(c, "complaints.answer.subject", c.Number),
            TextBody = AnswerText(c),
        }, PendingEvent.MailSent("complaint-answer", contact));

    /// A letter to print and post: the customer's name and address, a title and the text.
    public string Letter(Complaint c, string titleKey, string body)
    {
        var e = PrintableHtml.Encoder;
        var title = Text(c, titleKey, c.Number);
        var paragraphs = string.Concat(body.Split("\n\n").Select(p => $"<p>{e.Encode(p).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>"));
        return PrintableHtml.Page(c.Language, title,
            $"<p>{e.Encode(c.CustomerName ?? "")}<br>{e.Encode(c.Address ?? "")}</p><h1>{e.Encode(title)}</h1>{paragraphs}");
    }
}
