using Guichet.Orient.Catalogue;

namespace Guichet.Welcome.Queue;

internal sealed record LineRequest(Guid? ServiceId, string? Letter);

/// Administrators set up the queue of a counter: which catalogue services take tickets there
/// (only those the catalogue offers at that counter), with which letter, and the desks with the
/// services each one serves.
internal sealed class QueueSetup(GuichetDb db, EventLog eventLog, TimeProvider time, CatalogueDirectory catalogue)
{
    public async Task<Result<QueueOffice>> CreateOfficeAsync(Guid? channelId, IReadOnlyList<LineRequest>? lines, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        CatalogueDirectory.ChannelEntry? channel = null;
        if (channelId is not { } id) errors.Add(new("channelId", "required", "The counter (a channel of the catalogue)."));
        else if ((channel = await catalogue.ChannelAsync(id, ct)) is null) errors.Add(new("channelId", "unknown-id", "No channel has this id."));
        else if (!channel.IsCounter) errors.Add(new("channelId", "not-a-counter", "A queue runs at a counter, not at a " + channel.Kind + " channel."));
        if (channel is { IsCounter: true }) errors.AddRange(await ValidateLinesAsync(channel.Id, lines ?? [], ct));
        if (errors.Count > 0) return Result<QueueOffice>.Invalid(errors);
        if (await db.Set<QueueOffice>().AnyAsync(o => o.ChannelId == channel!.Id, ct))
            return Result<QueueOffice>.Refused(QueueRefusals.OfficeExists);

        var office = new QueueOffice(Guid.NewGuid(), channel!.Id, channel.OrganisationId, time.GetUtcNow());
        db.Add(office);
        AddLines(office.Id, lines ?? []);
        eventLog.Record(user, WelcomeActivities.OfficeCreated, [new EventLogObject("queue-office", office.Id.ToString(), Role.Subject), new EventLogObject("channel", channel.Id.ToString(), Role.Channel)],
            new Dictionary<string, object?> { ["services"] = (lines ?? []).Select(l => l.ServiceId).ToList() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result<QueueOffice>.Refused(QueueRefusals.OfficeExists);
        }
        return office;
    }

    /// Replaces the services of an office; desks keep only the services still taken there.
    public async Task<Result<QueueOffice>> SetLinesAsync(Guid officeId, IReadOnlyList<LineRequest>? lines, ClaimsPrincipal user, CancellationToken ct)
    {
        var office = await db.Set<QueueOffice>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == officeId, ct);
        if (office is null) return Result<QueueOffice>.NotFound("The office");
        var errors = await ValidateLinesAsync(office.ChannelId, lines ?? [], ct);
        if (errors.Count > 0) return Result<QueueOffice>.Invalid(errors);

        db.RemoveRange(await db.Set<OfficeService>().Where(l => l.OfficeId == officeId).ToListAsync(ct));
        // Deleted rows go first, so that a letter can move from one service to another in one save.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        AddLines(officeId, lines ?? []);
        var kept = (lines ?? []).Select(l => l.ServiceId!.Value).ToHashSet();
        var now = time.GetUtcNow();
        foreach (var desk in await db.Set<QueueDesk>().Where(d => d.OfficeId == officeId).ToListAsync(ct))
            if (desk.ServiceIds.Any(s => !kept.Contains(s))) desk.Change(desk.Number, desk.ServiceIds.Where(kept.Contains), now);
        eventLog.Record(user, WelcomeActivities.OfficeServicesChanged, [new EventLogObject("queue-office", officeId.ToString(), Role.Subject)],
            new Dictionary<string, object?> { ["services"] = (lines ?? []).Select(l => new { l.ServiceId, l.Letter }).ToList() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return office;
    }

    public async Task<Result<QueueDesk>> CreateDeskAsync(Guid officeId, int? number, IReadOnlyList<Guid>? serviceIds, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await db.Set<QueueOffice>().AnyAsync(o => o.Id == officeId, ct)) return Result<QueueDesk>.NotFound("The office");
        var errors = await ValidateDeskAsync(officeId, null, number, serviceIds, ct);
        if (errors.Count > 0) return Result<QueueDesk>.Invalid(errors);
        var desk = new QueueDesk(Guid.NewGuid(), officeId, number!.Value, serviceIds ?? [], time.GetUtcNow());
        db.Add(desk);
        eventLog.Record(user, WelcomeActivities.DeskCreated, DeskObjects(desk), new Dictionary<string, object?> { ["number"] = desk.Number, ["services"] = desk.ServiceIds });
        return await SaveDeskAsync(desk, ct);
    }

    public async Task<Result<QueueDesk>> UpdateDeskAsync(Guid deskId, int? number, IReadOnlyList<Guid>? serviceIds, ClaimsPrincipal user, CancellationToken ct)
    {
        var desk = await db.Set<QueueDesk>().FirstOrDefaultAsync(d => d.Id == deskId, ct);
        if (desk is null) return Result<QueueDesk>.NotFound("The desk");
        var errors = await ValidateDeskAsync(desk.OfficeId, desk.Id, number, serviceIds, ct);
        if (errors.Count > 0) return Result<QueueDesk>.Invalid(errors);
        desk.Change(number!.Value, serviceIds ?? [], time.GetUtcNow());
        eventLog.Record(user, WelcomeActivities.DeskChanged, DeskObjects(desk), new Dictionary<string, object?> { ["number"] = desk.Number, ["services"] = desk.ServiceIds });
        return await SaveDeskAsync(desk, ct);
    }

    public async Task<Result<QueueDesk>> RemoveDeskAsync(Guid deskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var desk = await db.Set<QueueDesk>().FirstOrDefaultAsync(d => d.Id == deskId, ct);
        if (desk is null) return Result<QueueDesk>.NotFound("The desk");
        if (await db.Set<QueueTicket>().AnyAsync(t => (t.DeskId == deskId && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            || (t.TargetDeskId == deskId && t.Status == TicketStatus.Transferred), ct))
            return Result<QueueDesk>.Refused(QueueRefusals.DeskHasTicket);
        db.Remove(desk);
        eventLog.Record(user, WelcomeActivities.DeskRemoved, DeskObjects(desk), new Dictionary<string, object?> { ["number"] = desk.Number });
        await db.SaveChangesAsync(ct);
        return desk;
    }

    private async Task<Result<QueueDesk>> SaveDeskAsync(QueueDesk desk, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return desk;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result<QueueDesk>.Invalid("number", "taken", "Another desk of this office has this number.");
        }
    }

    private static List<EventLogObject> DeskObjects(QueueDesk desk) =>
        [new("queue-desk", desk.Id.ToString(), Role.Subject), new("queue-office", desk.OfficeId.ToString(), Role.Office)];

    private void AddLines(Guid officeId, IReadOnlyList<LineRequest> lines)
    {
        for (var i = 0; i < lines.Count; i++)
            db.Add(new OfficeService(officeId, lines[i].ServiceId!.Value, lines[i].Letter!, i));
    }

    private async Task<List<InvalidParam>> ValidateLinesAsync(Guid channelId, IReadOnlyList<LineRequest> lines, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        var offered = (await catalogue.ServicesAtAsync(channelId, ct)).Select(s => s.Id).ToHashSet();
        var services = new HashSet<Guid>();
        var letters = new HashSet<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is null)
            {
                errors.Add(new($"services[{i}]", "required", "A service and its letter."));
                continue;
            }
            if (line.ServiceId is not { } s) errors.Add(new($"services[{i}].serviceId", "required", "A service of the catalogue."));
            else if (!offered.Contains(s)) errors.Add(new($"services[{i}].serviceId", "not-at-counter", "The catalogue does not offer this service at this counter."));
            else if (!services.Add(s)) errors.Add(new($"services[{i}].serviceId", "duplicate", "Each service once."));
            if (!OfficeService.IsLetter(line.Letter)) errors.Add(new($"services[{i}].letter", "invalid-letter", "One capital letter, A to Z."));
            else if (!letters.Add(line.Letter!)) errors.Add(new($"services[{i}].letter", "duplicate", "Each letter once."));
        }
        return errors;
    }

    private async Task<List<InvalidParam>> ValidateDeskAsync(Guid officeId, Guid? deskId, int? number, IReadOnlyList<Guid>? serviceIds, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        if (number is not { } n) errors.Add(new("number", "required", "The number customers see (desk 3)."));
        else if (n is < 1 or > QueueDesk.MaxNumber) errors.Add(new("number", "out-of-range", $"From 1 to {QueueDesk.MaxNumber}."));
        else if (await db.Set<QueueDesk>().AnyAsync(d => d.OfficeId == officeId && d.Number == n && d.Id != deskId, ct))
            errors.Add(new("number", "taken", "Another desk of this office has this number."));
        var lines = await db.Set<OfficeService>().Where(l => l.OfficeId == officeId).Select(l => l.ServiceId).ToListAsync(ct);
        var list = serviceIds ?? [];
        for (var i = 0; i < list.Count; i++)
            if (!lines.Contains(list[i])) errors.Add(new($"serviceIds[{i}]", "unknown-id", "This office takes no tickets for this service."));
        return errors;
    }
}
