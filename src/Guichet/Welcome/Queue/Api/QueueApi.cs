using Guichet.Orient.Catalogue;
using Guichet.Welcome.Queue.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Welcome.Queue.Api;

internal sealed record CreateOfficeRequest(Guid? ChannelId, List<LineRequest>? Services);

internal sealed record SetServicesRequest(List<LineRequest>? Services);

internal sealed record DeskRequest(int? Number, List<Guid>? ServiceIds);

internal sealed record IssueTicketRequest(Guid? ServiceId, string? Priority, string? Language);

internal sealed record TransferRequest(Guid? ServiceId, Guid? DeskId);

/// The outcome, and optionally the customer (kind person or company, national or enterprise number, name) and notes of the counter contact.
internal sealed record FinishRequest(string? Outcome, string? CustomerKind, string? CustomerNumber, string? CustomerName, string? Notes);

internal sealed record LineResponse(Guid ServiceId, string Letter, LocalizedText Name);

internal sealed record DeskResponse(Guid Id, int Number, IReadOnlyList<Guid> ServiceIds, bool Open)
{
    public static DeskResponse From(QueueDesk d) => new(d.Id, d.Number, d.ServiceIds, d.IsOpen);
}

internal sealed record OfficeResponse(Guid Id, Guid ChannelId, Guid OrganisationId, LocalizedText Name, IReadOnlyList<LineResponse> Services, IReadOnlyList<DeskResponse> Desks);

internal sealed record TicketResponse(Guid Id, string Code, Guid OfficeId, Guid ServiceId, string Priority, string Status, DateOnly Day,
    DateTimeOffset IssuedAt, DateTimeOffset? CalledAt, DateTimeOffset? ServingAt, DateTimeOffset? FinishedAt, Guid? DeskId, Guid? TargetDeskId,
    int Recalls, int Transfers, string? Outcome, Guid? ContactId)
{
    public static TicketResponse From(QueueTicket t) => new(t.Id, t.Code, t.OfficeId, t.ServiceId, EnumCodes.Code(t.Priority), EnumCodes.Code(t.Status), t.Day,
        t.IssuedAt, t.CalledAt, t.ServingAt, t.FinishedAt, t.DeskId, t.TargetDeskId, t.Recalls, t.Transfers, t.Outcome is { } o ? EnumCodes.Code(o) : null, t.ContactId);
}

/// The new ticket with its status link (the token is shown once: only its hash is stored).
internal sealed record IssuedTicketResponse(TicketResponse Ticket, string Token, string StatusUrl, int Ahead, int? EstimatedMinutes);

internal sealed record EstimateResponse(Guid OfficeId, Guid ChannelId, LocalizedText OfficeName, Guid ServiceId, int Waiting, int OpenDesks,
    double MedianServiceMinutes, int? EstimatedMinutes);

internal sealed record AppointmentFiguresResponse(int Booked, int CheckedIn, int NoShow, int Cancelled, double? NoShowRate);

internal sealed record TicketFiguresResponse(int Issued, int Served, int NoShow, double? MedianWaitMinutes, double? P90WaitMinutes);

internal sealed record CounterStatisticsRow(Guid ChannelId, LocalizedText CounterName, Guid? OfficeId, Guid ServiceId, LocalizedText ServiceName,
    AppointmentFiguresResponse Appointments, TicketFiguresResponse Tickets);

internal sealed record CounterStatisticsResponse(DateOnly From, DateOnly To, IReadOnlyList<CounterStatisticsRow> Rows);

/// Where a ticket stands, for its page's live updates (queue-ticket.js).
internal sealed record TicketStatusResponse(string Code, string Status, string Headline, string? Detail, int? Desk, int? Ahead, int? EstimatedMinutes);

internal static class QueueApi
{
    public static WebApplication MapQueueApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/queue").WithTags("Counter queue");

