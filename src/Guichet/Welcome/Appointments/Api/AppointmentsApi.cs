using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Welcome.Appointments.Api;

internal sealed record SlotResponse(DateTimeOffset Start, DateTimeOffset End, DateTime LocalStart, DateTime LocalEnd, int Free);

/// Reference: what the person reads out at the counter ("RDV-7K3M-Q9"); null on bookings older than references.
internal sealed record AppointmentResponse(Guid Id, string? Reference, Guid ServiceId, string ServiceName, Guid ChannelId, string CounterName, string? CounterAddress,
    DateTimeOffset Start, DateTimeOffset End, DateTime LocalStart, DateTime LocalEnd, string Status, string Language, string? ManageUrl, string? QueueTicket)
{
    public static AppointmentResponse From(Appointment a, AppointmentSlots.Offer? offer, string? manageUrl)
    {
        var lang = a.Language;
        var primary = offer?.Counter.PrimaryLanguage ?? "fr";
        return new(a.Id, a.Reference, a.ServiceId, offer?.Service.Name.Resolve(lang, primary).Text ?? "", a.ChannelId, offer?.Counter.Name.Resolve(lang, primary).Text ?? "",
            offer?.Counter.Address, a.StartsAt, a.EndsAt, BrusselsTime.ToLocal(a.StartsAt), BrusselsTime.ToLocal(a.EndsAt),
            EnumCodes.Code(a.Status), lang, manageUrl, a.QueueTicketCode);
    }
}

/// QueueTicket: the number of the queue ticket issued at check-in (null: none, or not checked in).
internal sealed record StaffAppointmentResponse(Guid Id, string ServiceName, DateTime LocalStart, DateTime LocalEnd, string Name, string? Phone, string Status, string? QueueTicket)
{
    public static StaffAppointmentResponse From(DayEntry e) => new(e.Appointment.Id, e.ServiceName, BrusselsTime.ToLocal(e.Appointment.StartsAt), BrusselsTime.ToLocal(e.Appointment.EndsAt),
        e.Appointment.Name, e.Appointment.Phone, EnumCodes.Code(e.Appointment.Status), e.Appointment.QueueTicketCode);
}

internal static class AppointmentsApi
{
    public const int MaxRangeDays = 31;

