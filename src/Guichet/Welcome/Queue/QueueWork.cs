using Guichet.Orient.Catalogue;
using Guichet.Welcome.Contacts;

namespace Guichet.Welcome.Queue;

/// The ticket's life: issued at the kiosk, called by a desk, recalled, served or absent,
/// transferred. Each step validates first, then changes the ticket and records its event-log
/// entry in the same transaction; calls are then told to this node's display boards.
internal sealed class QueueWork(GuichetDb db, EventLog eventLog, TimeProvider time, QueueBroadcaster broadcaster, CatalogueDirectory catalogue,
    IEnumerable<IQueuePriorityFeed> feeds, ContactRegister contacts, WorkingCalendar calendar)
{
    public sealed record Issued(QueueTicket Ticket, string Token);

    /// A ticket at the desk that works on it.
    private sealed record AtDesk(QueueDesk Desk, QueueTicket Ticket);

    /// How many candidates one round of call-next tries before it looks again.
    private const int CandidatesPerRound = 5;

    public async Task<Result<Issued>> IssueAsync(Guid officeId, Guid? serviceId, string? priorityCode, string language, ClaimsPrincipal? user, CancellationToken ct)
    {
        if (!await db.Set<QueueOffice>().AnyAsync(o => o.Id == officeId, ct)) return Result<Issued>.NotFound("The office");
        var errors = new List<InvalidParam>();
        OfficeService? line = null;
        if (serviceId is not { } sid) errors.Add(new("serviceId", "required", "The service the customer comes for."));
        else if ((line = await db.Set<OfficeService>().AsNoTracking().FirstOrDefaultAsync(l => l.OfficeId == officeId && l.ServiceId == sid, ct)) is null)
            errors.Add(new("serviceId", "unknown-id", "This office takes no tickets for this service."));
        var priority = string.IsNullOrEmpty(priorityCode) ? QueuePriority.None : EnumCodes.Read<QueuePriority>(priorityCode, "priority", errors);
        if (!Languages.IsSupported(language)) errors.Add(new("language", "unknown-code", "Use fr, nl, de or en."));
        if (errors.Count > 0) return Result<Issued>.Invalid(errors);
        // Nobody queues at a closed counter: a ticket at night would wait for nobody, and push up
        // the published waiting time.
        if (await OpeningAsync(officeId, ct) is { IsOpen: false }) return Result<Issued>.Refused(QueueRefusals.OfficeClosed);

        var now = time.GetUtcNow();
        var day = BrusselsTime.LocalDate(now);
        for (var attempt = 1; ; attempt++)
        {
            var number = await QueueNumberCounter.NextAsync(db, officeId, day, line!.Letter, ct);
            var (plain, hash) = SecureToken.New();
            var ticket = new QueueTicket(officeId, line.ServiceId, day, line.Letter, number, priority!.Value, language, hash, now);
            db.Add(ticket);
            eventLog.Record(user, WelcomeActivities.TicketIssued, Objects(ticket, null), Attributes(ticket, null));
            try
            {
                await db.SaveChangesAsync(ct);
                return new Issued(ticket, plain);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 5)
            {
                // The number was taken outside the counter: the counter catches up, then the next one.
                db.ChangeTracker.Clear();
                await QueueNumberCounter.CatchUpAsync(db, officeId, day, line.Letter, ct);
            }
        }
    }

    /// Whether the office's counter is open now, by the catalogue's opening hours of its channel
    /// (holidays and closures included), and when it next opens; null when the counter has no
    /// opening hours (nothing to go by: tickets are then always issued).
    public async Task<OpenStatus?> OpeningAsync(Guid officeId, CancellationToken ct)
    {
        var channelId = await db.Set<QueueOffice>().AsNoTracking().Where(o => o.Id == officeId).Select(o => (Guid?)o.ChannelId).FirstOrDefaultAsync(ct);
        if (channelId is null) return null;
        var counter = await catalogue.CounterAsync(channelId.Value, ct);
        return counter?.OpeningHours?.Status(time.GetUtcNow(), calendar);
    }

    /// A ticket for a customer with an appointment who checks in at a counter, added to the
    /// caller's unit of work: the check-in saves both at once. Null when no queue at that counter takes tickets for
    /// the service.
    public async Task<QueueTicket?> AddForCheckInAsync(Guid channelId, Guid serviceId, Guid appointmentId, string language, ClaimsPrincipal user, CancellationToken ct)
    {
        var line = await (from o in db.Set<QueueOffice>()
                          join l in db.Set<OfficeService>() on o.Id equals l.OfficeId
                          where o.ChannelId == channelId && l.ServiceId == serviceId
                          select l).AsNoTracking().FirstOrDefaultAsync(ct);
        if (line is null) return null;
        var now = time.GetUtcNow();
        var day = BrusselsTime.LocalDate(now);
        var number = await QueueNumberCounter.NextAsync(db, line.OfficeId, day, line.Letter, ct);
        var ticket = new QueueTicket(line.OfficeId, serviceId, day, line.Letter, number, QueuePriority.None, Languages.IsSupported(language) ? language : "fr",
            SecureToken.New().Hash, now);
        db.Add(ticket);
        eventLog.Record(user, WelcomeActivities.TicketIssued, [.. Objects(ticket, null), new EventLogObject("appointment", appointmentId.ToString(), Role.Appointment)],
            Attributes(ticket, null, new() { ["appointment"] = appointmentId }));
        return ticket;
    }

    /// Gives the desk back from tickets left called or served on an earlier day (nobody finished
    /// them): each is closed and recorded. Done lazily, when the desk calls or its page opens.
    public async Task CloseLeftoversAsync(Guid deskId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = BrusselsTime.LocalDate(now);
        var leftovers = await db.Set<QueueTicket>()
            .Where(t => t.DeskId == deskId && t.Day < today && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .ToListAsync(ct);
        if (leftovers.Count == 0) return;
        var desk = await db.Set<QueueDesk>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == deskId, ct);
        foreach (var ticket in leftovers)
        {
            var from = EnumCodes.Code(ticket.Status);
            ticket.CloseAtDayEnd(now);
            eventLog.Record("system", WelcomeActivities.TicketClosedAtDayEnd, Objects(ticket, desk), Attributes(ticket, desk, new() { ["from"] = from, ["status"] = EnumCodes.Code(ticket.Status) }));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request closed them at the same moment.
            db.ChangeTracker.Clear();
        }
    }

    /// The next customer for a desk: appointments due now (IQueuePriorityFeed), then priority
    /// tickets, then first come first served over the services the desk serves (and tickets
    /// transferred to this desk). Two desks calling at once never get the same ticket: the call
    /// is a conditional UPDATE (still waiting?) whose row count says who won; the loser tries the
    /// next candidate.
    public async Task<Result<QueueTicket>> CallNextAsync(Guid deskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await DeskAsync(deskId, user, ct);
        if (found.Value is not { } desk) return found.As<QueueTicket>();
        await CloseLeftoversAsync(deskId, ct);
        if (await db.Set<QueueTicket>().AnyAsync(t => t.DeskId == deskId && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving), ct))
            return Result<QueueTicket>.Refused(QueueRefusals.DeskBusy);
        var now = time.GetUtcNow();
        var day = BrusselsTime.LocalDate(now);
        for (var round = 0; round < 50; round++)
        {
            var candidates = await CandidatesAsync(desk, day, now, ct);
            if (candidates.Count == 0) break;
            foreach (var id in candidates)
            {
                var result = await TryCallAsync(id, desk, user, now, ct);
                if (result is not null) return result;
            }
        }
        return Result<QueueTicket>.Refused(QueueRefusals.QueueEmpty);
    }

    /// The tickets a desk would call next, in order (a few: others may take them first).
    internal async Task<List<Guid>> CandidatesAsync(QueueDesk desk, DateOnly day, DateTimeOffset now, CancellationToken ct)
    {
        var services = desk.ServiceIds;
        var deskId = desk.Id;
        var waiting = db.Set<QueueTicket>().AsNoTracking().Where(t => t.OfficeId == desk.OfficeId && t.Day == day
            && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Transferred)
            && (t.TargetDeskId == deskId || (t.TargetDeskId == null && services.Contains(t.ServiceId))));
        var result = new List<Guid>();
        foreach (var feed in feeds)
        {
            var due = (await feed.DueTicketsAsync(desk.OfficeId, services, now, ct)).ToList();
            if (due.Count == 0) continue;
            var stillWaiting = await waiting.Where(t => due.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
            result.AddRange(due.Where(stillWaiting.Contains).Except(result));
        }
        var next = await waiting
            .OrderBy(t => t.Priority == QueuePriority.None)
            .ThenBy(t => t.IssuedAt)
            .ThenBy(t => t.Number)
            .Select(t => t.Id)
            .Take(CandidatesPerRound + result.Count)
            .ToListAsync(ct);
        result.AddRange(next.Except(result));
        return result;
    }

    /// Null when another desk took the ticket first.
    private async Task<Result<QueueTicket>?> TryCallAsync(Guid ticketId, QueueDesk desk, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int changed;
        try
        {
            changed = await db.Set<QueueTicket>()
                .Where(t => t.Id == ticketId && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Transferred))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, TicketStatus.Called)
                    .SetProperty(t => t.DeskId, desk.Id)
                    .SetProperty(t => t.TargetDeskId, (Guid?)null)
                    .SetProperty(t => t.CalledAt, now)
                    .SetProperty(t => t.Version, t => t.Version + 1), ct);
        }
        catch (Exception e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same desk called twice at the same moment: its other call won.
            await tx.RollbackAsync(CancellationToken.None);
            return Result<QueueTicket>.Refused(QueueRefusals.DeskBusy);
        }
        if (changed == 0)
        {
            await tx.RollbackAsync(ct);
            return null;
        }
        var ticket = await db.Set<QueueTicket>().AsNoTracking().FirstAsync(t => t.Id == ticketId, ct);
        if (!desk.IsOpen) desk.Open(now); // a desk that calls is staffed
        var entry = eventLog.Record(user, WelcomeActivities.TicketCalled, Objects(ticket, desk), Attributes(ticket, desk, new()
        {
            ["waitedSeconds"] = (int)(now - ticket.QueuedAt).TotalSeconds,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        broadcaster.Publish(new QueueCall(entry.Id, ticket.OfficeId, ticket.Code, desk.Number, false, now));
        return ticket;
    }

    public Task<Result<QueueTicket>> RecallAsync(Guid deskId, Guid ticketId, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(deskId, ticketId, user, [TicketStatus.Called], WelcomeActivities.TicketRecalled, (t, _) => t.Recall(), ct);

    public Task<Result<QueueTicket>> StartAsync(Guid deskId, Guid ticketId, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(deskId, ticketId, user, [TicketStatus.Called], WelcomeActivities.TicketServingStarted, (t, now) => t.StartServing(now), ct);

    public Task<Result<QueueTicket>> NoShowAsync(Guid deskId, Guid ticketId, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(deskId, ticketId, user, [TicketStatus.Called], WelcomeActivities.TicketMissed, (t, now) => t.MarkNoShow(now), ct);

    /// Finishes the visit with its outcome (answered, routed, referred, callBack) and registers
    /// the counter contact (the ticket's service and its competent unit, the customer if given)
    /// in the same transaction: either the ticket is served with its contact, or nothing changes.
    public async Task<Result<QueueTicket>> FinishAsync(Guid deskId, Guid ticketId, VisitDetails visit, ClaimsPrincipal user, CancellationToken ct)
    {
        var invalid = new List<InvalidParam>();
        if (EnumCodes.Read<VisitOutcome>(visit.Outcome, "outcome", invalid) is not { } outcome) return Result<QueueTicket>.Invalid(invalid);
        var at = await AtDeskAsync(deskId, ticketId, user, [TicketStatus.Called, TicketStatus.Serving], ct);
        if (at.Value is not { } here) return at.As<QueueTicket>();
        var (desk, ticket) = here;

        var service = await catalogue.ServiceAsync(ticket.ServiceId, ct);
        var published = await catalogue.PublishedServiceAsync(ticket.ServiceId, ct);
        Guid? unit = published is { External: false } ? published.UnitId : null;
        if (outcome is VisitOutcome.Routed or VisitOutcome.CallBack && unit is null)
            return Result<QueueTicket>.Invalid("outcome", "no-competent-unit", "This service has no unit of the organisation to route to or to call back from.");
        if (outcome is VisitOutcome.Referred && published is null)
            return Result<QueueTicket>.Invalid("outcome", "service-not-published", "A referral names a published service.");
        var serviceName = service?.Name.Resolve(ticket.Language, service.PrimaryLanguage).Text ?? "";
        var request = new RegisterContactRequest("counter", ticket.IssuedAt, visit.CustomerKindOrGuess(), Blank(visit.CustomerNumber), Blank(visit.CustomerName),
            null, null, null, null, ticket.Language, (ticket.Code + " " + serviceName).Trim(), published?.Id, unit, Blank(visit.Notes));

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Result<Contact> registered;
        try
        {
            registered = await contacts.RegisterAsync(user, request, ct, c =>
            {
                ticket.Finish(outcome, c.Id, now);
                eventLog.Record(user, WelcomeActivities.TicketServed, [.. Objects(ticket, desk), new EventLogObject("contact", c.Id.ToString(), Role.Contact)],
                    Attributes(ticket, desk, new() { ["outcome"] = EnumCodes.Code(outcome), ["serviceSeconds"] = (int?)ticket.ServiceTime?.TotalSeconds, ["contact"] = c.Id }));
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            await UndoAsync(tx);
            return Result<QueueTicket>.Refused(QueueRefusals.TicketChanged);
        }
        if (registered.Value is not { } contact)
        {
            await UndoAsync(tx);
            return registered.As<QueueTicket>();
        }
        // The register's own step records the outcome (contact.answered, .routed, ...), as for every channel.
        var decided = await contacts.DecideAsync(user, contact.Id, new OutcomeRequest(EnumCodes.Code(ContactOutcomeOf(outcome)), unit, published?.Id, null), ct);
        if (!decided.Ok)
        {
            await UndoAsync(tx);
            return decided.Status == 400 ? decided.As<QueueTicket>() : Result<QueueTicket>.Conflict(decided.Code ?? "contact-refused", "The contact could not take this outcome.");
        }
        await tx.CommitAsync(ct);
        return ticket;
    }

    private static ContactOutcome ContactOutcomeOf(VisitOutcome outcome) => outcome switch
    {
        VisitOutcome.Routed => ContactOutcome.Routed,
        VisitOutcome.Referred => ContactOutcome.Referred,
        VisitOutcome.CallBack => ContactOutcome.CallBackPromised,
        _ => ContactOutcome.Answered,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// Nothing of a refused finish stays: neither in the database nor in the unit of work.
    private async Task UndoAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx)
    {
        await tx.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }

    /// Sends the customer to another service's line or to one desk; they keep their ticket and
    /// their place (first come first served counts from the ticket's issue).
    public async Task<Result<QueueTicket>> TransferAsync(Guid deskId, Guid ticketId, Guid? toServiceId, Guid? toDeskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await DeskAsync(deskId, user, ct);
        if (found.Value is not { } desk) return found.As<QueueTicket>();
        var errors = new List<InvalidParam>();
        if (toServiceId is null && toDeskId is null) errors.Add(new("serviceId", "required", "The service or the desk the customer goes to."));
        if (toServiceId is { } s && !await db.Set<OfficeService>().AnyAsync(l => l.OfficeId == desk.OfficeId && l.ServiceId == s, ct))
            errors.Add(new("serviceId", "unknown-id", "This office takes no tickets for this service."));
        if (toDeskId is { } d && (d == desk.Id || !await db.Set<QueueDesk>().AnyAsync(x => x.Id == d && x.OfficeId == desk.OfficeId, ct)))
            errors.Add(new("deskId", d == desk.Id ? "same-desk" : "unknown-id", "Another desk of this office."));
        if (errors.Count > 0) return Result<QueueTicket>.Invalid(errors);
        var from = Guid.Empty;
        return await ChangeAsync(deskId, ticketId, user, [TicketStatus.Called, TicketStatus.Serving], WelcomeActivities.TicketTransferred, (t, now) =>
        {
            from = t.ServiceId;
            t.Transfer(toServiceId, toDeskId, now);
        }, ct, t => new() { ["fromService"] = from, ["toService"] = t.ServiceId, ["toDesk"] = toDeskId });
    }

    /// Opens or closes a desk: only open desks count in the waiting-time estimate.
    public async Task<Result<QueueDesk>> SetOpenAsync(Guid deskId, bool open, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await DeskAsync(deskId, user, ct);
        if (found.Value is not { } desk) return found;
        if (desk.IsOpen == open) return desk;
        var now = time.GetUtcNow();
        if (open) desk.Open(now);
        else desk.Close(now);
        eventLog.Record(user, open ? WelcomeActivities.DeskOpened : WelcomeActivities.DeskClosed,
            [new EventLogObject("queue-desk", desk.Id.ToString(), Role.Subject), new EventLogObject("queue-office", desk.OfficeId.ToString(), Role.Office)],
            new Dictionary<string, object?> { ["number"] = desk.Number });
        await db.SaveChangesAsync(ct);
        return desk;
    }

    /// The desk, tracked, if it exists and lies in the user's organisation.
    public async Task<Result<QueueDesk>> DeskAsync(Guid deskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var desk = await db.Set<QueueDesk>().FirstOrDefaultAsync(d => d.Id == deskId, ct);
        if (desk is null) return Result<QueueDesk>.NotFound("The desk");
        var office = await db.Set<QueueOffice>().AsNoTracking().FirstAsync(o => o.Id == desk.OfficeId, ct);
        if (!(await QueueScope.OfAsync(user, catalogue, ct)).Covers(office)) return Result<QueueDesk>.NotFound("The desk");
        return desk;
    }

    /// The ticket, tracked, if it is at this desk in one of the given states; otherwise why not.
    private async Task<Result<AtDesk>> AtDeskAsync(Guid deskId, Guid ticketId, ClaimsPrincipal user, TicketStatus[] from, CancellationToken ct)
    {
        var found = await DeskAsync(deskId, user, ct);
        if (found.Value is not { } desk) return found.As<AtDesk>();
        // Another office's ticket is not found from this desk.
        var ticket = await db.Set<QueueTicket>().FirstOrDefaultAsync(t => t.Id == ticketId && t.OfficeId == desk.OfficeId, ct);
        if (ticket is null) return Result<AtDesk>.NotFound("The ticket");
        if (ticket.IsFinished) return Result<AtDesk>.Refused(QueueRefusals.TicketFinished);
        if (!ticket.IsAtDesk || ticket.DeskId != desk.Id) return Result<AtDesk>.Refused(QueueRefusals.TicketNotAtDesk);
        if (!from.Contains(ticket.Status)) return Result<AtDesk>.Refused(QueueRefusals.TicketNotCalled);
        return new AtDesk(desk, ticket);
    }

    private async Task<Result<QueueTicket>> ChangeAsync(Guid deskId, Guid ticketId, ClaimsPrincipal user, TicketStatus[] from, Activity activity,
        Action<QueueTicket, DateTimeOffset> change, CancellationToken ct, Func<QueueTicket, Dictionary<string, object?>>? more = null)
    {
        var at = await AtDeskAsync(deskId, ticketId, user, from, ct);
        if (at.Value is not { } here) return at.As<QueueTicket>();
        var (desk, ticket) = here;

        var now = time.GetUtcNow();
        change(ticket, now);
        var entry = eventLog.Record(user, activity, Objects(ticket, desk), Attributes(ticket, desk, more?.Invoke(ticket)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<QueueTicket>.Refused(QueueRefusals.TicketChanged);
        }
        if (activity == WelcomeActivities.TicketRecalled)
            broadcaster.Publish(new QueueCall(entry.Id, ticket.OfficeId, ticket.Code, desk.Number, true, now));
        return ticket;
    }

    public static List<EventLogObject> Objects(QueueTicket ticket, QueueDesk? desk)
    {
        var objects = new List<EventLogObject>
        {
            new("queue-ticket", ticket.Id.ToString(), Role.Subject),
            new("queue-office", ticket.OfficeId.ToString(), Role.Office),
            new("service", ticket.ServiceId.ToString(), Role.Service),
        };
        if (desk is not null) objects.Add(new("queue-desk", desk.Id.ToString(), Role.Desk));
        return objects;
    }

    internal static Dictionary<string, object?> Attributes(QueueTicket ticket, QueueDesk? desk, Dictionary<string, object?>? more = null)
    {
        var attributes = new Dictionary<string, object?>
        {
            ["code"] = ticket.Code,
            ["priority"] = EnumCodes.Code(ticket.Priority),
        };
        if (desk is not null) attributes["desk"] = desk.Number;
        foreach (var (k, v) in more ?? []) attributes[k] = v;
        return attributes;
    }
}

/// What the desk enters when a visit ends: the outcome, and optionally who the customer was
/// (person or company, national or enterprise number, name) and notes for the contact register.
internal sealed record VisitDetails(string? Outcome, string? CustomerKind = null, string? CustomerNumber = null, string? CustomerName = null, string? Notes = null)
{
    /// The register's customer kind: as given, else guessed from what was entered (an enterprise
    /// number has 10 digits, a national number 11); nobody named is anonymous.
    public string CustomerKindOrGuess()
    {
        if (!string.IsNullOrWhiteSpace(CustomerKind)) return CustomerKind;
        if (!string.IsNullOrWhiteSpace(CustomerNumber)) return CustomerNumber.Count(char.IsAsciiDigit) == 10 ? "company" : "person";
        return string.IsNullOrWhiteSpace(CustomerName) ? "anonymous" : "person";
    }
}
