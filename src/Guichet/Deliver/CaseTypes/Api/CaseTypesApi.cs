using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Deliver.CaseTypes.Api;

internal sealed record CaseTypeResponse(Guid Id, string Code, int Version, bool IsCurrent, Guid ServiceId, CaseTypeContent Content, DateTimeOffset CreatedAt)
{
    public static CaseTypeResponse From(CaseType t) => new(t.Id, t.Code, t.Version, t.IsCurrent, t.ServiceId, t.Content, t.CreatedAt);
}

/// Case types over HTTP: everyone who works on cases reads them; admins create them and change
/// them, each change a new version (running cases keep theirs).
internal static class CaseTypesApi
{
    public static WebApplication MapCaseTypesApi(this WebApplication app)
    {
        var read = app.MapGroup("/api/v1/case-types").WithTags("Case types").RequireAuthorization(Acts.CaseRead);
        read.MapGet("", List).WithSummary("The current version of every case type.");
        read.MapGet("/{code}", Get).ProducesProblem(404).WithSummary("The current version of a case type.");
        read.MapGet("/{code}/versions", Versions).ProducesProblem(404).WithSummary("Every version of a case type, newest first.");
        var admin = app.MapGroup("/api/v1/case-types").WithTags("Case types").RequireAuthorization(Acts.CaseTypeManage);
        admin.MapPost("", Create).ProducesProblem(400).ProducesProblem(409).WithSummary("Creates a case type (admins), version 1.");
        admin.MapPut("/{code}", Change).ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Makes a new version of a case type (admins); cases already opened keep the version they started under.");
        return app;
    }

    private static async Task<Ok<List<CaseTypeResponse>>> List(GuichetDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent).OrderBy(t => t.Code).ToListAsync(ct)).Select(CaseTypeResponse.From).ToList());

    private static async Task<Results<Ok<CaseTypeResponse>, ProblemHttpResult>> Get(string code, GuichetDb db, CancellationToken ct) =>
        await db.Set<CaseType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == code && t.IsCurrent, ct) is { } t
            ? TypedResults.Ok(CaseTypeResponse.From(t)) : Problems.NotFound("The case type");

    private static async Task<Results<Ok<List<CaseTypeResponse>>, ProblemHttpResult>> Versions(string code, GuichetDb db, CancellationToken ct)
    {
        var all = await db.Set<CaseType>().AsNoTracking().Where(t => t.Code == code).OrderByDescending(t => t.Version).ToListAsync(ct);
        return all.Count == 0 ? Problems.NotFound("The case type") : TypedResults.Ok(all.Select(CaseTypeResponse.From).ToList());
    }

    private static async Task<Results<Created<CaseTypeResponse>, ProblemHttpResult>> Create(CaseTypeRequest request, CaseTypeWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.CreateAsync(user, request, ct);
        return result.Value is { } type ? TypedResults.Created($"/api/v1/case-types/{type.Code}", CaseTypeResponse.From(type)) : result.ToProblem();
    }

    private static async Task<Results<Ok<CaseTypeResponse>, ProblemHttpResult>> Change(string code, CaseTypeRequest request, CaseTypeWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.ChangeAsync(user, code, request, ct);
        return result.Value is { } next ? TypedResults.Ok(CaseTypeResponse.From(next)) : result.ToProblem();
    }
}