    public static WebApplication MapAppointmentsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/appointments").WithTags("Appointments");
        api.MapGet("/slots", Slots).ProducesProblem(400).AllowAnonymous()
            .WithSummary("Free slots of a bookable service between two local dates (?from=&to=, yyyy-MM-dd, at most 31 days; default: the coming 14 days), in UTC and on Belgian clocks, with the seats left.");
        api.MapPost("", Book).RequireRateLimiting(RateLimits.Booking).ProducesProblem(400).ProducesProblem(429).ProducesProblem(409).ProducesProblem(422).AllowAnonymous()
            .WithSummary("Books a slot: service, start (an instant of /slots), name, e-mail, optional phone, language, optional national number. Answers the manage link; a confirmation with an iCalendar invitation is e-mailed. 409 slot-taken when the last seat has just gone.");
        api.MapGet("/manage/{token}", Manage).ProducesProblem(404).ProducesProblem(410).AllowAnonymous().RequireRateLimiting(SecureLink.GuessLimit).WithSummary("The appointment behind a manage link.");
        api.MapPost("/manage/{token}/cancel", Cancel).ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).AllowAnonymous().RequireRateLimiting(SecureLink.GuessLimit).WithSummary("Cancels the appointment; its seat is free again.");
        api.MapPost("/manage/{token}/reschedule", Reschedule).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(422).AllowAnonymous().RequireRateLimiting(SecureLink.GuessLimit)
            .WithSummary("Moves the appointment to another free slot of the same service; the old seat is freed in the same transaction.");
        var staff = api.MapGroup("").RequireAuthorization(Acts.AppointmentReceive);
        staff.MapGet("/day", Day).ProducesProblem(400).WithSummary("The appointments of a counter on a day (?channel=, ?date=yyyy-MM-dd, default today), by time.");
        staff.MapPost("/{id:guid}/check-in", CheckIn).ProducesProblem(404).ProducesProblem(409).WithSummary("The customer has arrived: recorded as appointment.checked-in. When a queue at the counter takes tickets for the service, a ticket is issued in the same transaction (queueTicket), called before the others once the appointment is due.");
        staff.MapPost("/{id:guid}/no-show", NoShow).ProducesProblem(404).ProducesProblem(409).WithSummary("The customer did not come: recorded as appointment.no-show.");
        return app;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);

    private static async Task<Results<Ok<List<SlotResponse>>, ProblemHttpResult>> Slots(Guid? service, string? from, string? to, AppointmentSlots slots, TimeProvider time, CancellationToken ct)
    {
        if (service is null) return Problems.Validation("service", "required", "Give the service's id.");
        var offer = await slots.OfferAsync(service.Value, ct);
        if (offer is null) return Problems.Validation("service", "unknown-service", "No appointments can be booked for this service.");
        var today = BrusselsTime.LocalDate(time.GetUtcNow());
        var start = today;
        if (from is not null && !TryDate(from, out start)) return Problems.Validation("from", "date-format", "A date as yyyy-MM-dd.");
        var end = start.AddDays(13);
        if (to is not null && !TryDate(to, out end)) return Problems.Validation("to", "date-format", "A date as yyyy-MM-dd.");
        if (end < start || end.DayNumber - start.DayNumber >= MaxRangeDays) return Problems.Validation("to", "out-of-range", $"From 'from' to at most {MaxRangeDays} days later.");
        if (start < today) start = today;
        var free = await slots.FreeAsync(offer, start, end, ct);
        return TypedResults.Ok(free.Select(s => new SlotResponse(s.Start, s.End, BrusselsTime.ToLocal(s.Start), BrusselsTime.ToLocal(s.End), s.Free)).ToList());
    }

    private static async Task<Results<Created<AppointmentResponse>, ProblemHttpResult>> Book(BookingRequest request, AppointmentBook book, AppointmentSlots slots, AppointmentMail mail, CancellationToken ct)
    {
        var result = await book.BookAsync(request, ct);
        if (result.Value is not { } booked) return result.ToProblem();
        var (a, token) = booked;
        var url = mail.ManageUrl(token);
        return TypedResults.Created(url, AppointmentResponse.From(a, await slots.OfferAsync(a.ServiceId, ct), url));
    }

    private static async Task<Results<Ok<AppointmentResponse>, ProblemHttpResult>> Manage(string token, AppointmentBook book, AppointmentSlots slots, CancellationToken ct)
    {
        var opened = await book.FindAsync(token, ct);
        if (opened.Record is not { } a) return opened.As<Appointment>("The appointment").ToProblem();
        return TypedResults.Ok(AppointmentResponse.From(a, await slots.OfferAsync(a.ServiceId, ct), null));
    }

    private static async Task<Results<Ok<AppointmentResponse>, ProblemHttpResult>> Cancel(string token, AppointmentBook book, AppointmentSlots slots, CancellationToken ct) =>
        await AnswerAsync(await book.CancelAsync(token, ct), slots, ct);

    private static async Task<Results<Ok<AppointmentResponse>, ProblemHttpResult>> Reschedule(string token, RescheduleRequest request, AppointmentBook book, AppointmentSlots slots, CancellationToken ct) =>
        await AnswerAsync(await book.RescheduleAsync(token, request, ct), slots, ct);

    private static async Task<Results<Ok<List<StaffAppointmentResponse>>, ProblemHttpResult>> Day(Guid? channel, string? date, AppointmentBook book, TimeProvider time, CancellationToken ct)
    {
        var day = BrusselsTime.LocalDate(time.GetUtcNow());
        if (date is not null && !TryDate(date, out day)) return Problems.Validation("date", "date-format", "A date as yyyy-MM-dd.");
        var list = await book.DayAsync(channel, day, Languages.Current, ct);
        return TypedResults.Ok(list.Select(StaffAppointmentResponse.From).ToList());
    }

    private static async Task<Results<Ok<AppointmentResponse>, ProblemHttpResult>> CheckIn(Guid id, AppointmentBook book, AppointmentSlots slots, ClaimsPrincipal user, CancellationToken ct) =>
        await AnswerAsync(await book.CheckInAsync(id, user, ct), slots, ct);

    private static async Task<Results<Ok<AppointmentResponse>, ProblemHttpResult>> NoShow(Guid id, AppointmentBook book, AppointmentSlots slots, ClaimsPrincipal user, CancellationToken ct) =>
        await AnswerAsync(await book.NoShowAsync(id, user, ct), slots, ct);

    private static async Task<Results<Ok<AppointmentResponse>, ProblemHttpResult>> AnswerAsync(Result<Appointment> result, AppointmentSlots slots, CancellationToken ct) =>
        result.Value is { } a ? TypedResults.Ok(AppointmentResponse.From(a, await slots.OfferAsync(a.ServiceId, ct), null)) : result.ToProblem();
}
