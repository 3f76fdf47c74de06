using Guichet.Deliver.Decisions;
using Guichet.Follow.Subscriptions;

namespace Guichet.Follow.Notices;

/// What a notice form or the API sends: subject and Markdown body per language, the language of
/// fallback, the codes of the topics and of the case types it concerns.
internal sealed record NoticeRequest(LocalizedText? Subject, LocalizedText? Body, string? PrimaryLanguage, IReadOnlyList<string>? Topics, IReadOnlyList<string>? CaseTypes);

/// How far a notice is: recipients by state.
internal sealed record NoticeProgress(int Total, int Queued, int Sending, int Sent, int TemporaryFailure, int PermanentFailure, int Unsubscribed, int LetterDue, int LetterPrinted)
{
    public int Done => Sent + PermanentFailure + Unsubscribed + LetterDue + LetterPrinted;
    public int Mails => Total - LetterDue - LetterPrinted;
}

/// The use cases of notices: write and change a draft, send it (fix its recipients, each address or
/// customer once), see its progress and recipients, print its letters. Each validates first, then
/// changes, records its one event and saves once.
internal sealed class NoticeWork(GuichetDb db, EventLog eventLog, TimeProvider time, CaseReferences cases)
{
    public async Task<List<Notice>> ListAsync(CancellationToken ct) =>
        [.. (await db.Set<Notice>().AsNoTracking().ToListAsync(ct)).OrderByDescending(n => n.CreatedAt)];