        api.MapGet("/estimates", Estimates).AllowAnonymous().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("The estimated wait now for a service at each office taking tickets for it (public): people waiting, open desks, median service time, minutes (null: no open desk).");
        api.MapPost("/offices/{id:guid}/tickets", Issue).AllowAnonymous().RequireRateLimiting(QueueModule.KioskRateLimit).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Issues a ticket (what the kiosk does): service, optional priority (none, reducedMobility, pregnancy, youngChild), language. The token opens the status page. Only while the counter is open (its opening hours, holidays and closures): otherwise 409 office-closed with nextOpening.");

        api.MapGet("/statistics", CounterFigures).RequireAuthorization(Acts.ReportsRead).ProducesProblem(400)
            .WithSummary("For managers: per counter and service over the days from..to (yyyy-MM-dd; default the last 30 days, at most a year), appointments booked, checked in, missed and cancelled with the no-show rate (missed / (checked in + missed)), queue tickets issued, served and absent, and the wait from issue to first call (median, 90th percentile, minutes).");

        var setup = api.MapGroup("").RequireAuthorization(Acts.QueueSetUp);
        setup.MapPost("/offices", CreateOffice).ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Starts a queue at a counter of the catalogue, with the services taking tickets there and their letters.");
        setup.MapPut("/offices/{id:guid}/services", SetServices).ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Replaces the services of an office (only services the catalogue offers at that counter); desks keep the remaining ones.");
        setup.MapPost("/offices/{id:guid}/desks", CreateDesk).ProducesProblem(400).ProducesProblem(404).WithSummary("Adds a desk: its number and the services it serves.");
        setup.MapPut("/desks/{id:guid}", UpdateDesk).ProducesProblem(400).ProducesProblem(404).WithSummary("Changes a desk's number and services.");
        setup.MapDelete("/desks/{id:guid}", RemoveDesk).ProducesProblem(404).ProducesProblem(409).WithSummary("Removes a desk that has no customer.");

