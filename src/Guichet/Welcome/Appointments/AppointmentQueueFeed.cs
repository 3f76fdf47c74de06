using Guichet.Welcome.Queue;

namespace Guichet.Welcome.Appointments;

/// "Appointments due now first": the queue tickets of customers who checked in for an
/// appointment of today that starts within a few minutes (or has started), earliest appointment
/// first. The queue keeps only those still waiting at the calling desk's office and services.
internal sealed class AppointmentQueueFeed(GuichetDb db, IOptions<AppointmentOptions> options) : IQueuePriorityFeed
{
    public async Task<IReadOnlyList<Guid>> DueTicketsAsync(Guid officeId, IReadOnlyCollection<Guid> serviceIds, DateTimeOffset now, CancellationToken ct)
    {
        var dayStart = BrusselsTime.ToInstant(BrusselsTime.LocalDate(now), TimeOnly.MinValue);
        var dueBy = now.AddMinutes(options.Value.DueMinutesBefore);
        var services = serviceIds.ToList();
        return await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.CheckedIn && a.QueueTicketId != null && services.Contains(a.ServiceId)
                && a.StartsAt >= dayStart && a.StartsAt <= dueBy)
            .OrderBy(a => a.StartsAt)
            .Select(a => a.QueueTicketId!.Value)
            .ToListAsync(ct);
    }
}
