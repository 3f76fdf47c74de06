using System.Net;
using System.Text.Json;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using UglyToad.PdfPig;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Deliver;

/// Cases on Monday 5 October 2026, with mail going to the smtp4dev server of the test script.
public sealed class DeliverMailApp : GuichetApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        TestMailServer.UseIn(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task<int> DispatchAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
}

/// What the applicant receives: an acknowledgement with the status link, a request for a
/// document with a link to answer it, and the decision letter as a PDF - each sent through the
/// outbox in the transaction of its change.
public sealed class DeliverMailTests(DeliverMailApp app) : IClassFixture<DeliverMailApp>
{
    private List<Guichet.Platform.Mail.MailMessage> MailsTo(string address) => app.InScope(db => db.Set<OutboxMessage>().ToList())
        .Where(m => m.Kind == "mail")
        .Select(m => JsonSerializer.Deserialize<Guichet.Platform.Mail.MailMessage>(m.Payload, Guichet.Platform.Data.JsonColumn.Options)!)
        .Where(m => m.To.Any(t => t.Address == address)).ToList();

    private static string Link(string body) => body.Split('\n').Single(l => l.Contains("/status/", StringComparison.Ordinal)).Trim();

    [Fact]
    public async Task The_applicant_is_told_the_number_and_the_status_link_then_asked_then_sent_the_decision()
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.be";
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var opened = await (await admin.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "residents-parking-card", language = "nl", subject = "Bewonerskaart Molenstraat 4",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Lotte Peeters", email } },
        }))).ReadJsonAsync();
        var id = opened.GetProperty("id").GetString();
        var number = opened.GetProperty("number").GetString()!;

        var ack = Assert.Single(MailsTo(email));
        Assert.Equal($"Uw aanvraag is goed ontvangen (dossier {number})", ack.Subject);
        var ackLink = Link(ack.TextBody);
        Assert.StartsWith("https://localhost/status/", ackLink);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(new Uri(ackLink).AbsolutePath + "?lang=nl")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/v1/cases/{id}/requests", JsonBody(new { what = "Een kopie van het inschrijvingsbewijs", dueOn = "2026-10-19" }))).StatusCode);
        var ask = MailsTo(email).Single(m => m.Subject.Contains("document", StringComparison.Ordinal));
        Assert.Contains("Een kopie van het inschrijvingsbewijs", ask.TextBody);
        Assert.Contains("19 oktober 2026", ask.TextBody);
        var askLink = Link(ask.TextBody);
        Assert.NotEqual(ackLink, askLink);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(new Uri(askLink).AbsolutePath + "?lang=nl")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(new Uri(ackLink).AbsolutePath + "?lang=nl")).StatusCode); // both work

        foreach (var status in new[] { "in-review", "awaiting-decision" })
            await admin.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status }));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/v1/cases/{id}/decision", JsonBody(new
        {
            outcome = "granted", channel = "email", withdrawOpenRequests = true, // the request asked above is still open
            factualGrounds = "De aanvrager woont in de Molenstraat 4, binnen de bewonerszone B, en heeft één voertuig ingeschreven.",
            legalGrounds = "Gemeentelijk parkeerreglement van 12 maart 2024, artikel 5.",
        }))).StatusCode);
        var decisionMail = MailsTo(email).Single(m => m.Attachments.Count == 1);
        Assert.Equal($"Beslissing over uw dossier {number}", decisionMail.Subject);

        // Through the outbox to a real SMTP server, read back over IMAP.
        while (await app.DispatchAsync() > 0) { }
        var received = await TestMailServer.FetchAsync(m => m.Subject == decisionMail.Subject, $"mail '{decisionMail.Subject}'");
        var attachment = Assert.Single(received.Attachments.OfType<MimePart>());
        Assert.Equal($"decision-{number}.pdf", attachment.FileName);
        using var pdfBytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdfBytes);
        using var pdf = PdfDocument.Open(pdfBytes.ToArray());
        Assert.Contains("Beroepsmogelijkheden", string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }

    [Fact]
    public async Task Without_an_email_address_nothing_is_sent()
    {
        var before = app.InScope(db => db.Set<OutboxMessage>().Count());
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "residents-parking-card", language = "fr", subject = "Carte de riverain",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Sans Courriel" } },
        }))).StatusCode);
        Assert.Equal(before, app.InScope(db => db.Set<OutboxMessage>().Count()));
    }
}