    public async Task<Notice?> FindAsync(Guid id, CancellationToken ct) => await db.Set<Notice>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);

    public async Task<List<SubscriptionTopic>> TopicsAsync(CancellationToken ct) =>
        await db.Set<SubscriptionTopic>().AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);

    public Task<List<CaseTypeName>> CaseTypesAsync(CancellationToken ct) => cases.CaseTypesAsync(ct);

    private async Task<(NoticeContent? Content, List<InvalidParam> Errors)> CheckAsync(NoticeRequest r, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        var subject = r.Subject ?? new LocalizedText();
        var body = r.Body ?? new LocalizedText();
        var written = new List<string>();
        foreach (var l in LocalizedText.Languages)
        {
            var hasSubject = subject.Has(l);
            var hasBody = body.Has(l);
            if (hasSubject && !hasBody) errors.Add(new($"body.{l}", "required", "A version needs its text as well as its subject."));
            else if (hasBody && !hasSubject) errors.Add(new($"subject.{l}", "required", "A version needs its subject as well as its text."));
            else if (hasSubject && hasBody) written.Add(l);
            if (subject[l] is { Length: > Notice.MaxSubject }) errors.Add(new($"subject.{l}", "too-long", $"At most {Notice.MaxSubject} characters."));
            if (subject[l] is { } s && s.Contains('\n', StringComparison.Ordinal)) errors.Add(new($"subject.{l}", "invalid-value", "A subject is one line."));
            if (body[l] is { Length: > Notice.MaxBody }) errors.Add(new($"body.{l}", "too-long", $"At most {Notice.MaxBody} characters."));
            else if (body[l] is { } b && !NoticeMarkdown.LinksAreSafe(b)) errors.Add(new($"body.{l}", "unsafe-link", "Links may only go to https, http or mailto addresses."));
        }
        if (written.Count == 0 && errors.Count == 0) errors.Add(new("subject.fr", "no-version", "At least one language version (subject and text)."));
        string primary = written.FirstOrDefault() ?? "fr";
        if (r.PrimaryLanguage is { Length: > 0 } p)
        {
            if (!Languages.IsSupported(p)) errors.Add(new("primaryLanguage", "unknown-language", "One of fr, nl, de, en."));
            else if (written.Count > 0 && !written.Contains(p)) errors.Add(new("primaryLanguage", "no-version", "The fallback language must be one the notice is written in."));
            else primary = p;
        }
        var topics = Codes(r.Topics);
        var caseTypes = Codes(r.CaseTypes);
        if (topics.Count == 0 && caseTypes.Count == 0) errors.Add(new("topics", "required", "At least one topic or case type."));
        if (topics.Count > 0)
        {
            var known = topics.Any(c => c.Length > SubscriptionTopic.MaxCode) ? 0
                : await db.Set<SubscriptionTopic>().AsNoTracking().CountAsync(t => topics.Contains(t.Code), ct);
            if (known != topics.Count) errors.Add(new("topics", "unknown-topic", "A topic is unknown."));
        }
        if (caseTypes.Count > 0)
        {
            var known = (await cases.CaseTypesAsync(ct)).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
            if (!caseTypes.All(known.Contains)) errors.Add(new("caseTypes", "unknown-case-type", "A case type is unknown."));
        }
        if (errors.Count > 0) return (null, errors);
        var trimmed = LocalizedText.Languages.Aggregate(new LocalizedText(), (t, l) => t.With(l, subject[l]?.Trim()));
        return (new NoticeContent(trimmed, body, primary, topics, caseTypes), errors);
    }

    private static List<string> Codes(IReadOnlyList<string>? codes) =>
        [.. (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal)];

    private static Dictionary<string, object?> Attributes(Notice n) => new()
    {
        ["languages"] = LocalizedText.Languages.Where(n.Body.Has).ToList(),
        ["topics"] = n.Topics,
        ["caseTypes"] = n.CaseTypes,
    };

    /// Writes a new draft (id null) or changes a draft; a sent notice is not changed.
    public async Task<Result<Notice>> SaveAsync(ClaimsPrincipal user, Guid? id, NoticeRequest r, CancellationToken ct)
    {
        Notice? notice = null;
        if (id is { } existing && (notice = await db.Set<Notice>().FirstOrDefaultAsync(n => n.Id == existing, ct)) is null)
            return Result<Notice>.NotFound("The notice");
        var (content, errors) = await CheckAsync(r, ct);
        if (content is null) return Result<Notice>.Invalid(errors);
        var now = time.GetUtcNow();
        if (notice is null)
        {
            notice = new Notice(content, now);
            db.Add(notice);
            eventLog.Record(user, FollowActivities.NoticeCreated, [new("notice", notice.Id.ToString(), Role.Subject)], Attributes(notice));
        }
        else
        {
            if (notice.Edit(content, now) is { } refusal) return Result<Notice>.Refused(refusal);
            eventLog.Record(user, FollowActivities.NoticeChanged, [new("notice", notice.Id.ToString(), Role.Subject)], Attributes(notice));
        }
        await db.SaveChangesAsync(ct);
        return notice;
    }

    /// Sends a draft: fixes its recipients as rows, in one transaction with the notice's new state
    /// and its event. Confirmed subscribers of its topics first (their copy can be left in one
    /// click), then the parties of open cases of its case types: by e-mail when they have one, by
    /// letter otherwise; each address, and each customer, once.
    public async Task<Result<Notice>> SendAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var notice = await db.Set<Notice>().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null) return Result<Notice>.NotFound("The notice");
        var now = time.GetUtcNow();
        if (notice.StartSending(now) is { } refusal) return Result<Notice>.Refused(refusal);

        var recipients = new Dictionary<string, NoticeRecipient>(StringComparer.Ordinal);
        var topicIds = await db.Set<SubscriptionTopic>().AsNoTracking().Where(t => notice.Topics.Contains(t.Code)).Select(t => t.Id).ToListAsync(ct);
        if (topicIds.Count > 0)
        {
            var subscribers = await db.Set<Subscriber>().AsNoTracking()
                .Where(s => s.ConfirmedAt != null && s.Topics.Any(t => topicIds.Contains(t.TopicId)))
                .OrderBy(s => s.Email).Select(s => new { s.Id, s.Email, s.Language }).ToListAsync(ct);
            foreach (var s in subscribers)
                recipients.TryAdd("mail:" + s.Email.ToLowerInvariant(), NoticeRecipient.Subscriber(notice.Id, s.Id, s.Email, s.Language, now));
        }
        var parties = await cases.OpenCasePartiesAsync(notice.CaseTypes, ct);
        var mailed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in parties.Where(p => !string.IsNullOrWhiteSpace(p.Email)))
        {
            var customer = p.Number is { Length: > 0 } number ? eventLog.Customer(number).ObjectId : null;
            if (customer is not null) mailed.Add(customer);
            var email = p.Email!.Trim();
            recipients.TryAdd("mail:" + email.ToLowerInvariant(), NoticeRecipient.PartyByMail(notice.Id, email, p.Name, Lang(p.Language), customer, p.CaseNumber, now));
        }
        foreach (var p in parties.Where(p => string.IsNullOrWhiteSpace(p.Email) && !string.IsNullOrWhiteSpace(p.Address)))
        {
            var customer = p.Number is { Length: > 0 } number ? eventLog.Customer(number).ObjectId : null;
            if (customer is not null && mailed.Contains(customer)) continue; // they get it by mail for another case
            var key = customer is not null ? "customer:" + customer : "letter:" + Convert.ToHexString(
                System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(p.Name.Trim().ToLowerInvariant() + "\n" + p.Address!.Trim().ToLowerInvariant())))[..32];
            recipients.TryAdd(key, NoticeRecipient.PartyByLetter(notice.Id, key, p.Name.Trim(), p.Address!.Trim(), Lang(p.Language), customer, p.CaseNumber, now));
        }
        if (recipients.Count == 0) return Result<Notice>.Refused(NoticeRefusals.NobodyToSend);

        db.AddRange(recipients.Values);
        var letters = recipients.Values.Count(r => r.Channel == RecipientChannel.Letter);
        eventLog.Record(user, FollowActivities.NoticeSent, [new("notice", notice.Id.ToString(), Role.Subject)], new Dictionary<string, object?>
        {
            ["mails"] = recipients.Count - letters, ["letters"] = letters, ["topics"] = notice.Topics, ["caseTypes"] = notice.CaseTypes,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) || e is DbUpdateConcurrencyException)
        {
            return Result<Notice>.Refused(NoticeRefusals.AlreadySent); // sent at the same moment by someone else
        }
        return notice;
    }

    private static string Lang(string language) => Languages.IsSupported(language) ? language : "fr";

    public async Task<NoticeProgress> ProgressAsync(Guid id, CancellationToken ct)
    {
        var counts = (await db.Set<NoticeRecipient>().AsNoTracking().Where(r => r.NoticeId == id)
            .GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        int Of(RecipientState s) => counts.GetValueOrDefault(s);
        return new NoticeProgress(counts.Values.Sum(), Of(RecipientState.Queued), Of(RecipientState.Sending), Of(RecipientState.Sent),
            Of(RecipientState.TemporaryFailure), Of(RecipientState.PermanentFailure), Of(RecipientState.Unsubscribed), Of(RecipientState.LetterDue), Of(RecipientState.LetterPrinted));
    }

    public async Task<List<NoticeRecipient>> RecipientsAsync(Guid id, int skip, int take, CancellationToken ct) =>
        await db.Set<NoticeRecipient>().AsNoTracking().Where(r => r.NoticeId == id).OrderBy(r => r.Key).Skip(skip).Take(take).ToListAsync(ct);
}