        var desk = api.MapGroup("").RequireAuthorization(Acts.QueueServe);
        desk.MapGet("/offices", Offices).WithSummary("The offices the caller works at, with their services and desks.");
        desk.MapGet("/offices/{id:guid}/tickets", Tickets).ProducesProblem(404).WithSummary("Today's tickets of an office, in issue order; ?status=waiting|called|serving|served|noShow|transferred.");
        desk.MapGet("/offices/{id:guid}/statistics", Statistics).ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Waiting times per service (issue to first call) from the event log, for the days from..to (default today).");
        desk.MapPost("/desks/{id:guid}/open", (Guid id, QueueWork work, ClaimsPrincipal user, CancellationToken ct) => SetOpen(id, true, work, user, ct)).ProducesProblem(404).WithSummary("Opens a desk (it counts in the estimate).");
        desk.MapPost("/desks/{id:guid}/close", (Guid id, QueueWork work, ClaimsPrincipal user, CancellationToken ct) => SetOpen(id, false, work, user, ct)).ProducesProblem(404).WithSummary("Closes a desk.");
        desk.MapPost("/desks/{id:guid}/call-next", CallNext).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Calls the next customer: appointments due now, then priority tickets, then first come first served over the desk's services. 204 when nobody waits.");
        var ticket = desk.MapGroup("/desks/{id:guid}/tickets/{ticketId:guid}");
        ticket.MapPost("/recall", (Guid id, Guid ticketId, QueueWork work, ClaimsPrincipal user, CancellationToken ct) => Answer(work.RecallAsync(id, ticketId, user, ct)))
            .ProducesProblem(404).ProducesProblem(409).WithSummary("Calls the customer again (the display board announces it again).");
        ticket.MapPost("/start", (Guid id, Guid ticketId, QueueWork work, ClaimsPrincipal user, CancellationToken ct) => Answer(work.StartAsync(id, ticketId, user, ct)))
            .ProducesProblem(404).ProducesProblem(409).WithSummary("The customer came to the desk: service starts.");
        ticket.MapPost("/no-show", (Guid id, Guid ticketId, QueueWork work, ClaimsPrincipal user, CancellationToken ct) => Answer(work.NoShowAsync(id, ticketId, user, ct)))
            .ProducesProblem(404).ProducesProblem(409).WithSummary("The customer did not come.");
        ticket.MapPost("/transfer", (Guid id, Guid ticketId, TransferRequest request, QueueWork work, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(work.TransferAsync(id, ticketId, request.ServiceId, request.DeskId, user, ct)))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).WithSummary("Sends the customer to another service's line or to another desk; they keep their ticket and place.");
        ticket.MapPost("/finish", (Guid id, Guid ticketId, FinishRequest request, QueueWork work, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(work.FinishAsync(id, ticketId, new VisitDetails(request.Outcome, request.CustomerKind, request.CustomerNumber, request.CustomerName, request.Notes), user, ct)))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Ends the visit with its outcome (answered, routed, referred or callBack) and registers the counter contact in the same transaction (contactId): the ticket's service and competent unit, optional customer (person or company, national or enterprise number, name) and notes.");

        // The ticket page's live status, polled by queue-ticket.js (not part of the API).
        app.MapGet("/queue/tickets/{token}/status", TicketStatus).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<TicketStatusResponse>, NotFound>> TicketStatus(string token, HttpResponse response, GuichetDb db, CatalogueDirectory catalogue,
        QueueEstimates estimates, TimeProvider time, Texts texts, CancellationToken ct)
    {
        // The token is 256 random bits: unguessable, so no rate limit here (a waiting room shares one address).
        var view = await TicketViews.FindAsync(token, db, catalogue, estimates, time, ct);
        if (view is null) return TypedResults.NotFound();
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        var t = view.Ticket;
        return TypedResults.Ok(new TicketStatusResponse(t.Code, EnumCodes.Code(t.Status), view.Headline(texts), view.Detail(texts), view.Desk,
            t.IsWaiting ? view.Estimate.Ahead : null, t.IsWaiting ? view.Estimate.Minutes : null));
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> Answer(Task<Result<QueueTicket>> work)
    {
        var result = await work;
        return result.Value is { } t ? TypedResults.Ok(TicketResponse.From(t)) : result.ToProblem();
    }

    private static async Task<Results<Ok<List<EstimateResponse>>, ProblemHttpResult>> Estimates(Guid? service, QueueEstimates estimates, CatalogueDirectory catalogue, CancellationToken ct)
    {
        if (service is not { } id) return Problems.Validation("service", "required", "The id of a catalogue service.");
        if (await catalogue.ServiceAsync(id, ct) is not { Published: true }) return Problems.NotFound("The service");
        var list = await estimates.ForServiceAsync(id, ct);
        return TypedResults.Ok(list.Select(e => new EstimateResponse(e.OfficeId, e.ChannelId, e.OfficeName, e.ServiceId, e.Waiting, e.OpenDesks,
            Math.Round(e.MedianServiceTime.TotalMinutes, 1), e.Minutes)).ToList());
    }

    private static async Task<Results<Created<IssuedTicketResponse>, ProblemHttpResult>> Issue(Guid id, IssueTicketRequest request, QueueWork work, QueueEstimates estimates,
        PublicUrls urls, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.IssueAsync(id, request.ServiceId, request.Priority, request.Language ?? Languages.Current, user, ct);
        if (result.Value is not { } issued)
        {
            var problem = result.ToProblem();
            // When it opens again (Brussels time and instant); null when no opening is planned.
            if (result.Code == QueueRefusals.OfficeClosed.Code)
            {
                var next = (await work.OpeningAsync(id, ct))?.NextOpening;
                problem.ProblemDetails.Extensions["nextOpening"] = next;
                problem.ProblemDetails.Extensions["nextOpeningLocal"] = next is { } n ? BrusselsTime.ToLocal(n) : null;
            }
            return problem;
        }
        var estimate = await estimates.ForTicketAsync(issued.Ticket, ct);
        var path = QueueModule.TicketPath(issued.Token);
        return TypedResults.Created(path, new IssuedTicketResponse(TicketResponse.From(issued.Ticket), issued.Token, urls.Absolute(path), estimate.Ahead, estimate.Minutes));
    }

    private static async Task<Results<Created<OfficeResponse>, ProblemHttpResult>> CreateOffice(CreateOfficeRequest request, QueueSetup setup, GuichetDb db, CatalogueDirectory catalogue,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await setup.CreateOfficeAsync(request.ChannelId, request.Services, user, ct);
        if (result.Value is not { } office) return result.ToProblem();
        return TypedResults.Created($"/api/v1/queue/offices/{office.Id}", (await OfficeResponsesAsync(db, catalogue, [office], ct))[0]);
    }

    private static async Task<Results<Ok<OfficeResponse>, ProblemHttpResult>> SetServices(Guid id, SetServicesRequest request, QueueSetup setup, GuichetDb db, CatalogueDirectory catalogue,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await setup.SetLinesAsync(id, request.Services, user, ct);
        if (result.Value is not { } office) return result.ToProblem();
        return TypedResults.Ok((await OfficeResponsesAsync(db, catalogue, [office], ct))[0]);
    }

    private static async Task<Results<Created<DeskResponse>, ProblemHttpResult>> CreateDesk(Guid id, DeskRequest request, QueueSetup setup, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await setup.CreateDeskAsync(id, request.Number, request.ServiceIds, user, ct);
        return result.Value is { } d ? TypedResults.Created($"/api/v1/queue/desks/{d.Id}", DeskResponse.From(d)) : result.ToProblem();
    }

    private static async Task<Results<Ok<DeskResponse>, ProblemHttpResult>> UpdateDesk(Guid id, DeskRequest request, QueueSetup setup, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await setup.UpdateDeskAsync(id, request.Number, request.ServiceIds, user, ct);
        return result.Value is { } d ? TypedResults.Ok(DeskResponse.From(d)) : result.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveDesk(Guid id, QueueSetup setup, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await setup.RemoveDeskAsync(id, user, ct);
        return result.Value is not null ? TypedResults.NoContent() : result.ToProblem();
    }

    private static async Task<Ok<List<OfficeResponse>>> Offices(GuichetDb db, CatalogueDirectory catalogue, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await QueueScope.OfAsync(user, catalogue, ct);
        var offices = await scope.Apply(db.Set<QueueOffice>().AsNoTracking()).ToListAsync(ct);
        return TypedResults.Ok(await OfficeResponsesAsync(db, catalogue, offices, ct));
    }

    private static async Task<Results<Ok<List<TicketResponse>>, ProblemHttpResult>> Tickets(Guid id, string? status, GuichetDb db, CatalogueDirectory catalogue, TimeProvider time,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (await VisibleOfficeAsync(id, db, catalogue, user, ct) is null) return Problems.NotFound("The office");
        TicketStatus? filter = null;
        if (status is not null)
        {
            var errors = new List<InvalidParam>();
            filter = EnumCodes.Read<TicketStatus>(status, "status", errors);
            if (filter is null) return Problems.Validation(errors);
        }
        var day = BrusselsTime.LocalDate(time.GetUtcNow());
        var query = db.Set<QueueTicket>().AsNoTracking().Where(t => t.OfficeId == id && t.Day == day);
        if (filter is { } f) query = query.Where(t => t.Status == f);
        var list = await query.OrderBy(t => t.IssuedAt).ThenBy(t => t.Letter).ThenBy(t => t.Number).ToListAsync(ct);
        return TypedResults.Ok(list.Select(TicketResponse.From).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<ServiceWaitingTimes>>, ProblemHttpResult>> Statistics(Guid id, DateOnly? from, DateOnly? to, GuichetDb db, CatalogueDirectory catalogue,
        QueueStatistics statistics, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await VisibleOfficeAsync(id, db, catalogue, user, ct) is null) return Problems.NotFound("The office");
        var today = BrusselsTime.LocalDate(time.GetUtcNow());
        var first = from ?? to ?? today;
        var lastDay = to ?? from ?? today;
        if (lastDay < first || lastDay.DayNumber - first.DayNumber > 366) return Problems.Validation("to", "invalid-range", "From a day to a later one, at most a year apart.");
        return TypedResults.Ok(await statistics.ForOfficeAsync(id, first, lastDay, ct));
    }

    private static async Task<Results<Ok<CounterStatisticsResponse>, ProblemHttpResult>> CounterFigures(string? from, string? to, CounterStatistics statistics, TimeProvider time,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (period, error) = StatisticsPeriod.Parse(from, to, BrusselsTime.LocalDate(time.GetUtcNow()));
        if (period is null) return Problems.Validation([error!]);
        var rows = await statistics.ForAsync(user, period, ct);
        return TypedResults.Ok(new CounterStatisticsResponse(period.From, period.To, [.. rows.Select(r => new CounterStatisticsRow(r.ChannelId, r.CounterName, r.OfficeId, r.ServiceId, r.ServiceName,
            new AppointmentFiguresResponse(r.AppointmentsBooked, r.AppointmentsCheckedIn, r.AppointmentsNoShow, r.AppointmentsCancelled, r.NoShowRate),
            new TicketFiguresResponse(r.TicketsIssued, r.TicketsServed, r.TicketsNoShow, r.MedianWaitMinutes, r.P90WaitMinutes)))]));
    }

    private static async Task<Results<Ok<DeskResponse>, ProblemHttpResult>> SetOpen(Guid id, bool open, QueueWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.SetOpenAsync(id, open, user, ct);
        return result.Value is { } d ? TypedResults.Ok(DeskResponse.From(d)) : result.ToProblem();
    }

    private static async Task<Results<Ok<TicketResponse>, NoContent, ProblemHttpResult>> CallNext(Guid id, QueueWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.CallNextAsync(id, user, ct);
        if (result.Value is { } t) return TypedResults.Ok(TicketResponse.From(t));
        return result.Code == QueueRefusals.QueueEmpty.Code ? TypedResults.NoContent() : result.ToProblem();
    }

    private static async Task<QueueOffice?> VisibleOfficeAsync(Guid id, GuichetDb db, CatalogueDirectory catalogue, ClaimsPrincipal user, CancellationToken ct)
    {
        var office = await db.Set<QueueOffice>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return office is not null && (await QueueScope.OfAsync(user, catalogue, ct)).Covers(office) ? office : null;
    }

    internal static async Task<List<OfficeResponse>> OfficeResponsesAsync(GuichetDb db, CatalogueDirectory catalogue, IReadOnlyList<QueueOffice> offices, CancellationToken ct)
    {
        var ids = offices.Select(o => o.Id).ToList();
        var lines = await db.Set<OfficeService>().AsNoTracking().Where(l => ids.Contains(l.OfficeId)).OrderBy(l => l.Position).ToListAsync(ct);
        var desks = await db.Set<QueueDesk>().AsNoTracking().Where(d => ids.Contains(d.OfficeId)).OrderBy(d => d.Number).ToListAsync(ct);
        var channels = (await catalogue.ChannelsAsync(offices.Select(o => o.ChannelId), ct)).ToDictionary(c => c.Id);
        var services = (await catalogue.ServicesAsync(lines.Select(l => l.ServiceId), ct)).ToDictionary(s => s.Id);
        return [.. offices.Select(o => new OfficeResponse(o.Id, o.ChannelId, o.OrganisationId, channels.GetValueOrDefault(o.ChannelId)?.Name ?? new LocalizedText(),
            [.. lines.Where(l => l.OfficeId == o.Id).Select(l => new LineResponse(l.ServiceId, l.Letter, services.GetValueOrDefault(l.ServiceId)?.Name ?? new LocalizedText()))],
            [.. desks.Where(d => d.OfficeId == o.Id).Select(DeskResponse.From)]))];
    }
}
