using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Improve.Measures.Api;

/// The measurements over HTTP (improve.read): every KPI for a filter, one KPI in detail, and each
/// figure as CSV. Unit scope applies as on the pages.
internal static class MeasuresApi
{
    private const string Filter = " Filter: ?from=&to= (dates, inclusive; the last 28 days by default; the previous period is the same number of days just before), ?service= (id), ?caseType= (code), ?unit= (id), ?channel= (counter, phone, email, letter, webForm, open311). A KPI whose objects lack a filtered dimension is returned with measured=false; a period without data gives empty figures.";

    public static WebApplication MapMeasuresApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/improve/measures").WithTags("Measurements").RequireAuthorization(Acts.ImproveRead);
        api.MapGet("", Dashboard).ProducesProblem(400).WithSummary("Every KPI over the period against the previous period (value, p90 for medians, count, change, better or worse, the link to its definition)." + Filter);
        api.MapGet("/measures.csv", DashboardCsv).ProducesProblem(400).WithSummary("The same figures as CSV." + Filter);
        api.MapGet("/{code}", Detail).ProducesProblem(400).ProducesProblem(404)
            .WithSummary("One KPI in detail: the figure, its weekly trend, its breakdown by a dimension (?breakdown=service|caseType|unit|channel) and the objects behind the number (the first 200, with links to the case, contact or complaint)." + Filter);
        api.MapGet("/{code}/{part}.csv", DetailCsv).ProducesProblem(400).ProducesProblem(404)
            .WithSummary("One KPI's weekly trend (weeks.csv), breakdown (breakdown.csv, with ?breakdown=) or objects (items.csv) as CSV." + Filter);
        return app;
    }

    private static MeasureQuery Query(DateOnly? from, DateOnly? to, Guid? service, string? caseType, Guid? unit, string? channel) => new(from, to, service, caseType, unit, channel);

    private static async Task<Results<Ok<DashboardResponse>, ProblemHttpResult>> Dashboard(DateOnly? from, DateOnly? to, Guid? service, string? caseType, Guid? unit, string? channel,
        MeasureWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = Query(from, to, service, caseType, unit, channel);
        var result = await work.DashboardAsync(user, query, ct);
        return result.Value is { } figures ? TypedResults.Ok(MeasureExport.Dashboard(work.Filter(user, query).Value!, figures)) : result.ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DashboardCsv(DateOnly? from, DateOnly? to, Guid? service, string? caseType, Guid? unit, string? channel,
        MeasureWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.DashboardAsync(user, Query(from, to, service, caseType, unit, channel), ct);
        return result.Value is { } figures ? File(MeasureExport.DashboardCsv(figures)) : result.ToProblem();
    }

    private static async Task<Results<Ok<DetailResponse>, ProblemHttpResult>> Detail(string code, DateOnly? from, DateOnly? to, Guid? service, string? caseType, Guid? unit, string? channel,
        string? breakdown, MeasureWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = Query(from, to, service, caseType, unit, channel);
        var result = await work.DetailAsync(user, code, query, breakdown, ct);
        if (result.Value is not { } d) return result.ToProblem();
        return TypedResults.Ok(MeasureExport.Detail(work.Filter(user, query).Value!, d, await work.NamesAsync(ct)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DetailCsv(string code, string part, DateOnly? from, DateOnly? to, Guid? service, string? caseType, Guid? unit,
        string? channel, string? breakdown, MeasureWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!MeasureExport.Parts.Contains(part)) return Problems.NotFound("The export");
        if (part == "breakdown" && string.IsNullOrEmpty(breakdown)) return Result<object>.Invalid("breakdown", "required", "service, caseType, unit or channel.").ToProblem();
        var result = await work.DetailAsync(user, code, Query(from, to, service, caseType, unit, channel), breakdown, ct);
        return result.Value is { } d ? File(MeasureExport.DetailCsv(code, part, d, await work.NamesAsync(ct))) : result.ToProblem();
    }

    private static FileContentHttpResult File(MeasureFile file) => TypedResults.File(file.Content, file.MediaType, file.Name);
}
