using Guichet.Deliver.Cases.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Deliver.Advice.Api;

internal sealed record AdviceResponse(Guid Id, Guid CaseId, string CaseNumber, Guid FromUnitId, Guid ToUnitId, string Question, DateOnly RequestedOn, DateOnly DueOn,
    string? Answer, DateOnly? AnsweredOn, bool Overdue, bool? Kept)
{
    public static AdviceResponse From(AdviceRequest a, DateOnly today) =>
        new(a.Id, a.CaseId, a.CaseNumber, a.FromUnitId, a.ToUnitId, a.Question, a.RequestedOn, a.DueOn, a.Answer, a.AnsweredOn, a.IsOverdue(today), a.Kept(today));
}

internal static class AdviceApi
{
    public static WebApplication MapAdviceApi(this WebApplication app)
    {
        var cases = app.MapGroup("/api/v1/cases/{id:guid}/advice").WithTags("Advice between units").RequireAuthorization(Acts.CaseRead);
        cases.MapPost("", Ask).RequireAuthorization(Acts.CaseHandle).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Asks another unit for advice on a case; it is due within the working days agreed for that pair of units (configuration Deliver:Advice).");
        cases.MapGet("", ForCase).ProducesProblem(404).WithSummary("The advice requests of a case.");
        var advice = app.MapGroup("/api/v1/advice").WithTags("Advice between units").RequireAuthorization(Acts.CaseRead);
        advice.MapGet("", Mine).WithSummary("Advice requests to the caller's unit (incoming) and from it (outgoing); ?overdue=true for the late ones - both units see them.");
        advice.MapPost("/{adviceId:guid}/answer", Give).RequireAuthorization(Acts.AdviceGive).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).WithSummary("Gives the asked unit's advice.");
        advice.MapGet("/agreements", Agreements).WithSummary("Per pair of units: requests, kept, broken (late or overdue), open; units the caller belongs to (admins: all).");
        return app;
    }

    private static DateOnly Today(TimeProvider time) => BrusselsTime.LocalDate(time.GetUtcNow());

    private static async Task<Results<Created<AdviceResponse>, ProblemHttpResult>> Ask(Guid id, AskAdviceRequest request, AdviceWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.AskAsync(user, id, request, ct);
        return result.Value is { } advice ? TypedResults.Created($"/api/v1/cases/{id}/advice", AdviceResponse.From(advice, work.Today)) : result.ToProblem();
    }

    private static Task<Results<Ok<List<AdviceResponse>>, ProblemHttpResult>> ForCase(Guid id, GuichetDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = Today(time);
        return CasesApi.PartsAsync(db, user, id, (IEnumerable<AdviceRequest> advice) => advice.OrderBy(a => a.RequestedAt).Select(a => AdviceResponse.From(a, today)), ct);
    }

    private static async Task<Results<Ok<List<AdviceResponse>>, ProblemHttpResult>> Mine(string? direction, bool? overdue, AdviceWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        if (direction is not (null or "incoming" or "outgoing")) return Problems.Validation("direction", "unknown-code", "Use incoming or outgoing.");
        var unit = StaffClaims.UnitOf(user);
        var query = work.Visible(user);
        if (direction == "incoming" && unit is { } i) query = query.Where(a => a.ToUnitId == i);
        if (direction == "outgoing" && unit is { } o) query = query.Where(a => a.FromUnitId == o);
        var today = work.Today;
        if (overdue == true) query = query.Where(a => a.AnsweredAt == null && a.DueOn < today);
        var list = await query.OrderBy(a => a.DueOn).Take(500).ToListAsync(ct);
        return TypedResults.Ok(list.Select(a => AdviceResponse.From(a, today)).ToList());
    }

    private static async Task<Results<Ok<AdviceResponse>, ProblemHttpResult>> Give(Guid adviceId, GiveAdviceRequest request, AdviceWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.GiveAsync(user, adviceId, request, ct);
        return result.Value is { } advice ? TypedResults.Ok(AdviceResponse.From(advice, work.Today)) : result.ToProblem();
    }

    private static async Task<Ok<List<AgreementResponse>>> Agreements(AdviceWork work, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await work.AgreementsAsync(user, ct));
}
