namespace Guichet.Welcome.Appointments;

/// Appointments of a counter and service whose time falls in a period: how many were booked (all,
/// cancelled ones too), checked in, missed, cancelled. The missed share is of the appointments
/// that took place or were missed (cancelled and still upcoming ones do not count).
internal sealed record AppointmentCounts(Guid ChannelId, Guid ServiceId, int Booked, int CheckedIn, int NoShows, int Cancelled)
{
    public double? NoShowRate => CheckedIn + NoShows == 0 ? null : Math.Round((double)NoShows / (CheckedIn + NoShows), 3);
}

/// The appointments' surface for reports (the queue's statistics page): counts only, no one's data.
internal sealed class AppointmentFigures(GuichetDb db)
{
    public async Task<IReadOnlyList<AppointmentCounts>> ForPeriodAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = BrusselsTime.ToInstant(from, TimeOnly.MinValue);
        var end = BrusselsTime.ToInstant(to.AddDays(1), TimeOnly.MinValue);
        var rows = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.StartsAt >= start && a.StartsAt < end)
            .GroupBy(a => new { a.ChannelId, a.ServiceId, a.Status })
            .Select(g => new { g.Key.ChannelId, g.Key.ServiceId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.ChannelId, r.ServiceId)).Select(g => new AppointmentCounts(g.Key.ChannelId, g.Key.ServiceId,
            g.Sum(r => r.Count),
            g.Where(r => r.Status == AppointmentStatus.CheckedIn).Sum(r => r.Count),
            g.Where(r => r.Status == AppointmentStatus.NoShow).Sum(r => r.Count),
            g.Where(r => r.Status == AppointmentStatus.Cancelled).Sum(r => r.Count)))];
    }
}
