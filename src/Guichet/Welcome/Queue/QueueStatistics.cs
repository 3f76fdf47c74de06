namespace Guichet.Welcome.Queue;

/// Waiting times per service at an office over some days. Waiting = from the ticket's issue to its
/// first call. Read from the event log alone (not from the tickets), so that the figures are
/// those process mining and Improve will see.
internal sealed record ServiceWaitingTimes(Guid ServiceId, int Issued, int Called, int Served, int NoShows, int Transferred,
    double? AverageWaitMinutes, double? MedianWaitMinutes, double? P90WaitMinutes, double? LongestWaitMinutes);

internal sealed class QueueStatistics(GuichetDb db)
{
    public async Task<IReadOnlyList<ServiceWaitingTimes>> ForOfficeAsync(Guid officeId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = BrusselsTime.ToInstant(from, TimeOnly.MinValue);
        var end = BrusselsTime.ToInstant(to.AddDays(1), TimeOnly.MinValue);
        var office = officeId.ToString();
        var entries = await db.Set<EventLogEntry>().AsNoTracking().Include(e => e.Objects)
            .Where(e => e.At >= start && e.At < end && e.Activity.StartsWith("welcome.ticket.")
                && e.Objects.Any(o => o.ObjectType == "queue-office" && o.ObjectId == office))
            .OrderBy(e => e.Id)
            .ToListAsync(ct);

        var tickets = new Dictionary<string, (string Service, DateTimeOffset? Issued, DateTimeOffset? FirstCall, bool Served, bool NoShow, bool Transferred)>();
        foreach (var e in entries)
        {
            var ticket = e.Objects.FirstOrDefault(o => o.ObjectType == "queue-ticket")?.ObjectId;
            if (ticket is null) continue;
            var t = tickets.GetValueOrDefault(ticket);
            switch (e.Activity)
            {
                case "welcome.ticket.issued":
                    t.Issued = e.At;
                    t.Service = e.Objects.FirstOrDefault(o => o.ObjectType == "service")?.ObjectId ?? "";
                    break;
                case "welcome.ticket.called":
                    t.FirstCall ??= e.At;
                    break;
                case "welcome.ticket.served": t.Served = true; break;
                case "welcome.ticket.missed": t.NoShow = true; break;
                case "welcome.ticket.transferred": t.Transferred = true; break;
            }
            tickets[ticket] = t;
        }

        return [.. tickets.Values.Where(t => t.Issued is not null && Guid.TryParse(t.Service, out _))
            .GroupBy(t => Guid.Parse(t.Service))
            .Select(g =>
            {
                var waits = g.Where(t => t.FirstCall is not null).Select(t => (t.FirstCall!.Value - t.Issued!.Value).TotalMinutes).Order().ToList();
                return new ServiceWaitingTimes(g.Key, g.Count(), waits.Count, g.Count(t => t.Served), g.Count(t => t.NoShow), g.Count(t => t.Transferred),
                    waits.Count == 0 ? null : Math.Round(waits.Average(), 1),
                    waits.Count == 0 ? null : Math.Round(Percentile(waits, 0.5), 1),
                    waits.Count == 0 ? null : Math.Round(Percentile(waits, 0.9), 1),
                    waits.Count == 0 ? null : Math.Round(waits[^1], 1));
            })
            .OrderBy(s => s.ServiceId)];
    }

    /// Nearest-rank percentile of sorted values.
    public static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
