using Guichet.Deliver.Cases;
using Guichet.Orient.Catalogue;

namespace Guichet.Deliver.Advice;

internal sealed record AskAdviceRequest(Guid? ToUnitId, string? Question);

internal sealed record GiveAdviceRequest(string? Answer);

/// Kept and broken agreements between two units, over every advice request between them.
internal sealed record AgreementResponse(Guid FromUnitId, Guid ToUnitId, int Requested, int Kept, int Broken, int Open, int Overdue);

/// Advice between units, shared by the API and the pages: asking (by the unit handling the case)
/// and giving (by the unit asked), each with its event in one SaveChanges.
internal sealed class AdviceWork(GuichetDb db, CatalogueDirectory catalogue, EventLog eventLog, WorkingCalendar calendar, TimeProvider time, IOptions<AdviceOptions> options)
{
    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    public async Task<Result<AdviceRequest>> AskAsync(ClaimsPrincipal user, Guid caseId, AskAdviceRequest request, CancellationToken ct)
    {
        var found = await CaseScope.FindAsync(db, user, caseId, tracked: false, ct);
        if (found.Value is not { } @case) return found.As<AdviceRequest>();
        var errors = new List<InvalidParam>();
        if (request.ToUnitId is not { } to) errors.Add(new("toUnitId", "required", "The unit asked for advice."));
        else if (to == @case.UnitId) errors.Add(new("toUnitId", "same-unit", "A unit does not ask itself for advice."));
        else if (await catalogue.UnitAsync(to, ct) is null) errors.Add(new("toUnitId", "unknown-id", "No unit has this id."));
        CaseInput.Text(errors, "question", request.Question, AdviceRequest.MaxText, "What the unit is asked.");
        if (errors.Count > 0) return Result<AdviceRequest>.Invalid(errors);
        if (@case.IsClosed) return Result<AdviceRequest>.Refused(CaseRefusals.Closed);

        var today = Today;
        var days = options.Value.WorkingDaysFor(@case.UnitId, request.ToUnitId!.Value);
        var advice = new AdviceRequest(caseId, @case.Number, @case.UnitId, request.ToUnitId.Value, request.Question!.Trim(), today, calendar.AddWorkingDays(today, days), time.GetUtcNow(), EventLog.ActorOf(user));
        db.Add(advice);
        eventLog.Record(user, DeliverActivities.AdviceRequested, CaseWork.Objects(@case, eventLog).Append(new EventLogObject("unit", advice.ToUnitId.ToString(), Role.AskedUnit)),
            new Dictionary<string, object?> { ["advice"] = advice.Id, ["dueOn"] = advice.DueOn, ["workingDays"] = days });
        await db.SaveChangesAsync(ct);
        return advice;
    }

    public async Task<Result<AdviceRequest>> GiveAsync(ClaimsPrincipal user, Guid adviceId, GiveAdviceRequest request, CancellationToken ct)
    {
        var scope = CaseScope.Of(user);
        // Only the unit asked gives the advice (or an admin).
        var units = scope.Units;
        var advice = await db.Set<AdviceRequest>().FirstOrDefaultAsync(a => a.Id == adviceId && (scope.All || units.Contains(a.ToUnitId)), ct);
        if (advice is null) return Result<AdviceRequest>.NotFound("The advice request");
        var errors = new List<InvalidParam>();
        CaseInput.Text(errors, "answer", request.Answer, AdviceRequest.MaxText, "The advice.");
        if (errors.Count > 0) return Result<AdviceRequest>.Invalid(errors);
        if (!advice.IsOpen) return Result<AdviceRequest>.Refused(AdviceRefusals.AlreadyGiven);
        var today = Today;
        advice.Give(request.Answer!.Trim(), today, time.GetUtcNow(), EventLog.ActorOf(user));
        eventLog.Record(user, DeliverActivities.AdviceGiven, [new EventLogObject("case", advice.CaseId.ToString(), Role.Subject), new EventLogObject("unit", advice.ToUnitId.ToString(), Role.AskedUnit)],
            new Dictionary<string, object?> { ["advice"] = advice.Id, ["dueOn"] = advice.DueOn, ["kept"] = advice.Kept(today) });
        await db.SaveChangesAsync(ct);
        return advice;
    }

    /// The advice requests the user's units (their own and those below) are party to, asking or
    /// asked (admins: all).
    public IQueryable<AdviceRequest> Visible(ClaimsPrincipal user)
    {
        var scope = CaseScope.Of(user);
        var all = db.Set<AdviceRequest>().AsNoTracking();
        var units = scope.Units;
        return scope.All ? all : all.Where(a => units.Contains(a.FromUnitId) || units.Contains(a.ToUnitId));
    }

    /// Per pair of units: requested, kept, broken (late or overdue), open, overdue.
    public async Task<List<AgreementResponse>> AgreementsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = Today;
        var rows = await Visible(user).Select(a => new { a.FromUnitId, a.ToUnitId, a.DueOn, a.AnsweredOn }).ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.FromUnitId, r.ToUnitId)).Select(g => new AgreementResponse(
            g.Key.FromUnitId, g.Key.ToUnitId, g.Count(),
            g.Count(r => r.AnsweredOn is { } a && a <= r.DueOn),
            g.Count(r => r.AnsweredOn is { } a ? a > r.DueOn : today > r.DueOn),
            g.Count(r => r.AnsweredOn is null),
            g.Count(r => r.AnsweredOn is null && today > r.DueOn))).OrderBy(a => a.FromUnitId).ThenBy(a => a.ToUnitId)];
    }
}
