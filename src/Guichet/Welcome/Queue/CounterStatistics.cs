using Guichet.Orient.Catalogue;
using Guichet.Welcome.Appointments;

namespace Guichet.Welcome.Queue;

/// One counter and service over a period: appointments (booked, checked in, missed, cancelled,
/// the no-show rate) next to queue tickets (issued, served, absent) and the wait from issue to
/// first call (median and 90th percentile, from the event log as QueueStatistics reads it).
internal sealed record CounterServiceFigures(Guid ChannelId, LocalizedText CounterName, string PrimaryLanguage, Guid? OfficeId, Guid ServiceId, LocalizedText ServiceName,
    int AppointmentsBooked, int AppointmentsCheckedIn, int AppointmentsNoShow, int AppointmentsCancelled, double? NoShowRate,
    int TicketsIssued, int TicketsServed, int TicketsNoShow, double? MedianWaitMinutes, double? P90WaitMinutes);

/// A period of local days asked for by a report: from..to (yyyy-MM-dd), by default the last 30
/// days up to today, at most a year.
internal sealed record StatisticsPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public static (StatisticsPeriod? Period, InvalidParam? Error) Parse(string? from, string? to, DateOnly today)
    {
        var last = today;
        if (!string.IsNullOrEmpty(to) && !TryDate(to, out last)) return (null, new("to", "date-format", "A date as yyyy-MM-dd."));
        var first = last.AddDays(-(DefaultDays - 1));
        if (!string.IsNullOrEmpty(from) && !TryDate(from, out first)) return (null, new("from", "date-format", "A date as yyyy-MM-dd."));
        if (last < first) return (null, new("to", "before-from", "The last day comes on or after the first."));
        if (last.DayNumber - first.DayNumber + 1 > MaxDays) return (null, new("to", "range-too-long", $"At most {MaxDays} days."));
        return (new StatisticsPeriod(first, last), null);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// Missed appointments and counter waiting times, per counter and service, for managers: the
/// counters of their organisation (admins: all).
internal sealed class CounterStatistics(GuichetDb db, CatalogueDirectory catalogue, QueueStatistics queue, AppointmentFigures appointments)
{
    public async Task<IReadOnlyList<CounterServiceFigures>> ForAsync(ClaimsPrincipal user, StatisticsPeriod period, CancellationToken ct)
    {
        var scope = await QueueScope.OfAsync(user, catalogue, ct);
        var offices = await db.Set<QueueOffice>().AsNoTracking().ToListAsync(ct);
        var booked = await appointments.ForPeriodAsync(period.From, period.To, ct);
        var counters = (await catalogue.CountersAsync(offices.Select(o => o.ChannelId).Concat(booked.Select(b => b.ChannelId)).Distinct(), ct))
            .Where(c => scope.All || c.OrganisationId == scope.OrganisationId)
            .ToDictionary(c => c.Id);

        var rows = new Dictionary<(Guid Channel, Guid Service), (AppointmentCounts? Appointments, ServiceWaitingTimes? Tickets, Guid? Office)>();
        foreach (var b in booked.Where(b => counters.ContainsKey(b.ChannelId)))
            rows[(b.ChannelId, b.ServiceId)] = (b, null, null);
        foreach (var office in offices.Where(o => counters.ContainsKey(o.ChannelId)))
            foreach (var t in await queue.ForOfficeAsync(office.Id, period.From, period.To, ct))
                rows[(office.ChannelId, t.ServiceId)] = (rows.GetValueOrDefault((office.ChannelId, t.ServiceId)).Appointments, t, office.Id);

        var services = (await catalogue.ServicesAsync(rows.Keys.Select(k => k.Service).Distinct(), ct)).ToDictionary(s => s.Id);
        return [.. rows.Select(r =>
        {
            var counter = counters[r.Key.Channel];
            var (a, t, office) = r.Value;
            return new CounterServiceFigures(counter.Id, counter.Name, counter.PrimaryLanguage, office ?? offices.FirstOrDefault(o => o.ChannelId == counter.Id)?.Id,
                r.Key.Service, services.GetValueOrDefault(r.Key.Service)?.Name ?? new LocalizedText(),
                a?.Booked ?? 0, a?.CheckedIn ?? 0, a?.NoShows ?? 0, a?.Cancelled ?? 0, a?.NoShowRate,
                t?.Issued ?? 0, t?.Served ?? 0, t?.NoShows ?? 0, t?.MedianWaitMinutes, t?.P90WaitMinutes);
        })
        .OrderBy(f => f.CounterName.Resolve(Languages.Current, f.PrimaryLanguage).Text, StringComparer.CurrentCulture)
        .ThenBy(f => f.ServiceName.Resolve(Languages.Current, f.PrimaryLanguage).Text, StringComparer.CurrentCulture)];
    }
}
