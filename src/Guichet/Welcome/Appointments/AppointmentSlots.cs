using Guichet.Orient.Catalogue;

namespace Guichet.Welcome.Appointments;

/// A bookable start time: its seats left and when it is, in UTC and on Belgian clocks.
internal sealed record Slot(DateTimeOffset Start, DateTimeOffset End, int Free);

/// The slots of a service: each opening period of its counter (holidays and closures already
/// left out by OpeningHours.Slots) cut into pieces of the service's duration, within the booking
/// window (minimum notice .. horizon), with the seats not yet held.
internal sealed class AppointmentSlots(GuichetDb db, CatalogueDirectory catalogue, WorkingCalendar calendar, TimeProvider time, IOptions<AppointmentOptions> options)
{
    public sealed record Offer(AppointmentService Config, CatalogueDirectory.ServiceEntry Service, CatalogueDirectory.CounterEntry Counter);

    /// The bookable service with its counter, or null when it is not bookable (unknown, unpublished, no counter hours).
    public async Task<Offer?> OfferAsync(Guid serviceId, CancellationToken ct)
    {
        var config = await db.Set<AppointmentService>().AsNoTracking().FirstOrDefaultAsync(s => s.ServiceId == serviceId, ct);
        if (config is null) return null;
        var service = await catalogue.PublishedServiceAsync(serviceId, ct);
        if (service is null) return null;
        var counter = await catalogue.CounterAsync(config.ChannelId, ct);
        if (counter?.OpeningHours is null) return null;
        return new Offer(config, service, counter);
    }

    public async Task<IReadOnlyList<Offer>> OffersAsync(CancellationToken ct)
    {
        var ids = await db.Set<AppointmentService>().AsNoTracking().Select(s => s.ServiceId).ToListAsync(ct);
        var offers = new List<Offer>();
        foreach (var id in ids)
            if (await OfferAsync(id, ct) is { } offer) offers.Add(offer);
        return offers;
    }

    public (DateTimeOffset Earliest, DateOnly LastDate) Window()
    {
        var now = time.GetUtcNow();
        return (now.AddMinutes(options.Value.MinimumNoticeMinutes), BrusselsTime.LocalDate(now).AddDays(options.Value.HorizonDays));
    }

    /// Every start time the counter's hours allow from..to (local dates, inclusive), before the
    /// booking window and seats are applied.
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Grid(Offer offer, DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        var length = TimeSpan.FromMinutes(offer.Config.DurationMinutes);
        foreach (var (date, opens, closes, _) in offer.Counter.OpeningHours!.Slots(from, to, calendar))
        {
            var end = BrusselsTime.ToInstant(date, closes);
            for (var start = BrusselsTime.ToInstant(date, opens); start + length <= end; start += length)
                yield return (start, start + length);
        }
    }

    /// The free slots from..to (local dates), inside the booking window.
    public async Task<IReadOnlyList<Slot>> FreeAsync(Offer offer, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (earliest, lastDate) = Window();
        if (to > lastDate) to = lastDate;
        var grid = Grid(offer, from, to, calendar).Where(s => s.Start >= earliest).ToList();
        if (grid.Count == 0) return [];
        var first = grid[0].Start;
        var last = grid[^1].Start;
        var serviceId = offer.Config.ServiceId;
        var held = await db.Set<AppointmentSeat>().AsNoTracking()
            .Where(s => s.ServiceId == serviceId && s.StartsAt >= first && s.StartsAt <= last)
            .GroupBy(s => s.StartsAt).Select(g => new { Start = g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = held.ToDictionary(h => h.Start, h => h.Count);
        return grid.Select(s => new Slot(s.Start, s.End, offer.Config.Capacity - counts.GetValueOrDefault(s.Start)))
            .Where(s => s.Free > 0).ToList();
    }

    public enum Check { Ok, Past, Closed, TooSoon, BeyondHorizon }

    /// The stable code of a slot refused (AppointmentRefusals), null when the slot is fine.
    public static string? Code(Check check) => check switch
    {
        Check.Past => AppointmentRefusals.SlotInPast.Code,
        Check.Closed => AppointmentRefusals.SlotClosed.Code,
        Check.TooSoon => AppointmentRefusals.SlotTooSoon.Code,
        Check.BeyondHorizon => AppointmentRefusals.SlotBeyondHorizon.Code,
        _ => null,
    };

    /// Whether a seat of the slot is still free (the slot being a valid one).
    public async Task<bool> HasFreeSeatAsync(Offer offer, DateTimeOffset start, CancellationToken ct)
    {
        var serviceId = offer.Config.ServiceId;
        var utc = start.ToUniversalTime();
        var held = await db.Set<AppointmentSeat>().AsNoTracking().CountAsync(s => s.ServiceId == serviceId && s.StartsAt == utc, ct);
        return held < offer.Config.Capacity;
    }

    /// Whether a start time is one the service can be booked at, seats aside.
    public Check Validate(Offer offer, DateTimeOffset start, out DateTimeOffset end)
    {
        end = start.AddMinutes(offer.Config.DurationMinutes);
        var now = time.GetUtcNow();
        if (start <= now) return Check.Past;
        var date = BrusselsTime.LocalDate(start);
        var (earliest, lastDate) = Window();
        var utc = start.ToUniversalTime();
        if (!Grid(offer, date, date, calendar).Any(s => s.Start == utc)) return Check.Closed;
        if (start < earliest) return Check.TooSoon;
        if (date > lastDate) return Check.BeyondHorizon;
        return Check.Ok;
    }
}
