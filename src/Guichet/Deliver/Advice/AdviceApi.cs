using System.Security.Claims;
using Guichet.Deliver.Cases;
using Guichet.Orient.Catalogue;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Deliver.Advice;

internal sealed record AskAdviceRequest(Guid? ToUnitId, string? Question);

internal sealed record GiveAdviceRequest(string? Answer);

internal sealed record AdviceResponse(Guid Id, Guid CaseId, string CaseNumber, Guid FromUnitId, Guid ToUnitId, string Question, DateOnly RequestedOn, DateOnly DueOn,
    string? Answer, DateOnly? AnsweredOn, bool Overdue, bool? Kept)
{
    public static AdviceResponse From(AdviceRequest a, DateOnly today) =>
        new(a.Id, a.CaseId, a.CaseNumber, a.FromUnitId, a.ToUnitId, a.Question, a.RequestedOn, a.DueOn, a.Answer, a.AnsweredOn, a.IsOverdue(today), a.Kept(today));
}

/// Kept and broken agreements between two units, over every advice request between them.
internal sealed record AgreementResponse(Guid FromUnitId, Guid ToUnitId, int Requested, int Kept, int Broken, int Open, int Overdue);

internal static class AdviceApi
{
    public static WebApplication MapAdviceApi(this WebApplication app)
    {
        var cases = app.MapGroup("/api/v1/cases/{id:guid}/advice").WithTags("Advice between units").RequireAuthorization(DeliverModule.CaseWorkPolicy);
        cases.MapPost("", Ask).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Asks another unit for advice on a case; it is due within the working days agreed for that pair of units (configuration Deliver:Advice).");
        cases.MapGet("", ForCase).ProducesProblem(404).WithSummary("The advice requests of a case.");
        var advice = app.MapGroup("/api/v1/advice").WithTags("Advice between units").RequireAuthorization(DeliverModule.CaseWorkPolicy);
        advice.MapGet("", Mine).WithSummary("Advice requests to the caller's unit (incoming) and from it (outgoing); ?overdue=true for the late ones - both units see them.");
        advice.MapPost("/{adviceId:guid}/answer", Give).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).WithSummary("Gives the asked unit's advice.");
        advice.MapGet("/agreements", Agreements).WithSummary("Per pair of units: requests, kept, broken (late or overdue), open; units the caller belongs to (admins: all).");
        return app;
    }

    private static DateOnly Today(TimeProvider time) => BrusselsTime.LocalDate(time.GetUtcNow());

    private static async Task<Results<Created<AdviceResponse>, ProblemHttpResult>> Ask(Guid id, AskAdviceRequest request, GuichetDb db, CatalogueDirectory catalogue, EventLog eventLog,
        WorkingCalendar calendar, TimeProvider time, IOptions<AdviceOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await CaseScope.Of(user).Apply(db.Set<Case>().AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null) return CaseResult<Case>.NotFound.ToProblem();
        var errors = new List<InvalidParam>();
        if (request.ToUnitId is not { } to) errors.Add(new("toUnitId", "required", "The unit asked for advice."));
        else if (to == @case.UnitId) errors.Add(new("toUnitId", "same-unit", "A unit does not ask itself for advice."));
        else if (await catalogue.UnitAsync(to, ct) is null) errors.Add(new("toUnitId", "unknown-id", "No unit has this id."));
        if (string.IsNullOrWhiteSpace(request.Question)) errors.Add(new("question", "required", "What the unit is asked."));
        else if (request.Question.Length > AdviceRequest.MaxText) errors.Add(new("question", "too-long", $"At most {AdviceRequest.MaxText} characters."));
        if (errors.Count > 0) return Problems.Validation(errors);
        if (@case.IsClosed) return Problems.Conflict(CaseRefusal.Closed.Code, CaseRefusal.Closed.Title);

        var today = Today(time);
        var days = options.Value.WorkingDaysFor(@case.UnitId, request.ToUnitId!.Value);
        var advice = new AdviceRequest(id, @case.Number, @case.UnitId, request.ToUnitId.Value, request.Question!.Trim(), today, calendar.AddWorkingDays(today, days), time.GetUtcNow(), EventLog.ActorOf(user));
        db.Add(advice);
        eventLog.Record(user, "case.advice-requested", CaseWork.Objects(@case).Append(new EventLogObject("unit", advice.ToUnitId.ToString(), "asked")),
            new Dictionary<string, object?> { ["advice"] = advice.Id, ["dueOn"] = advice.DueOn, ["workingDays"] = days });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{id}/advice", AdviceResponse.From(advice, today));
    }

    private static async Task<Results<Ok<List<AdviceResponse>>, ProblemHttpResult>> ForCase(Guid id, GuichetDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await CaseScope.Of(user).Apply(db.Set<Case>()).AnyAsync(c => c.Id == id, ct)) return CaseResult<Case>.NotFound.ToProblem();
        var today = Today(time);
        var list = await db.Set<AdviceRequest>().AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.RequestedAt).ToListAsync(ct);
        return TypedResults.Ok(list.Select(a => AdviceResponse.From(a, today)).ToList());
    }

    /// The advice requests the user's unit is party to (admins: all).
    private static IQueryable<AdviceRequest> Visible(GuichetDb db, ClaimsPrincipal user)
    {
        var scope = CaseScope.Of(user);
        var all = db.Set<AdviceRequest>().AsNoTracking();
        return scope.All ? all : scope.UnitId is { } u ? all.Where(a => a.FromUnitId == u || a.ToUnitId == u) : all.Where(a => false);
    }

    private static async Task<Results<Ok<List<AdviceResponse>>, ProblemHttpResult>> Mine(string? direction, bool? overdue, GuichetDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (direction is not (null or "incoming" or "outgoing")) return Problems.Validation("direction", "unknown-code", "Use incoming or outgoing.");
        var unit = StaffClaims.UnitOf(user);
        var query = Visible(db, user);
        if (direction == "incoming" && unit is { } i) query = query.Where(a => a.ToUnitId == i);
        if (direction == "outgoing" && unit is { } o) query = query.Where(a => a.FromUnitId == o);
        var today = Today(time);
        if (overdue == true) query = query.Where(a => a.AnsweredAt == null && a.DueOn < today);
        var list = await query.OrderBy(a => a.DueOn).Take(500).ToListAsync(ct);
        return TypedResults.Ok(list.Select(a => AdviceResponse.From(a, today)).ToList());
    }

    private static async Task<Results<Ok<AdviceResponse>, ProblemHttpResult>> Give(Guid adviceId, GiveAdviceRequest request, GuichetDb db, EventLog eventLog, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = CaseScope.Of(user);
        // Only the unit asked gives the advice (or an admin).
        var advice = await db.Set<AdviceRequest>().FirstOrDefaultAsync(a => a.Id == adviceId && (scope.All || a.ToUnitId == scope.UnitId), ct);
        if (advice is null) return Problems.NotFound("The advice request");
        if (string.IsNullOrWhiteSpace(request.Answer)) return Problems.Validation("answer", "required", "The advice.");
        if (request.Answer.Length > AdviceRequest.MaxText) return Problems.Validation("answer", "too-long", $"At most {AdviceRequest.MaxText} characters.");
        if (!advice.IsOpen) return Problems.Conflict("advice-already-given", "This advice was already given.");
        var today = Today(time);
        advice.Give(request.Answer.Trim(), today, time.GetUtcNow(), EventLog.ActorOf(user));
        eventLog.Record(user, "case.advice-given", [new EventLogObject("case", advice.CaseId.ToString(), advice.CaseNumber), new EventLogObject("unit", advice.ToUnitId.ToString())],
            new Dictionary<string, object?> { ["advice"] = advice.Id, ["dueOn"] = advice.DueOn, ["kept"] = advice.Kept(today) });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AdviceResponse.From(advice, today));
    }

    private static async Task<Ok<List<AgreementResponse>>> Agreements(GuichetDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = Today(time);
        var rows = await Visible(db, user).Select(a => new { a.FromUnitId, a.ToUnitId, a.DueOn, a.AnsweredOn }).ToListAsync(ct);
        return TypedResults.Ok(rows.GroupBy(r => (r.FromUnitId, r.ToUnitId)).Select(g => new AgreementResponse(
            g.Key.FromUnitId, g.Key.ToUnitId, g.Count(),
            g.Count(r => r.AnsweredOn is { } a && a <= r.DueOn),
            g.Count(r => r.AnsweredOn is { } a ? a > r.DueOn : today > r.DueOn),
            g.Count(r => r.AnsweredOn is null),
            g.Count(r => r.AnsweredOn is null && today > r.DueOn))).OrderBy(a => a.FromUnitId).ThenBy(a => a.ToUnitId).ToList());
    }
}
