using Guichet.Deliver.Cases;
namespace Guichet.Deliver.StatusPage;

/// The customer's secure links: a new one for a case (staff), and the case behind one (the
/// customer's page and letter).
internal sealed class StatusLinkWork(GuichetDb db, EventLog eventLog, TimeProvider time, IOptions<StatusLinkOptions> links)
{
    /// A new status link for a case, revoking the earlier ones; the token is shown once.
    public async Task<Result<string>> NewLinkAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct)
    {
        var found = await CaseScope.FindAsync(db, user, caseId, tracked: false, ct);
        if (found.Value is not { } @case) return found.As<string>();
        var now = time.GetUtcNow();
        foreach (var old in await db.Set<CaseStatusLink>().Where(l => l.CaseId == caseId && l.RevokedAt == null).ToListAsync(ct)) old.Revoke(now);
        var token = CaseStatusLink.Add(db, caseId, now, links.Value);
        eventLog.Record(user, DeliverActivities.StatusLinkCreated, CaseWork.Objects(@case, eventLog));
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// The case behind a status link: 404 when the token is unknown or malformed, 410 when it
    /// was valid once (expired or replaced by a newer one).
    public async Task<Result<Case>> OpenLinkAsync(string? token, bool tracked, CancellationToken ct)
    {
        var link = await SecureLink.OpenAsync(db.Set<CaseStatusLink>().AsNoTracking(), token, hash => l => l.TokenHash == hash,
            (l, now) => l.IsValidAt(now), time.GetUtcNow(), ct);
        if (link.Record is not { } found) return link.As<Case>("The status link");
        var cases = tracked ? db.Set<Case>() : db.Set<Case>().AsNoTracking();
        return await cases.FirstAsync(c => c.Id == found.CaseId, ct);
    }
}
