using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Guichet.Welcome.Contacts;
using Guichet.Welcome.MailIntake;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Guichet.Tests.Welcome.MailIntake;

/// A host reading smtp4dev's IMAP mailbox (the test script's mail server), with a small size
/// limit so that an oversized message is easy to make.
public sealed class MailIntakeApp : GuichetApp
{
    public const long Limit = 200_000;

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        TestMailServer.UseIn(builder);
        builder.UseSetting("Welcome:MailIntake:Enabled", "false"); // rounds are run by the tests
        builder.UseSetting("Welcome:MailIntake:Host", "127.0.0.1");
        builder.UseSetting("Welcome:MailIntake:Port", TestMailServer.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Welcome:MailIntake:Tls", "none");
        builder.UseSetting("Welcome:MailIntake:User", "tests");
        builder.UseSetting("Welcome:MailIntake:Password", "tests");
        builder.UseSetting("Welcome:MailIntake:MaxMessageBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// Rounds until the mailbox has nothing new.
    public async Task DrainAsync(Action<string?>? beforeSave = null)
    {
        var intake = Services.GetRequiredService<Guichet.Welcome.MailIntake.MailIntake>();
        while (await intake.RunOnceAsync(default, beforeSave) > 0) { }
    }
}

public sealed class MailIntakeTests(MailIntakeApp app) : IClassFixture<MailIntakeApp>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% scan\n"u8, .. Enumerable.Range(0, 2000).Select(i => (byte)i)];

    private static async Task<string> SendAsync(string from, string subject, string text, string? inReplyTo = null, byte[]? attachment = null, string attachmentName = "scan.pdf", string? contentLanguage = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Citizen", from));
        message.To.Add(new MailboxAddress("Hautrival", "info@hautrival.example"));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("citizen.example");
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }
        if (contentLanguage is not null) message.Headers.Add(HeaderId.ContentLanguage, contentLanguage);
        var body = new BodyBuilder { TextBody = text };
        if (attachment is not null) body.Attachments.Add(attachmentName, attachment, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", TestMailServer.SmtpPort, SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
        return message.MessageId;
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private async Task<List<Contact>> ContactsAsync(string subjectPart) =>
        await app.InScopeAsync(sp => sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().Set<Contact>().AsNoTracking().Where(c => c.Subject.Contains(subjectPart)).ToListAsync());

    /// smtp4dev files a message a moment after the SMTP session ends: rounds until it is taken.
    private async Task<List<Contact>> ImportedAsync(string subjectPart, int expected = 1)
    {
        for (var i = 0; i < 50; i++)
        {
            await app.DrainAsync();
            var found = await ContactsAsync(subjectPart);
            if (found.Count >= expected) return found;
            await Task.Delay(200);
        }
        return await ContactsAsync(subjectPart);
    }

    [Fact]
    public async Task A_message_taken_in_is_turned_into_a_complaint_by_the_front_office_from_the_contact_page()
    {
        var marker = Unique();
        var from = $"marc-{marker}@example.be";
        await SendAsync(from, $"Plainte : accueil désagréable {marker}", "Bonjour, j'ai été très mal reçu au guichet ce matin. Je souhaite introduire une plainte à ce sujet.");
        var contact = Assert.Single(await ImportedAsync(marker));
        Assert.Equal(ContactChannel.Email, contact.Channel);

        var session = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var page = await session.PageAsync($"/staff/contacts/{contact.Id}");
        Assert.NotNull(page.QuerySelector($"a[href='/staff/complaints/from-contact/{contact.Id}']"));
        var form = await session.PageAsync($"/staff/complaints/from-contact/{contact.Id}");
        var posted = await session.SubmitAsync(form, "form[method=post]",
            new Dictionary<string, string> { ["category"] = "attitude", ["description"] = "Mal reçu au guichet." }, $"/staff/complaints/from-contact/{contact.Id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, posted.StatusCode);

        var complaint = await app.InScopeAsync(sp => sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().Set<Guichet.Follow.Complaints.Complaint>().AsNoTracking()
            .SingleAsync(c => c.ContactId == contact.Id));
        Assert.Equal(ContactChannel.Email, complaint.Channel);
        Assert.Equal(from, complaint.Email);
        Assert.Equal("fr", complaint.Language);
        Assert.Equal("attitude", complaint.Category);
        Assert.Equal(contact.ReceivedAt, complaint.ReceivedAt);
        Assert.Contains("follow.complaint.registered", app.Activities("complaint", complaint.Id));
        Assert.Contains("follow.complaint.registered", app.Activities("contact", contact.Id));
    }

    [Fact]
    public async Task A_message_becomes_a_contact_with_its_attachment_and_is_acknowledged_in_the_senders_language()
    {
        var marker = Unique();
        var from = $"lotte-{marker}@example.be";
        var id = await SendAsync(from, $"Vraag over mijn bewonerskaart {marker}", "Goedendag, ik wil mijn bewonerskaart verlengen. Kunt u mij helpen? Bedankt voor uw hulp.", attachment: Pdf);
        var contact = Assert.Single(await ImportedAsync(marker));
        Assert.Equal(ContactChannel.Email, contact.Channel);
        Assert.Equal(from, contact.Email);
        Assert.Equal("nl", contact.Language);
        var (messages, attachments, ack) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
            var messages = await db.Set<ContactMessage>().AsNoTracking().Where(m => m.ContactId == contact.Id).ToListAsync();
            var attachments = await db.Set<ContactAttachment>().AsNoTracking().Where(a => a.ContactId == contact.Id).ToListAsync();
            var ack = (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync()).Single(m => m.Payload.Contains(from, StringComparison.Ordinal));
            return (messages, attachments, ack);
        });
        Assert.Contains(messages, m => m.Direction == MessageDirection.In && m.MessageId == id && m.Text.Contains("bewonerskaart verlengen", StringComparison.Ordinal));
        var attachment = Assert.Single(attachments);
        Assert.Equal("application/pdf", attachment.MediaType);
        Assert.Equal(Pdf, attachment.Content);
        Assert.Contains("bericht goed ontvangen", ack.Payload);
        Assert.Contains(id, ack.Payload); // In-Reply-To the customer's message
    }

    [Fact]
    public async Task A_reply_to_the_acknowledgement_joins_its_contact()
    {
        var marker = Unique();
        var from = $"jean-{marker}@example.be";
        await SendAsync(from, $"Encombrants {marker}", "Bonjour, je voudrais faire enlever un vieux canapé. Merci pour votre aide.", contentLanguage: "fr");
        var contact = Assert.Single(await ImportedAsync(marker));
        var ackId = await app.InScopeAsync(async sp => await sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().Set<ContactMessage>()
            .Where(m => m.ContactId == contact.Id && m.Direction == MessageDirection.Out).Select(m => m.MessageId).SingleAsync());

        await SendAsync(from, $"Re: Encombrants {marker} (photo)", "Voici une photo du canapé.", inReplyTo: ackId);
        for (var i = 0; i < 50; i++)
        {
            await app.DrainAsync();
            var replies = await app.InScopeAsync(async sp => await sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().Set<ContactMessage>()
                .CountAsync(m => m.ContactId == contact.Id && m.Direction == MessageDirection.In));
            if (replies == 2) break;
            await Task.Delay(200);
        }
        Assert.Single(await ContactsAsync(marker)); // no second contact
        Assert.Equal(2, await app.InScopeAsync(async sp => await sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().Set<ContactMessage>()
            .CountAsync(m => m.ContactId == contact.Id && m.Direction == MessageDirection.In)));
    }

    [Fact]
    public async Task A_message_read_but_not_stored_before_a_crash_is_taken_once_afterwards()
    {
        var marker = Unique();
        var id = await SendAsync($"crash-{marker}@example.be", $"Question {marker}", "Bonjour, une question sur ma carte d'identité. Merci.");
        // Rounds that die right before storing that message, until it has arrived in the mailbox.
        var crashed = false;
        for (var i = 0; i < 50 && !crashed; i++)
        {
            try
            {
                await app.DrainAsync(beforeSave: messageId => { if (messageId == id) throw new IOException("the process died"); });
            }
            catch (IOException)
            {
                crashed = true;
            }
            if (!crashed) await Task.Delay(200);
        }
        Assert.True(crashed);
        Assert.Empty(await ContactsAsync(marker));
        Assert.Single(await ImportedAsync(marker));
        await app.DrainAsync();
        await app.DrainAsync();
        Assert.Single(await ContactsAsync(marker));
    }

    [Fact]
    public async Task An_oversized_message_is_recorded_as_such_and_does_not_stop_the_others()
    {
        var marker = Unique();
        await SendAsync($"big-{marker}@example.be", $"Gros fichier {marker}", "Bonjour, voici les plans.", attachment: new byte[MailIntakeApp.Limit * 2], attachmentName: "plans.pdf");
        await SendAsync($"small-{marker}@example.be", $"Petit message {marker}", "Bonjour, une question. Merci.");
        var small = await ImportedAsync("Petit message " + marker);
        Assert.Single(small);
        for (var i = 0; i < 50; i++)
        {
            var oversized = await app.InScopeAsync(async sp => await sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().Set<IntakeRecord>()
                .AnyAsync(r => r.Status == IntakeStatus.Oversized));
            if (oversized) break;
            await app.DrainAsync();
            await Task.Delay(200);
        }
        Assert.True(await app.InScopeAsync(async sp => await sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().Set<IntakeRecord>().AnyAsync(r => r.Status == IntakeStatus.Oversized)));
        Assert.Empty(await ContactsAsync("Gros fichier " + marker));
    }
}
