using System.Net;

namespace Guichet.Follow.Subscriptions;

/// What a subscribe or manage form sends.
internal sealed record SubscriptionRequest(string? Email, string? Language, string? Frequency, IReadOnlyList<string>? Topics);

/// Where a request came from, for the consent's proof.
internal sealed record RequestOrigin(IPAddress? Address, string? UserAgent);

/// A topic as the public pages and the API show it.
internal sealed record TopicEntry(Guid Id, string Code, string Kind, LocalizedText Name, Guid? RefId, bool Active);

internal sealed record TopicRequest(string? Code, string? Kind, LocalizedText? Name, Guid? RefId, bool? Active);

/// The use cases of subscriptions: subscribe (double opt-in), confirm, change, erase; and the topic
/// list kept by communication staff. Each validates first, then changes, records its one event,
/// queues its mail and saves once.
internal sealed class SubscriptionWork(GuichetDb db, EventLog eventLog, TimeProvider time, Texts texts, SubscriptionMail mail, SubscriberLinks links,
    IOptions<SubscriptionOptions> options, Orient.Catalogue.CatalogueDirectory catalogue)
{
    public async Task<List<SubscriptionTopic>> TopicsAsync(bool activeOnly, CancellationToken ct) =>
        await db.Set<SubscriptionTopic>().AsNoTracking().Where(t => !activeOnly || t.Active).OrderBy(t => t.Kind).ThenBy(t => t.Code).ToListAsync(ct);

    /// The words of the consent as the subscribe (or manage) page shows them, with the choices made:
    /// what is kept as proof.
    public string ConsentText(string language, Frequency frequency, IEnumerable<SubscriptionTopic> topics) =>
        texts.Get(language, "subscriptions.consent") + "\n"
        + texts.Get(language, "subscriptions.label.topics") + ": " + TopicNames(language, topics) + "\n"
        + texts.Get(language, "subscriptions.label.frequency") + ": " + texts.Get(language, "subscriptions.frequency." + EnumCodes.Code(frequency));

    public static string TopicNames(string language, IEnumerable<SubscriptionTopic> topics) =>
        string.Join(", ", topics.Select(t => t.Name.Resolve(language, "fr").Text));

    private async Task<(string? Email, string? Language, Frequency? Frequency, List<SubscriptionTopic> Topics)> CheckAsync(SubscriptionRequest r, bool withEmail,
        List<InvalidParam> errors, CancellationToken ct)
    {
        string? email = null;
        if (withEmail)
        {
            if (string.IsNullOrWhiteSpace(r.Email)) errors.Add(new("email", "required", "The e-mail address to send to."));
            else if (r.Email.Trim().Length > Subscriber.MaxEmail || !System.Net.Mail.MailAddress.TryCreate(r.Email.Trim(), out var parsed) || parsed.Address != r.Email.Trim())
                errors.Add(new("email", "invalid-email", "Not an e-mail address."));
            else email = r.Email.Trim().ToLowerInvariant();
        }
        if (!Languages.IsSupported(r.Language)) errors.Add(new("language", "unknown-language", "One of fr, nl, de, en."));
        var frequency = EnumCodes.Read<Frequency>(r.Frequency, "frequency", errors);
        var codes = (r.Topics ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        var topics = codes.Count == 0 || codes.Any(c => c.Length > SubscriptionTopic.MaxCode) ? []
            : await db.Set<SubscriptionTopic>().AsNoTracking().Where(t => codes.Contains(t.Code) && t.Active).ToListAsync(ct);
        if (codes.Count == 0) errors.Add(new("topics", "required", "At least one topic."));
        else if (topics.Count != codes.Count) errors.Add(new("topics", "unknown-topic", "A topic is unknown or withdrawn."));
        return (email, r.Language, frequency, topics);
    }

    /// Subscribes an address: a new subscriber (or one not confirmed yet, again) waits for the click
    /// on its confirmation link; nothing else is sent before. An address already confirmed is left
    /// as it is and told nothing new (the page says the same in every case: nobody learns from it
    /// whether an address is subscribed).
    public async Task<Result<string>> SubscribeAsync(SubscriptionRequest r, RequestOrigin origin, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        var (email, language, frequency, topics) = await CheckAsync(r, withEmail: true, errors, ct);
        if (errors.Count > 0) return Result<string>.Invalid(errors);
        var now = time.GetUtcNow();
        var subscriber = await db.Set<Subscriber>().Include(s => s.Topics).FirstOrDefaultAsync(s => s.Email == email, ct);
        if (subscriber is { IsConfirmed: true }) return "exists";
        if (subscriber is null)
        {
            subscriber = new Subscriber(email!, language!, frequency!.Value, topics.Select(t => t.Id), now);
            db.Add(subscriber);
        }
        else subscriber.Change(language!, frequency!.Value, topics.Select(t => t.Id));
        var (token, hash) = SecureToken.New();
        subscriber.AwaitConfirmation(hash, now.AddHours(options.Value.ConfirmValidHours));
        db.Add(new SubscriptionConsent(subscriber.Id, ConsentStep.Subscribed, now, language!, ConsentText(language!, frequency!.Value, topics), origin.Address, origin.UserAgent));
        eventLog.Record("customer", FollowActivities.SubscriberSubscribed, [new("subscriber", subscriber.Id.ToString(), Role.Subject)], Attributes(subscriber, topics));
        mail.Confirmation(subscriber, token, TopicNames(language!, topics));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // the same address a moment ago, from another tab: that one counts
        }
        return "sent";
    }

    private static Dictionary<string, object?> Attributes(Subscriber s, IEnumerable<SubscriptionTopic> topics) => new()
    {
        ["language"] = s.Language, ["frequency"] = EnumCodes.Code(s.Frequency), ["topics"] = topics.Select(t => t.Code).ToList(),
    };

    /// The subscriber a confirmation link opens, or why not (404 unknown or altered, 409 used, 410 expired).
    public async Task<(Subscriber? Subscriber, int Status)> OpenConfirmationAsync(string? token, CancellationToken ct)
    {
        if (!SecureToken.LooksValid(token)) return (null, StatusCodes.Status404NotFound);
        var hash = SecureToken.Hash(token!);
        var s = await db.Set<Subscriber>().AsNoTracking().FirstOrDefaultAsync(x => x.ConfirmTokenHash == hash, ct);
        if (s is null) return (null, StatusCodes.Status404NotFound);
        if (s.IsConfirmed) return (s, StatusCodes.Status409Conflict);
        return s.ConfirmExpiresAt <= time.GetUtcNow() ? (s, StatusCodes.Status410Gone) : (s, StatusCodes.Status200OK);
    }

    /// The click on the confirmation link's button: the subscription starts, the consent is complete,
    /// and the first mail (with the manage link) leaves. Returns the manage link's token.
    public async Task<Result<string>> ConfirmAsync(string? token, RequestOrigin origin, CancellationToken ct)
    {
        var (found, status) = await OpenConfirmationAsync(token, ct);
        if (found is null) return Result<string>.NotFound("The confirmation link");
        var manage = links.Token(found.Id, SubscriberLinks.Manage); // the key is read before the write
        mail.ListHeaders(found.Id);
        var s = await db.Set<Subscriber>().Include(x => x.Topics).FirstAsync(x => x.Id == found.Id, ct);
        var now = time.GetUtcNow();
        if (s.Confirm(now) is { } refused) return Result<string>.Refused(refused);
        var topics = await TopicsOfAsync(s, ct);
        db.Add(new SubscriptionConsent(s.Id, ConsentStep.Confirmed, now, s.Language, texts.Get(s.Language, "subscriptions.confirm.text"), origin.Address, origin.UserAgent));
        eventLog.Record("customer", FollowActivities.SubscriberConfirmed, [new("subscriber", s.Id.ToString(), Role.Subject)], Attributes(s, topics));
        mail.Welcome(s, TopicNames(s.Language, topics));
        await db.SaveChangesAsync(ct);
        return manage;
    }

    private async Task<List<SubscriptionTopic>> TopicsOfAsync(Subscriber s, CancellationToken ct)
    {
        var ids = s.Topics.Select(t => t.TopicId).ToList();
        return await db.Set<SubscriptionTopic>().AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.Code).ToListAsync(ct);
    }

    /// The subscriber of a manage link, with topics and consents, or null.
    public async Task<Subscriber?> ManagedAsync(string? token, CancellationToken ct) =>
        links.Read(token, SubscriberLinks.Manage) is { } id
            ? await db.Set<Subscriber>().AsNoTracking().Include(s => s.Topics).Include(s => s.Consents).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct)
            : null;

    public async Task<Result<Subscriber>> ChangeAsync(string? token, SubscriptionRequest r, RequestOrigin origin, CancellationToken ct)
    {
        if (links.Read(token, SubscriberLinks.Manage) is not { } id) return Result<Subscriber>.NotFound("The subscription");
        var s = await db.Set<Subscriber>().Include(x => x.Topics).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Result<Subscriber>.NotFound("The subscription");
        var errors = new List<InvalidParam>();
        var (_, language, frequency, topics) = await CheckAsync(r, withEmail: false, errors, ct);
        if (errors.Count > 0) return Result<Subscriber>.Invalid(errors);
        s.Change(language!, frequency!.Value, topics.Select(t => t.Id));
        var now = time.GetUtcNow();
        db.Add(new SubscriptionConsent(s.Id, ConsentStep.Changed, now, language!, ConsentText(language!, frequency.Value, topics), origin.Address, origin.UserAgent));
        eventLog.Record("customer", FollowActivities.SubscriberChanged, [new("subscriber", s.Id.ToString(), Role.Subject)], Attributes(s, topics));
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// Unsubscribing is erasure: the subscriber, its topics and consents are deleted at once; the
    /// month's anonymous count goes up, and the journal keeps the subscriber's random id and how.
    public async Task<bool> EraseAsync(string? token, string purpose, CancellationToken ct)
    {
        if (links.Read(token, purpose) is not { } id) return false;
        var s = await db.Set<Subscriber>().Include(x => x.Topics).Include(x => x.Consents).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return false;
        var month = BrusselsTime.LocalDate(time.GetUtcNow()).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Remove(s);
        eventLog.Record("customer", FollowActivities.SubscriberErased, [new("subscriber", s.Id.ToString(), Role.Subject)],
            new Dictionary<string, object?> { ["how"] = purpose == SubscriberLinks.Unsubscribe ? "one-click" : "manage-page", ["confirmed"] = s.IsConfirmed });
        if (await db.Set<SubscriptionErasures>().Where(e => e.Month == month).ExecuteUpdateAsync(u => u.SetProperty(e => e.Count, e => e.Count + 1), ct) == 0)
            db.Add(new SubscriptionErasures(month, 1));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // erased a moment ago (a second click)
        }
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<Result<SubscriptionTopic>> SaveTopicAsync(ClaimsPrincipal user, Guid? id, TopicRequest r, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        SubscriptionTopic? topic = null;
        if (id is { } existing && (topic = await db.Set<SubscriptionTopic>().FirstOrDefaultAsync(t => t.Id == existing, ct)) is null)
            return Result<SubscriptionTopic>.NotFound("The topic");
        TopicKind? kind = null;
        if (topic is null)
        {
            if (string.IsNullOrWhiteSpace(r.Code)) errors.Add(new("code", "required", "A stable code (lower-case letters, digits, hyphens)."));
            else if (r.Code.Length > SubscriptionTopic.MaxCode || !System.Text.RegularExpressions.Regex.IsMatch(r.Code, "^[a-z0-9]+(-[a-z0-9]+)*$"))
                errors.Add(new("code", "invalid-code", "Lower-case letters, digits and single hyphens."));
            else if (await db.Set<SubscriptionTopic>().AnyAsync(t => t.Code == r.Code, ct)) errors.Add(new("code", "code-taken", "Another topic has this code."));
            kind = EnumCodes.Read<TopicKind>(r.Kind, "kind", errors);
            if (kind == TopicKind.Service && (r.RefId is not { } service || await catalogue.ServiceAsync(service, ct) is null))
                errors.Add(new("refId", "unknown-service", "A topic about a service names a service of the catalogue."));
        }
        if (r.Name is null || Languages.Supported.Any(l => !r.Name.Has(l))) errors.Add(new("name", "name-in-every-language", "The name in fr, nl, de and en."));
        else if (Languages.Supported.Any(l => r.Name[l]!.Length > SubscriptionTopic.MaxName)) errors.Add(new("name", "too-long", $"At most {SubscriptionTopic.MaxName} characters."));
        if (errors.Count > 0) return Result<SubscriptionTopic>.Invalid(errors);
        var name = LocalizedText.Of(r.Name!.Fr!.Trim(), r.Name.Nl!.Trim(), r.Name.De!.Trim(), r.Name.En!.Trim());
        if (topic is null)
        {
            topic = new SubscriptionTopic(r.Code!, kind!.Value, name, r.RefId, time.GetUtcNow());
            db.Add(topic);
            eventLog.Record(user, FollowActivities.TopicCreated, [new("subscription-topic", topic.Id.ToString(), Role.Subject)],
                new Dictionary<string, object?> { ["code"] = topic.Code, ["kind"] = EnumCodes.Code(topic.Kind) });
        }
        else
        {
            topic.Change(name, r.Active ?? topic.Active);
            eventLog.Record(user, FollowActivities.TopicChanged, [new("subscription-topic", topic.Id.ToString(), Role.Subject)],
                new Dictionary<string, object?> { ["code"] = topic.Code, ["active"] = topic.Active });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result<SubscriptionTopic>.Invalid("code", "code-taken", "Another topic has this code.");
        }
        return topic;
    }
}
