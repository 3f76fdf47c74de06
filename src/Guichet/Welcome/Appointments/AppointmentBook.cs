using Guichet.Platform.Identifiers;
using Guichet.Welcome.Queue;

namespace Guichet.Welcome.Appointments;

internal sealed record BookingRequest(Guid? Service, DateTimeOffset? Start, string? Name, string? Email, string? Phone, string? Language, string? NationalNumber);

internal sealed record RescheduleRequest(DateTimeOffset? Start);

/// A booking made: the appointment and its manage token (shown once: only its hash is stored).
internal sealed record Booking(Appointment Appointment, string Token);

/// The stable refusals of booking, the same through the API and the pages.
internal static class AppointmentRefusals
{
    public static readonly Refusal SlotTaken = new(409, "slot-taken", "This slot has just been taken; choose another one.");
    public static readonly Refusal Cancelled = new(409, "appointment-cancelled", "This appointment has already been cancelled.");
    public static readonly Refusal NotActive = new(409, "appointment-not-active", "This appointment is cancelled or already checked in or marked as a no-show.");
    public static readonly Refusal Over = new(409, "appointment-not-active", "This appointment has taken place or was missed.");
    public static readonly Refusal Past = new(409, "appointment-past", "This appointment's time has passed.");
    public static readonly Refusal NotStarted = new(409, "appointment-not-started", "A no-show is recorded once the appointment's time has come.");
    public static readonly Refusal ServiceNotBookable = new(409, "service-not-bookable", "This service can no longer be booked; cancel instead.");
    public static readonly Refusal SlotInPast = new(422, "slot-in-past", "This slot is in the past.");
    public static readonly Refusal SlotClosed = new(422, "slot-closed", "The counter is not open for this service at that time.");
    public static readonly Refusal SlotTooSoon = new(422, "slot-too-soon", "This slot starts too soon to be booked.");
    public static readonly Refusal LimitReached = new(422, "booking-limit-reached",
        "This person already has the most appointments still to come for this service that may be booked; cancel one first.");
    public static readonly Refusal SlotBeyondHorizon = new(422, "slot-beyond-horizon", "This slot is too far ahead to be booked yet.");
}

/// One appointment of a counter's day, with its service's name in the reader's language.
internal sealed record DayEntry(Appointment Appointment, string ServiceName);

