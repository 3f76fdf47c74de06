namespace Guichet.Follow.Webhooks;

/// What an admin sends to subscribe an external system: its URL, a description, the event types,
/// and optionally the secret (else one is made and shown once).
internal sealed record WebhookRequest(string? Url, string? Description, IReadOnlyList<string>? EventTypes, string? Secret);

/// The use cases of webhook subscriptions: subscribe, change, delete, switch on again. Each
/// validates first, then changes, records its one event and saves once. A receiver gets the events
/// recorded after it was subscribed, never earlier ones.
internal sealed class WebhookWork(GuichetDb db, EventLog eventLog, TimeProvider time, PublicUrls urls)
{
    public async Task<List<WebhookSubscription>> ListAsync(CancellationToken ct) =>
        [.. (await db.Set<WebhookSubscription>().AsNoTracking().ToListAsync(ct)).OrderBy(s => s.CreatedAt)];

    public async Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<WebhookSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    private (string Url, string Description, List<string> Types, string? Secret, List<InvalidParam> Errors) Check(WebhookRequest r)
    {
        var errors = new List<InvalidParam>();
        var url = r.Url?.Trim() ?? "";
        if (url.Length == 0) errors.Add(new("url", "required", "The URL to POST events to."));
        else if (url.Length > WebhookSubscription.MaxUrl) errors.Add(new("url", "too-long", $"At most {WebhookSubscription.MaxUrl} characters."));
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
            errors.Add(new("url", "invalid-url", "An absolute http or https URL, without user name or password."));
        else if (Uri.TryCreate(urls.BaseUrl, UriKind.Absolute, out var own) && string.Equals(uri.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase))
            errors.Add(new("url", "url-is-the-platform", "Events cannot be sent to the platform itself."));
        var description = r.Description?.Trim() ?? "";
        if (description.Length > WebhookSubscription.MaxDescription) errors.Add(new("description", "too-long", $"At most {WebhookSubscription.MaxDescription} characters."));
        var types = (r.EventTypes ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (types.Count == 0) errors.Add(new("eventTypes", "required", "At least one event type."));
        else if (!types.All(WebhookEvents.IsKnown)) errors.Add(new("eventTypes", "unknown-event-type", "One of " + string.Join(", ", WebhookEvents.All.Select(t => t.Code)) + "."));
        string? secret = null;
        if (r.Secret is { Length: > 0 } s)
        {
            if (!s.StartsWith("whsec_", StringComparison.Ordinal) || !IsBase64Key(s["whsec_".Length..]))
                errors.Add(new("secret", "invalid-secret", "whsec_ followed by the base64 of 24 to 64 random bytes."));
            else secret = s;
        }
        return (url, description, types, secret, errors);
    }

    private static bool IsBase64Key(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var n) && n is >= 24 and <= 64;
    }

    private static Dictionary<string, object?> Attributes(WebhookSubscription s) => new()
    {
        ["host"] = new Uri(s.Url).Host, ["eventTypes"] = s.EventTypes, ["active"] = s.Active,
    };

    public async Task<Result<WebhookSubscription>> SubscribeAsync(ClaimsPrincipal user, WebhookRequest r, CancellationToken ct)
    {
        var (url, description, types, secret, errors) = Check(r);
        if (errors.Count > 0) return Result<WebhookSubscription>.Invalid(errors);
        var now = time.GetUtcNow();
        // The job reads the journal from here on: a receiver gets no event older than its subscription.
        var end = await db.Set<EventLogEntry>().MaxAsync(e => (long?)e.Id, ct) ?? 0;
        if (await JournalCursor.FindAsync(db, WebhookDispatch.Reader, ct) is null)
        {
            // The job's cursor, made once: two first subscriptions at the same instant both try, one wins.
            var cursor = new JournalCursor(WebhookDispatch.Reader, end);
            db.Add(cursor);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { db.Entry(cursor).State = EntityState.Detached; }
        }
        var s = new WebhookSubscription(url, description, secret ?? WebhookSubscription.NewSecret(), types, now);
        db.Add(s);
        s.StartAfter(end);
        eventLog.Record(user, FollowActivities.WebhookSubscribed, [new("webhook-subscription", s.Id.ToString(), Role.Subject)], Attributes(s));
        await db.SaveChangesAsync(ct);
        return s;
    }

    public async Task<Result<WebhookSubscription>> ChangeAsync(ClaimsPrincipal user, Guid id, WebhookRequest r, CancellationToken ct)
    {
        var s = await db.Set<WebhookSubscription>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Result<WebhookSubscription>.NotFound("The webhook subscription");
        var (url, description, types, _, errors) = Check(r with { Secret = null });
        if (errors.Count > 0) return Result<WebhookSubscription>.Invalid(errors);
        s.Change(url, description, types);
        eventLog.Record(user, FollowActivities.WebhookChanged, [new("webhook-subscription", s.Id.ToString(), Role.Subject)], Attributes(s));
        await db.SaveChangesAsync(ct);
        return s;
    }

    public async Task<Result<WebhookSubscription>> EnableAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var s = await db.Set<WebhookSubscription>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Result<WebhookSubscription>.NotFound("The webhook subscription");
        s.Enable();
        eventLog.Record(user, FollowActivities.WebhookChanged, [new("webhook-subscription", s.Id.ToString(), Role.Subject)], Attributes(s));
        await db.SaveChangesAsync(ct);
        return s;
    }

    public async Task<Result<WebhookSubscription>> DeleteAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var s = await db.Set<WebhookSubscription>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Result<WebhookSubscription>.NotFound("The webhook subscription");
        db.Remove(s);
        eventLog.Record(user, FollowActivities.WebhookDeleted, [new("webhook-subscription", s.Id.ToString(), Role.Subject)], Attributes(s));
        await db.SaveChangesAsync(ct);
        return s;
    }
}
