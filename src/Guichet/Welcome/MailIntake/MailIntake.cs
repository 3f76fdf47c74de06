using Guichet.Platform.Files;
using Guichet.Platform.Mail;
using Guichet.Welcome.Contacts;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Guichet.Welcome.MailIntake;

/// The e-mail channel: each new message of the mailbox becomes a contact (sender, subject, text,
/// attachments), a reply joins the contact it answers (Message-ID, In-Reply-To, References), and
/// an acknowledgement goes back in the sender's language. Messages are taken by UID after the last
/// one recorded, each in its own transaction with its intake record, so none is taken twice or
/// lost - also when the process dies between reading and storing - and a bad one is recorded as
/// such without stopping the others.
internal sealed class MailIntake(IServiceScopeFactory scopes, IOptions<MailIntakeOptions> options, IOptions<MailOptions> mail, TimeProvider time, ILogger<MailIntake> log)
{
    public const string Actor = "system:mail-intake";

    /// One round: returns how many messages were taken. <paramref name="beforeSave"/> (given the
    /// Message-ID) lets a test simulate a crash between reading a message and storing it.
    public async Task<int> RunOnceAsync(CancellationToken ct, Action<string?>? beforeSave = null)
    {
        var o = options.Value;
        using var imap = new ImapClient { Timeout = 60_000 };
        await imap.ConnectAsync(o.Host, o.Port, o.Tls switch { MailTls.None => SecureSocketOptions.None, MailTls.Ssl => SecureSocketOptions.SslOnConnect, _ => SecureSocketOptions.StartTls }, ct);
        await imap.AuthenticateAsync(o.User, o.Password, ct);
        var folder = await imap.GetFolderAsync(o.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadOnly, ct);
        var mailbox = $"{o.User}@{o.Host}/{o.Folder}";
        long validity = folder.UidValidity;

        long last;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
            last = await db.Set<IntakeRecord>().Where(r => r.Mailbox == mailbox && r.UidValidity == validity).MaxAsync(r => (long?)r.Uid, ct) ?? 0;
        }
        var uids = (await folder.SearchAsync(SearchQuery.All, ct)).Where(u => u.Id > last).OrderBy(u => u.Id).Take(o.BatchSize).ToList();
        if (uids.Count == 0)
        {
            await imap.DisconnectAsync(true, ct);
            return 0;
        }
        var sizes = (await folder.FetchAsync(uids, MessageSummaryItems.Size | MessageSummaryItems.UniqueId, ct)).ToDictionary(s => s.UniqueId.Id, s => (long?)s.Size);
        var taken = 0;
        foreach (var uid in uids)
        {
            ct.ThrowIfCancellationRequested();
            MimeMessage? message = null;
            string? problem = null;
            var status = IntakeStatus.Imported;
            if (sizes.GetValueOrDefault(uid.Id) is { } size && size > o.MaxMessageBytes)
            {
                status = IntakeStatus.Oversized;
                problem = $"The message has {size} bytes; at most {o.MaxMessageBytes} are taken.";
            }
            else
            {
                try
                {
                    message = await folder.GetMessageAsync(uid, ct);
                }
                catch (Exception e) when (e is FormatException or ParseException or ImapCommandException)
                {
                    status = IntakeStatus.Malformed;
                    problem = e.Message;
                }
            }
            using var scope = scopes.CreateScope();
            try
            {
                await ImportAsync(scope.ServiceProvider, mailbox, validity, uid.Id, message, status, problem, beforeSave, ct);
                taken++;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                log.LogInformation("Message {Uid} of {Mailbox} was taken by another node.", uid.Id, mailbox);
            }
            catch (DbUpdateException e)
            {
                // Something in it cannot be stored: record it as malformed rather than retry it for ever.
                log.LogWarning(e, "Message {Uid} of {Mailbox} could not be stored.", uid.Id, mailbox);
                using var again = scopes.CreateScope();
                await ImportAsync(again.ServiceProvider, mailbox, validity, uid.Id, null, IntakeStatus.Malformed, "Could not be stored: " + (e.InnerException ?? e).Message, null, ct);
                taken++;
            }
        }
        await imap.DisconnectAsync(true, ct);
        return taken;
    }

    private async Task ImportAsync(IServiceProvider sp, string mailbox, long validity, long uid, MimeMessage? message, IntakeStatus status, string? problem, Action<string?>? beforeSave, CancellationToken ct)
    {
        var db = sp.GetRequiredService<GuichetDb>();
        var eventLog = sp.GetRequiredService<EventLog>();
        var now = time.GetUtcNow();
        var sender = message?.From.Mailboxes.FirstOrDefault() is { } found && found.Address.Length <= 254 ? found : null;
        var subject = Clip(message?.Subject, Contact.MaxSubject);
        var messageId = message?.MessageId;

        if (message is null)
        {
            db.Add(new IntakeRecord(mailbox, validity, uid, null, status, null, null, null, Clip(problem, 1000), now));
            eventLog.Record(Actor, WelcomeActivities.MailRejected, [new EventLogObject("incoming-mail", $"{mailbox}/{validity}/{uid}", Role.Subject)],
                new Dictionary<string, object?> { ["uid"] = uid, ["status"] = EnumCodes.Code(status), ["problem"] = problem });
            beforeSave?.Invoke(messageId);
            await db.SaveChangesAsync(ct);
            return;
        }

        // Our own mails and automatic replies (RFC 3834) are not contacts: answering them would loop.
        var auto = message.Headers[HeaderId.AutoSubmitted] is { } a && !a.Trim().Equals("no", StringComparison.OrdinalIgnoreCase);
        if (sender is null || auto || string.Equals(sender.Address, mail.Value.FromAddress, StringComparison.OrdinalIgnoreCase))
        {
            db.Add(new IntakeRecord(mailbox, validity, uid, Clip(messageId, 500), IntakeStatus.Ignored, null, sender?.Address, subject, sender is null ? "No sender." : "Sent by Guichet or an automatic reply.", now));
            beforeSave?.Invoke(messageId);
            await db.SaveChangesAsync(ct);
            return;
        }

        var text = Clip(message.TextBody ?? HtmlToText(message.HtmlBody) ?? "", ContactMessage.MaxText) ?? "";
        var ownId = Clip(messageId, 500) ?? $"intake-{validity}-{uid}@{mail.Value.IdDomain}";
        var refs = message.References.Select(r => r).Append(message.InReplyTo).OfType<string>().Distinct().ToList();
        var answered = refs.Count == 0 ? null
            : await db.Set<ContactMessage>().Where(m => refs.Contains(m.MessageId)).OrderByDescending(m => m.At).Select(m => (Guid?)m.ContactId).FirstOrDefaultAsync(ct);

        Guid contactId;
        if (answered is { } existing)
        {
            contactId = existing;
            status = IntakeStatus.Reply;
            var reply = new ContactMessage(existing, MessageDirection.In, ownId, sender.Address, subject ?? "", text, now);
            db.Add(reply);
            AddAttachments(db, existing, reply.Id, message);
            eventLog.Record(Actor, WelcomeActivities.ReplyReceived, [new EventLogObject("contact", existing.ToString(), Role.Subject)], new Dictionary<string, object?> { ["messageId"] = ownId });
        }
        else
        {
            // A new contact, through the register like every channel; the message, its files and the
            // acknowledgement go into the same transaction.
            var receivedAt = (message.Date == DateTimeOffset.MinValue ? now : message.Date).ToUniversalTime();
            if (receivedAt > now) receivedAt = now;
            var refused = new List<string>();
            var request = new RegisterContactRequest("email", receivedAt, "anonymous", null, Clip(sender.Name, 200), Clip(sender.Address, 254), null, null, null,
                Language(message, text), string.IsNullOrWhiteSpace(subject) ? "(—)" : subject!, null, null, null);
            var attributes = new Dictionary<string, object?> { ["messageId"] = ownId, ["refusedAttachments"] = refused };
            var registered = await sp.GetRequiredService<ContactRegister>().RegisterAsync(new System.Security.Claims.ClaimsPrincipal(), request, ct,
                actor: Actor, attributes: attributes, alongWith: c =>
                {
                    var inbound = new ContactMessage(c.Id, MessageDirection.In, ownId, sender.Address, subject ?? "", text, now);
                    db.Add(inbound);
                    refused.AddRange(AddAttachments(db, c.Id, inbound.Id, message));
                    Acknowledge(sp, db, c, ownId, subject, now);
                    db.Add(new IntakeRecord(mailbox, validity, uid, ownId, status, c.Id, Clip(sender.Address, 254), subject, null, now));
                    beforeSave?.Invoke(messageId); // the register saves the contact and the intake record together
                });
            if (!registered.Ok)
            {
                // The register refused what the mail says (an address it cannot use): kept as malformed.
                db.ChangeTracker.Clear();
                await ImportAsync(sp, mailbox, validity, uid, null, IntakeStatus.Malformed, "Not taken in: " + string.Join(", ", registered.InvalidParams.Select(p => $"{p.Name} {p.Code}")), beforeSave, ct);
            }
            return;
        }
        db.Add(new IntakeRecord(mailbox, validity, uid, ownId, status, contactId, Clip(sender.Address, 254), subject, null, now));
        beforeSave?.Invoke(messageId);
        await db.SaveChangesAsync(ct);
    }

    /// The acknowledgement, in the sender's language, threaded to their message; its own
    /// Message-ID is kept so that a reply to it joins the contact.
    private void Acknowledge(IServiceProvider sp, GuichetDb db, Contact contact, string inReplyTo, string? subject, DateTimeOffset now)
    {
        var texts = sp.GetRequiredService<Texts>();
        var culture = System.Globalization.CultureInfo.GetCultureInfo(Languages.CultureName(contact.Language));
        var id = MailMessage.NewMessageId(mail.Value.IdDomain);
        var ackSubject = string.Format(culture, texts.Get(contact.Language, "mailintake.ack.subject"), subject ?? "");
        var body = string.Format(culture, texts.Get(contact.Language, "mailintake.ack.body"), contact.RespondBy.ToString("d MMMM yyyy", culture));
        sp.GetRequiredService<Platform.Outbox.Outbox>().EnqueueMail(new MailMessage
        {
            To = [new MailAddress(contact.Email!, contact.CustomerName)],
            Subject = ackSubject,
            TextBody = body,
            MessageId = id,
            InReplyTo = inReplyTo,
            References = [inReplyTo],
            Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-replied" },
        }, PendingEvent.MailSent("contact-acknowledgement", new EventLogObject("contact", contact.Id.ToString(), Role.Contact)));
        db.Add(new ContactMessage(contact.Id, MessageDirection.Out, id, mail.Value.FromAddress, ackSubject, body, now));
    }

    /// Keeps attachments of accepted kinds (recognised by content, 10 MB at most); returns the names of the others.
    private static List<string> AddAttachments(GuichetDb db, Guid contactId, Guid messageId, MimeMessage message)
    {
        var refused = new List<string>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            using var buffer = new MemoryStream();
            part.Content?.DecodeTo(buffer);
            var bytes = buffer.ToArray();
            var name = part.FileName ?? "attachment";
            if (bytes.Length == 0 || bytes.Length > 10 * 1024 * 1024 || FileTypes.Sniff(bytes) is not { } kind)
            {
                refused.Add(Clip(name, 200)!);
                continue;
            }
            db.Add(ContactAttachment.Of(contactId, messageId, name, kind, bytes));
        }
        return refused;
    }

    /// The message's language: its Content-Language header, else the little words of its text, else the default.
    private string Language(MimeMessage message, string text)
    {
        var header = message.Headers[HeaderId.ContentLanguage]?.Trim().ToLowerInvariant();
        if (header is { Length: >= 2 } && Languages.IsSupported(header[..2])) return header[..2];
        var words = text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(200).ToList();
        var score = new Dictionary<string, int>
        {
            ["fr"] = words.Count(w => w is "le" or "la" or "les" or "je" or "vous" or "bonjour" or "merci" or "pour" or "est" or "une"),
            ["nl"] = words.Count(w => w is "de" or "het" or "ik" or "u" or "een" or "goedendag" or "bedankt" or "voor" or "is" or "mijn"),
            ["de"] = words.Count(w => w is "der" or "die" or "das" or "ich" or "sie" or "und" or "guten" or "danke" or "für" or "ist"),
            ["en"] = words.Count(w => w is "the" or "i" or "you" or "and" or "hello" or "thank" or "for" or "is" or "my" or "please"),
        };
        var best = score.OrderByDescending(s => s.Value).First();
        return best.Value >= 2 ? best.Key : options.Value.DefaultLanguage;
    }

    private static string? HtmlToText(string? html) => html is null ? null
        : System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));

    private static string? Clip(string? s, int max) => s is null ? null : s.Length > max ? s[..max] : s;
}

/// Polls the mailbox while the app runs; a failing round is logged and retried next time.
internal sealed class MailIntakeWorker(MailIntake intake, IOptions<MailIntakeOptions> options, ILogger<MailIntakeWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await intake.RunOnceAsync(stoppingToken) > 0) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Mail intake round failed; retrying in {Interval}.", options.Value.PollInterval);
            }
            await Task.Delay(options.Value.PollInterval, stoppingToken);
        }
    }
}
