namespace Guichet.Follow.Complaints;

/// Retention of complaints (ADR 0025): expired tracking links' rows are removed; past
/// KeepPersonDays a complaint keeps its number, dates, category, status, outcome, reasons and
/// measures (the complaint report and the journal refer to them), not who wrote it nor what they wrote.
internal sealed class ComplaintRetention(IOptions<ComplaintOptions> options) : IRetentionRule
{
    private const int Batch = 500;

    public string Name => "complaints";

    public async Task<int> ApplyAsync(GuichetDb db, DateTimeOffset now, CancellationToken ct)
    {
        var done = await db.Set<ComplaintLink>().Where(l => l.ExpiresAt < now.AddDays(-options.Value.KeepExpiredLinkDays)).ExecuteDeleteAsync(ct);
        var before = now.AddDays(-options.Value.KeepPersonDays);
        while (true)
        {
            var ids = await db.Set<Complaint>()
                .Where(c => c.ReceivedAt < before && (c.CustomerNumber != null || c.CustomerName != null || c.Email != null || c.Address != null || c.Description != ""))
                .OrderBy(c => c.Id).Select(c => c.Id).Take(Batch).ToListAsync(ct);
            if (ids.Count == 0) break;
            await db.Set<ComplaintAttachment>().Where(a => ids.Contains(a.ComplaintId)).ExecuteDeleteAsync(ct);
            done += await db.Set<Complaint>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(c => c.CustomerNumber, (string?)null).SetProperty(c => c.CustomerName, (string?)null)
                .SetProperty(c => c.Email, (string?)null).SetProperty(c => c.Address, (string?)null)
                .SetProperty(c => c.Description, ""), ct);
            if (ids.Count < Batch) break;
        }
        return done;
    }
}
