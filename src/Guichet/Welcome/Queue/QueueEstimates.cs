using Guichet.Orient.Catalogue;

namespace Guichet.Welcome.Queue;

/// The estimated wait at an office for a service, now: the median service time of the last
/// served tickets of that service, times the people ahead, over the open desks serving it.
/// Minutes is null when no open desk serves the service (no honest estimate then).
internal sealed record ServiceEstimate(Guid OfficeId, Guid ChannelId, LocalizedText OfficeName, string PrimaryLanguage, Guid ServiceId,
    int Waiting, int OpenDesks, TimeSpan MedianServiceTime, int? Minutes);

/// A ticket's place: how many are called before it and the estimated wait.
internal sealed record TicketEstimate(int Ahead, int OpenDesks, int? Minutes);

internal sealed class QueueEstimates(GuichetDb db, TimeProvider time, CatalogueDirectory catalogue, IOptions<QueueOptions> options)
{
    /// The pure rule, unit-tested: rounded up to the minute, 0 when nobody is ahead.
    public static int? Minutes(TimeSpan median, int ahead, int openDesks) =>
        openDesks <= 0 ? null : ahead <= 0 ? 0 : (int)Math.Ceiling(median.TotalMinutes * ahead / openDesks);

    public static TimeSpan Median(IReadOnlyList<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// The estimate at every office taking tickets for the service (the public service page's "about 15 minutes now").
    public async Task<IReadOnlyList<ServiceEstimate>> ForServiceAsync(Guid serviceId, CancellationToken ct = default)
    {
        var officeIds = await db.Set<OfficeService>().AsNoTracking().Where(l => l.ServiceId == serviceId).Select(l => l.OfficeId).ToListAsync(ct);
        if (officeIds.Count == 0) return [];
        var offices = await db.Set<QueueOffice>().AsNoTracking().Where(o => officeIds.Contains(o.Id)).ToListAsync(ct);
        var channels = (await catalogue.ChannelsAsync(offices.Select(o => o.ChannelId), ct)).ToDictionary(c => c.Id);
        var median = await MedianServiceTimeAsync(serviceId, ct);
        var day = BrusselsTime.LocalDate(time.GetUtcNow());
        var result = new List<ServiceEstimate>();
        foreach (var office in offices)
        {
            var waiting = await db.Set<QueueTicket>().CountAsync(t => t.OfficeId == office.Id && t.Day == day && t.ServiceId == serviceId
                && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Transferred), ct);
            var open = await OpenDesksAsync(office.Id, serviceId, ct);
            var channel = channels.GetValueOrDefault(office.ChannelId);
            result.Add(new ServiceEstimate(office.Id, office.ChannelId, channel?.Name ?? new LocalizedText(), channel?.PrimaryLanguage ?? "fr", serviceId,
                waiting, open, median, Minutes(median, waiting, open)));
        }
        return result;
    }

    /// The people called before this ticket (priority ones and those who came first), and the wait.
    public async Task<TicketEstimate> ForTicketAsync(QueueTicket ticket, CancellationToken ct = default)
    {
        if (!ticket.IsWaiting) return new TicketEstimate(0, 0, null);
        var waiting = db.Set<QueueTicket>().AsNoTracking().Where(t => t.OfficeId == ticket.OfficeId && t.Day == ticket.Day && t.ServiceId == ticket.ServiceId && t.Id != ticket.Id
            && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Transferred));
        // The order of call-next: priority first, then by issue (and number, for tickets of the same instant).
        var before = waiting.Where(t => t.IssuedAt < ticket.IssuedAt || (t.IssuedAt == ticket.IssuedAt && t.Number < ticket.Number));
        var ahead = ticket.Priority != QueuePriority.None
            ? await before.CountAsync(t => t.Priority != QueuePriority.None, ct)
            : await waiting.CountAsync(t => t.Priority != QueuePriority.None, ct) + await before.CountAsync(t => t.Priority == QueuePriority.None, ct);
        var open = await OpenDesksAsync(ticket.OfficeId, ticket.ServiceId, ct);
        var median = await MedianServiceTimeAsync(ticket.ServiceId, ct);
        // The ticket itself waits for one service slot too when every desk is busy; "ahead" keeps it simple and honest.
        return new TicketEstimate(ahead, open, Minutes(median, ahead, open));
    }

    public async Task<TimeSpan> MedianServiceTimeAsync(Guid serviceId, CancellationToken ct = default)
    {
        var last = await db.Set<QueueTicket>().AsNoTracking()
            .Where(t => t.ServiceId == serviceId && t.Status == TicketStatus.Served && t.FinishedAt != null)
            .OrderByDescending(t => t.FinishedAt)
            .Take(options.Value.EstimateSample)
            .Select(t => new { t.ServingAt, t.CalledAt, t.FinishedAt })
            .ToListAsync(ct);
        var times = last.Where(t => (t.ServingAt ?? t.CalledAt) is not null).Select(t => t.FinishedAt!.Value - (t.ServingAt ?? t.CalledAt)!.Value).ToList();
        return times.Count == 0 ? options.Value.DefaultServiceTime : Median(times);
    }

    private async Task<int> OpenDesksAsync(Guid officeId, Guid serviceId, CancellationToken ct)
    {
        var desks = await db.Set<QueueDesk>().AsNoTracking().Where(d => d.OfficeId == officeId && d.IsOpen).ToListAsync(ct);
        return desks.Count(d => d.Serves(serviceId));
    }
}
