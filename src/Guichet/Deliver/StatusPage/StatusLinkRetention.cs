namespace Guichet.Deliver.StatusPage;

/// Retention of status links (Deliver:StatusLinks:KeepExpiredDays): the rows of links that expired
/// or were replaced are removed; the case keeps its history in the journal.
internal sealed class StatusLinkRetention(IOptions<StatusLinkOptions> options) : IRetentionRule
{
    public string Name => "status-links";

    public async Task<int> ApplyAsync(GuichetDb db, DateTimeOffset now, CancellationToken ct)
    {
        var before = now.AddDays(-options.Value.KeepExpiredDays);
        return await db.Set<CaseStatusLink>().Where(l => l.ExpiresAt < before || (l.RevokedAt != null && l.RevokedAt < before)).ExecuteDeleteAsync(ct);
    }
}
