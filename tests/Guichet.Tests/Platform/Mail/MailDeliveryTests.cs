using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Mail;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using MimeKit;

namespace Guichet.Tests.Platform.Mail;

/// A Guichet host whose mail goes to the smtp4dev server that test.sh starts.
public sealed class MailApp : GuichetApp
{
    protected override void ConfigureMore(IWebHostBuilder builder) => TestMailServer.UseIn(builder);

    /// One outbox round, as the background dispatcher would run it.
    public Task<int> DispatchAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
}

public sealed class MailDeliveryTests(MailApp app) : IClassFixture<MailApp>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% Guichet test\n"u8, .. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7))];

    private async Task<OutboxMessage> EnqueueAsync(Guichet.Platform.Mail.MailMessage mail)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var message = scope.ServiceProvider.GetRequiredService<Guichet.Platform.Outbox.Outbox>().EnqueueMail(mail, PendingEvent.MailSent("test"));
        scope.ServiceProvider.GetRequiredService<EventLog>().Record("test", Activity.Process("platform.test-mail.enqueued", "A test mail was queued.", ["outbox-message:subject"]), [new EventLogObject("outbox-message", message.Id.ToString(), Role.Subject)]);
        await db.SaveChangesAsync();
        return message;
    }

    [Fact]
    public async Task A_mail_with_an_attachment_goes_through_the_outbox_to_a_real_smtp_server()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var message = await EnqueueAsync(new Guichet.Platform.Mail.MailMessage
        {
            To = [new Guichet.Platform.Mail.MailAddress("citoyen@example.be", "Anne Citoyenne")],
            Subject = $"Votre demande {marker} – accusé de réception",
            TextBody = "Bonjour,\n\nNous avons bien reçu votre demande. Élément joint : la décision.\n",
            HtmlBody = "<p>Bonjour,</p><p>Nous avons bien reçu votre demande.</p>",
            Attachments = [new MailAttachment("décision.pdf", "application/pdf", Pdf)],
            InReplyTo = $"question-{marker}@example.be",
            References = [$"first-{marker}@example.be", $"question-{marker}@example.be"],
            Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-replied" },
        });
        Assert.Null(app.Message(message.Id).SentAt);

        Assert.True(await app.DispatchAsync() >= 1);

        var stored = app.Message(message.Id);
        Assert.NotNull(stored.SentAt);
        Assert.Equal(1, stored.Attempts);

        var expectedId = $"{message.Id:N}@test.guichet.example";
        var mail = await TestMailServer.FetchAsync(m => m.MessageId == expectedId, $"mail with Message-ID {expectedId}");
        Assert.Equal(expectedId, mail.MessageId);
        Assert.Equal($"Votre demande {marker} – accusé de réception", mail.Subject);
        Assert.Equal("citoyen@example.be", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Anne Citoyenne", mail.To.Mailboxes.Single().Name);
        Assert.Equal(TestMailServer.FromAddress, mail.From.Mailboxes.Single().Address);
        Assert.Contains("Élément joint : la décision.", mail.TextBody);
        Assert.Contains("<p>Nous avons bien reçu votre demande.</p>", mail.HtmlBody);
        Assert.Equal($"question-{marker}@example.be", mail.InReplyTo);
        Assert.Equal([$"first-{marker}@example.be", $"question-{marker}@example.be"], mail.References.ToArray());
        Assert.Equal("auto-replied", mail.Headers["Auto-Submitted"]);

        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("décision.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(Pdf, content.ToArray());
    }

    [Fact]
    public async Task The_mail_server_lists_the_mail_in_its_rest_api_with_the_caller_given_message_id()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var messageId = Guichet.Platform.Mail.MailMessage.NewMessageId("cases.guichet.example");
        await EnqueueAsync(new Guichet.Platform.Mail.MailMessage
        {
            To = [new Guichet.Platform.Mail.MailAddress("firma@example.be")],
            Cc = [new Guichet.Platform.Mail.MailAddress("boekhouder@example.be")],
            Subject = $"Uw dossier {marker}",
            TextBody = "Goedendag,\nUw dossier is geopend.",
            MessageId = messageId,
        });

        await app.DispatchAsync();

        using var http = new HttpClient { BaseAddress = TestMailServer.WebUrl };
        JsonElement summary = default;
        for (var attempt = 0; attempt < 50 && summary.ValueKind == JsonValueKind.Undefined; attempt++)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/messages?searchTerms={marker}&pageSize=10");
            var results = page.GetProperty("results").EnumerateArray().ToList();
            if (results.Count > 0) summary = results[0];
            else await Task.Delay(200);
        }
        Assert.Equal($"Uw dossier {marker}", summary.GetProperty("subject").GetString());

        var id = summary.GetProperty("id").GetString();
        var full = await http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
        var header = full.GetProperty("headers").EnumerateArray()
            .Single(h => string.Equals(h.GetProperty("name").GetString(), "Message-ID", StringComparison.OrdinalIgnoreCase));
        Assert.Equal($"<{messageId}>", header.GetProperty("value").GetString());
        Assert.Equal(["firma@example.be"], full.GetProperty("to").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal(["boekhouder@example.be"], full.GetProperty("cc").EnumerateArray().Select(a => a.GetString()!).ToArray());
        var text = await http.GetStringAsync($"/api/messages/{id}/plaintext");
        Assert.Contains("Uw dossier is geopend.", text);
    }

    [Fact]
    public async Task Every_attempt_at_one_outbox_message_carries_the_same_message_id()
    {
        var message = new OutboxMessage(MailOutbox.Kind,
            JsonSerializer.Serialize(new Guichet.Platform.Mail.MailMessage { To = [new("a@example.be")], Subject = "s", TextBody = "t" }, JsonColumn.Options),
            "a@example.be: s", DateTimeOffset.UtcNow);
        var sender = new RecordingSender();
        var handler = new MailOutboxHandler(sender, Microsoft.Extensions.Options.Options.Create(new MailOptions { FromAddress = "x@guichet.example" }));

        await handler.HandleAsync(message, default);
        await handler.HandleAsync(message, default);

        Assert.Equal(2, sender.Sent.Count);
        Assert.All(sender.Sent, m => Assert.Equal($"{message.Id:N}@guichet.example", m.MessageId));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"to":[],"subject":"s","textBody":"t"}""")]
    [InlineData("""{"to":[{"address":"not an address"}],"subject":"s","textBody":"t"}""")]
    public async Task An_unreadable_or_unaddressable_mail_is_a_permanent_failure(string payload)
    {
        var message = new OutboxMessage(MailOutbox.Kind, payload, "?", DateTimeOffset.UtcNow);
        var sender = new RecordingSender();
        var handler = new MailOutboxHandler(sender, Microsoft.Extensions.Options.Options.Create(new MailOptions()));

        await Assert.ThrowsAsync<OutboxPermanentFailure>(() => handler.HandleAsync(message, default));
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task An_unreachable_server_is_an_ordinary_failure_that_the_outbox_retries()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nobody listens there any more
        var sender = new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(
            new MailOptions { Host = "127.0.0.1", Port = closedPort, Tls = MailTls.None, Timeout = TimeSpan.FromSeconds(10) }));

        var e = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(
            new Guichet.Platform.Mail.MailMessage { To = [new("a@example.be")], Subject = "s", TextBody = "t" }, default));
        Assert.IsNotType<OutboxPermanentFailure>(e);
    }

    [Fact]
    public async Task Unconfigured_mail_fails_with_a_clear_reason()
    {
        var sender = new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(new MailOptions()));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(
            new Guichet.Platform.Mail.MailMessage { To = [new("a@example.be")], Subject = "s", TextBody = "t" }, default));
        Assert.Contains("Mail:Host", e.Message);
    }

    private sealed class RecordingSender : IMailSender
    {
        public List<Guichet.Platform.Mail.MailMessage> Sent { get; } = [];

        public Task SendAsync(Guichet.Platform.Mail.MailMessage message, CancellationToken ct)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