/// Booking, cancelling, rescheduling (by the customer's manage token) and the counter's check-in
/// and no-show. Each validates everything first and saves once, with its event and mail.
internal sealed class AppointmentBook(GuichetDb db, AppointmentSlots slots, AppointmentMail mail, EventLog eventLog, TimeProvider time, QueueWork queue, IOptions<AppointmentOptions> options)
{
    public async Task<Result<Booking>> BookAsync(BookingRequest request, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        var name = request.Name?.Trim();
        var email = request.Email?.Trim();
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(new("name", "required", "Give the name of the person who comes."));
        else if (name.Length > Appointment.MaxName) errors.Add(new("name", "too-long", $"At most {Appointment.MaxName} characters."));
        if (string.IsNullOrEmpty(email)) errors.Add(new("email", "required", "Give an e-mail address for the confirmation."));
        else if (email.Length > Appointment.MaxEmail || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            errors.Add(new("email", "email-invalid", "Not a valid e-mail address."));
        if (phone is { Length: > Appointment.MaxPhone }) errors.Add(new("phone", "too-long", $"At most {Appointment.MaxPhone} characters."));
        var language = request.Language ?? "fr";
        if (!Languages.IsSupported(language)) errors.Add(new("language", "unknown-language", "Use fr, nl, de or en."));
        string? nationalNumber = null;
        if (!string.IsNullOrWhiteSpace(request.NationalNumber))
        {
            if (NationalNumber.TryParse(request.NationalNumber, out var number, out var error)) nationalNumber = number.Digits;
            else errors.Add(new("nationalNumber", error!, "Not a valid national number."));
        }
        if (request.Start is null) errors.Add(new("start", "required", "Choose a slot."));
        AppointmentSlots.Offer? offer = null;
        if (request.Service is null) errors.Add(new("service", "required", "Choose a service."));
        else if ((offer = await slots.OfferAsync(request.Service.Value, ct)) is null)
            errors.Add(new("service", "unknown-service", "No appointments can be booked for this service."));
        if (errors.Count > 0) return Result<Booking>.Invalid(errors);

        var start = request.Start!.Value.ToUniversalTime();
        if (SlotProblem(offer!, start, out var end) is { } problem) return problem.As<Booking>();

        if (await OverLimitAsync(offer!.Config.ServiceId, email!, nationalNumber, ct)) return Result<Booking>.Refused(AppointmentRefusals.LimitReached);

        var (plain, hash) = SecureLink.NewToken();
        var bookable = offer!;
        return await HoldFreeSeatAsync<Booking>(bookable, start, seat =>
        {
            var appointment = new Appointment(bookable.Config.ServiceId, bookable.Config.ChannelId, start, end, name!, email!, phone, language, nationalNumber, hash, time.GetUtcNow());
            db.Add(appointment);
            db.Add(new AppointmentSeat(appointment.ServiceId, start, seat, appointment.Id));
            eventLog.Record("anonymous", WelcomeActivities.AppointmentBooked, Objects(appointment), new Dictionary<string, object?> { ["start"] = start, ["seat"] = seat });
            mail.Confirmation(appointment, bookable, plain, rescheduled: false);
            return Task.FromResult<Result<Booking>>(new Booking(appointment, plain));
        }, ct);
    }

    /// Whether the person (by e-mail without case, or by national number) already holds the most
    /// booked appointments to come for the service: one caller cannot empty the agenda, nor mail-bomb
    /// an address through the confirmations. Two bookings at the very same moment may both pass
    /// (the anonymous rate limit bounds how many).
    private async Task<bool> OverLimitAsync(Guid serviceId, string email, string? nationalNumber, CancellationToken ct)
    {
        var max = options.Value.MaxFuturePerPerson;
        if (max <= 0) return false;
        var normalised = email.ToLowerInvariant();
        var now = time.GetUtcNow();
        var held = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.ServiceId == serviceId && a.Status == AppointmentStatus.Booked && a.StartsAt > now)
            .Where(a => a.Email.ToLower() == normalised || (nationalNumber != null && a.NationalNumber == nationalNumber))
            .CountAsync(ct);
        return held >= max;
    }

    /// The appointment behind a manage link: 404 unknown, 410 once the appointment ended more
    /// than ManageLinkDaysAfter days ago.
    public async Task<OpenedLink<Appointment>> FindAsync(string? token, CancellationToken ct)
    {
        var daysAfter = TimeSpan.FromDays(options.Value.ManageLinkDaysAfter);
        return await SecureLink.OpenAsync(db.Set<Appointment>(), token, hash => a => a.ManageTokenHash == hash, (a, now) => now < a.EndsAt + daysAfter, time.GetUtcNow(), ct);
    }

    public async Task<Result<Appointment>> CancelAsync(string? token, CancellationToken ct)
    {
        var opened = await FindAsync(token, ct);
        if (opened.Record is not { } appointment) return opened.As<Appointment>("The appointment");
        if (NotChangeable(appointment) is { } problem) return problem;
        var offer = await slots.OfferAsync(appointment.ServiceId, ct);
        db.RemoveRange(await db.Set<AppointmentSeat>().Where(s => s.AppointmentId == appointment.Id).ToListAsync(ct));
        appointment.Cancel(time.GetUtcNow());
        eventLog.Record("anonymous", WelcomeActivities.AppointmentCancelled, Objects(appointment));
        if (offer is not null) mail.Cancellation(appointment, offer);
        // A concurrent cancel of the same appointment removes the same seat: one of them fails.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Appointment>.Refused(AppointmentRefusals.Cancelled);
        }
        return appointment;
    }

    public async Task<Result<Appointment>> RescheduleAsync(string? token, RescheduleRequest request, CancellationToken ct)
    {
        var opened = await FindAsync(token, ct);
        if (opened.Record is not { } appointment) return opened.As<Appointment>("The appointment");
        if (NotChangeable(appointment) is { } problem) return problem;
        if (request.Start is null) return Result<Appointment>.Invalid("start", "required", "Choose a slot.");
        var offer = await slots.OfferAsync(appointment.ServiceId, ct);
        if (offer is null) return Result<Appointment>.Refused(AppointmentRefusals.ServiceNotBookable);
        var start = request.Start.Value.ToUniversalTime();
        if (start == appointment.StartsAt) return appointment;
        if (SlotProblem(offer, start, out var end) is { } slotProblem) return slotProblem;

        var id = appointment.Id;
        return await HoldFreeSeatAsync<Appointment>(offer, start, async seat =>
        {
            var current = await db.Set<Appointment>().FirstAsync(a => a.Id == id, ct);
            if (!current.IsActive) return NotChangeable(current)!;
            db.RemoveRange(await db.Set<AppointmentSeat>().Where(s => s.AppointmentId == id).ToListAsync(ct));
            var from = current.StartsAt;
            current.MoveTo(start, end);
            db.Add(new AppointmentSeat(current.ServiceId, start, seat, current.Id));
            eventLog.Record("anonymous", WelcomeActivities.AppointmentRescheduled, Objects(current), new Dictionary<string, object?> { ["from"] = from, ["start"] = start, ["seat"] = seat });
            mail.Confirmation(current, offer, token!, rescheduled: true);
            return current;
        }, ct);
    }

    /// At the counter: the customer is here. When a queue at that counter takes tickets for the
    /// service, a ticket is issued in the same transaction (the appointment keeps its number) and
    /// the queue calls it first once the appointment is due (AppointmentQueueFeed). Without such a
    /// queue the check-in stands alone.
    public async Task<Result<Appointment>> CheckInAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await db.Set<Appointment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (found is null) return Result<Appointment>.NotFound("The appointment");
            if (!found.IsActive) return Result<Appointment>.Refused(AppointmentRefusals.NotActive);
            var now = time.GetUtcNow();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // A conditional UPDATE first (still booked?), whose row count says who won: a double
            // click checks in once and issues one ticket. Writing first also takes the write lock first.
            var claimed = await db.Set<Appointment>().Where(a => a.Id == id && a.Status == AppointmentStatus.Booked).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, AppointmentStatus.CheckedIn)
                .SetProperty(a => a.CheckedInAt, now), ct);
            if (claimed == 0)
            {
                await tx.RollbackAsync(CancellationToken.None);
                return Result<Appointment>.Refused(AppointmentRefusals.NotActive);
            }
            var appointment = await db.Set<Appointment>().FirstAsync(a => a.Id == id, ct);
            var ticket = await queue.AddForCheckInAsync(appointment.ChannelId, appointment.ServiceId, appointment.Id, appointment.Language, user, ct);
            appointment.CheckIn(now, ticket?.Id, ticket?.Code);
            eventLog.Record(user, WelcomeActivities.AppointmentCheckedIn, [.. Objects(appointment), .. ticket is null ? [] : new[] { new EventLogObject("queue-ticket", ticket.Id.ToString(), Role.Ticket) }],
                new Dictionary<string, object?> { ["ticket"] = ticket?.Code });
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return appointment;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 5)
            {
                // A ticket number taken outside the counter (see QueueNumberCounter): check in again with the next one.
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task<Result<Appointment>> NoShowAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        StaffStepAsync(id, user, WelcomeActivities.AppointmentMissed, (a, now) => a.MarkNoShow(now), ct);

    private async Task<Result<Appointment>> StaffStepAsync(Guid id, ClaimsPrincipal user, Activity activity, Action<Appointment, DateTimeOffset> step, CancellationToken ct)
    {
        var appointment = await db.Set<Appointment>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appointment is null) return Result<Appointment>.NotFound("The appointment");
        if (!appointment.IsActive) return Result<Appointment>.Refused(AppointmentRefusals.NotActive);
        if (activity == WelcomeActivities.AppointmentMissed && time.GetUtcNow() < appointment.StartsAt)
            return Result<Appointment>.Refused(AppointmentRefusals.NotStarted);
        step(appointment, time.GetUtcNow());
        eventLog.Record(user, activity, Objects(appointment));
        await db.SaveChangesAsync(ct);
        return appointment;
    }

    /// The appointments of a counter (or of all) on a local day, cancelled ones left out, by time.
    public async Task<List<DayEntry>> DayAsync(Guid? channel, DateOnly day, string language, CancellationToken ct)
    {
        var from = BrusselsTime.ToInstant(day, TimeOnly.MinValue);
        var to = BrusselsTime.ToInstant(day.AddDays(1), TimeOnly.MinValue);
        var query = db.Set<Appointment>().AsNoTracking().Where(a => a.StartsAt >= from && a.StartsAt < to && a.Status != AppointmentStatus.Cancelled);
        if (channel is { } c) query = query.Where(a => a.ChannelId == c);
        var list = await query.OrderBy(a => a.StartsAt).ThenBy(a => a.Name).ToListAsync(ct);
        var offers = new Dictionary<Guid, AppointmentSlots.Offer?>();
        foreach (var id in list.Select(a => a.ServiceId).Distinct()) offers[id] = await slots.OfferAsync(id, ct);
        return [.. list.Select(a => new DayEntry(a, offers[a.ServiceId] is { } o ? o.Service.Name.Resolve(language, o.Counter.PrimaryLanguage).Text : a.ServiceId.ToString()))];
    }

    public static IEnumerable<EventLogObject> Objects(Appointment a) =>
        [new EventLogObject("appointment", a.Id.ToString(), Role.Subject), new EventLogObject("service", a.ServiceId.ToString(), Role.Service), new EventLogObject("channel", a.ChannelId.ToString(), Role.Channel)];

    private Result<Appointment>? NotChangeable(Appointment a)
    {
        if (a.Status == AppointmentStatus.Cancelled) return Result<Appointment>.Refused(AppointmentRefusals.Cancelled);
        if (!a.IsActive) return Result<Appointment>.Refused(AppointmentRefusals.Over);
        if (a.StartsAt <= time.GetUtcNow()) return Result<Appointment>.Refused(AppointmentRefusals.Past);
        return null;
    }

    private Result<Appointment>? SlotProblem(AppointmentSlots.Offer offer, DateTimeOffset start, out DateTimeOffset end) => slots.Validate(offer, start, out end) switch
    {
        AppointmentSlots.Check.Past => SlotRefused(AppointmentRefusals.SlotInPast, "This slot is in the past."),
        AppointmentSlots.Check.Closed => SlotRefused(AppointmentRefusals.SlotClosed, "Not a slot of this service: outside opening hours, on a holiday or a closure."),
        AppointmentSlots.Check.TooSoon => SlotRefused(AppointmentRefusals.SlotTooSoon, "Inside the minimum notice."),
        AppointmentSlots.Check.BeyondHorizon => SlotRefused(AppointmentRefusals.SlotBeyondHorizon, "Beyond the booking horizon."),
        _ => null,
    };

    // A slot refused is also the "start" field's problem, for the page's message next to it.
    private static Result<Appointment> SlotRefused(Refusal refusal, string reason) => Result<Appointment>.Refused(refusal, [new InvalidParam("start", refusal.Code, reason)]);

    /// Holds a free seat of the slot: <paramref name="hold"/> stages the change that takes seat k
    /// (or refuses), then it is saved. When another booking took that seat first (the unique index
    /// refuses the save), the next free seat is tried; when none is left, the slot is taken.
    private async Task<Result<T>> HoldFreeSeatAsync<T>(AppointmentSlots.Offer offer, DateTimeOffset start, Func<int, Task<Result<T>>> hold, CancellationToken ct) where T : class
    {
        var taken = await db.Set<AppointmentSeat>().AsNoTracking().Where(s => s.ServiceId == offer.Config.ServiceId && s.StartsAt == start).Select(s => s.Seat).ToListAsync(ct);
        for (var seat = 1; seat <= offer.Config.Capacity; seat++)
        {
            if (taken.Contains(seat)) continue;
            db.ChangeTracker.Clear();
            var held = await hold(seat);
            if (!held.Ok) return held;
            try
            {
                await db.SaveChangesAsync(ct);
                return held;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
            }
        }
        return Result<T>.Refused(AppointmentRefusals.SlotTaken);
    }
}
