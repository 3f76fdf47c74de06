using Guichet.Deliver.Documents.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Improve.Mining.Api;

internal sealed record AnalysisSpaceResponse(Guid Id, string Name, string Format, int Events, int Cases, int Activities, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static AnalysisSpaceResponse From(AnalysisSpace s) => new(s.Id, s.Name, s.Format, s.Events, s.Cases, s.Activities, s.CreatedBy, s.CreatedAt);
}

internal static class MiningApi
{
    /// A log file of at most this size (a BPI Challenge 2012 XES is about 70 MB).
    public const long MaxFileBytes = 200L * 1024 * 1024;

    public static WebApplication MapMiningApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/improve/mining").WithTags("Process mining").RequireAuthorization(Acts.ImproveRead);
        const string filters = " ?variants= keeps the most frequent variants covering that share of the cases (1-100, default 100); ?edges= drops the edges rarer than that share of the most frequent one (0-100, default 0).";
        api.MapGet("/case-types", CaseTypes).WithSummary("The case types the journal can be mined for, with their service.");
        api.MapGet("/live", Live).ProducesProblem(400)
            .WithSummary("The directly-follows graph (frequency, median and p90 time per edge, start and end edges), the variants with their coverage, bottlenecks, hand-overs between units and rework of the cases of a case type (?caseType=) or a service (?service=) received in a period (?from=&to=, dates, inclusive; the last twelve months by default), within the caller's unit scope." + filters);
        api.MapGet("/live/export", ExportLive).ProducesProblem(400)
            .WithSummary("The same selection as an XES (?format=xes, IEEE 1849-2016) or OCEL 2.0 JSON (?format=ocel) file; customers are the journal's pseudonyms. Recorded in the journal.");
        api.MapGet("/spaces", Spaces).WithSummary("The analysis spaces (imported logs), newest first.");
        api.MapPost("/spaces", Import).RequireAuthorization(Acts.AnalysisSpaceManage).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(422)
            .WithSummary("Imports a log into a new analysis space: multipart fields 'file', 'name', 'format' (xes, csv, ocel); for csv 'caseColumn', 'activityColumn', 'timestampColumn' (XES names by default), 'resourceColumn', 'groupColumn'; for ocel 'objectType' (the object type that is the case). A bad file is refused with a code (422 mining-log-malformed, mining-log-not-xes, mining-log-timestamp-missing, mining-log-not-ocel, ...) and nothing is stored.");
        api.MapGet("/spaces/{id:guid}", Space).ProducesProblem(400).ProducesProblem(404).WithSummary("The same views on an analysis space." + filters);
        api.MapGet("/spaces/{id:guid}/export", ExportSpace).ProducesProblem(400).ProducesProblem(404).WithSummary("An analysis space as XES (?format=xes) or OCEL 2.0 JSON (?format=ocel).");
        api.MapDelete("/spaces/{id:guid}", Delete).RequireAuthorization(Acts.AnalysisSpaceManage).ProducesProblem(404).WithSummary("Deletes an analysis space and its events.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<MinableCaseType>>> CaseTypes(MiningWork work, CancellationToken ct) => TypedResults.Ok(await work.CaseTypesAsync(ct));

    private static async Task<Results<Ok<ProcessMap>, ProblemHttpResult>> Live(string? caseType, Guid? service, DateOnly? from, DateOnly? to, double? variants, double? edges,
        MiningWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Reply(await work.LiveAsync(user, new LiveQuery(caseType, service, from, to), new PathFilter(variants ?? 100, edges ?? 0), ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportLive(string? caseType, Guid? service, DateOnly? from, DateOnly? to, string? format,
        MiningWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Download(await work.ExportLiveAsync(user, new LiveQuery(caseType, service, from, to), format, ct));

    private static async Task<Ok<List<AnalysisSpaceResponse>>> Spaces(MiningWork work, CancellationToken ct) =>
        TypedResults.Ok((await work.SpacesAsync(ct)).ConvertAll(AnalysisSpaceResponse.From));

    private static async Task<Results<Created<AnalysisSpaceResponse>, ProblemHttpResult>> Import(HttpRequest request, MiningWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var (file, form, problem) = await DocumentsApi.ReadFileAsync(request, MaxFileBytes, ct);
        if (problem is not null) return problem;
        await using var stream = file!.OpenReadStream();
        var result = await work.ImportAsync(user, ImportOf(form!, stream), ct);
        return result.Value is { } s ? TypedResults.Created($"/api/v1/improve/mining/spaces/{s.Id}", AnalysisSpaceResponse.From(s)) : result.ToProblem();
    }

    /// The import's fields, the same from the API's form and the page's.
    public static ImportRequest ImportOf(IFormCollection form, Stream? file)
    {
        string? Field(string name) => form[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        var defaults = new CsvMapping();
        var columns = new CsvMapping(Field("caseColumn") ?? defaults.Case, Field("activityColumn") ?? defaults.Activity, Field("timestampColumn") ?? defaults.Timestamp,
            Field("resourceColumn") ?? defaults.Resource, Field("groupColumn") ?? defaults.Group, defaults.Lifecycle);
        return new ImportRequest(Field("name"), Field("format"), file, columns, Field("objectType"));
    }

    private static async Task<Results<Ok<ProcessMap>, ProblemHttpResult>> Space(Guid id, double? variants, double? edges, MiningWork work, CancellationToken ct) =>
        Reply(await work.SpaceAsync(id, new PathFilter(variants ?? 100, edges ?? 0), ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportSpace(Guid id, string? format, MiningWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Download(await work.ExportSpaceAsync(user, id, format, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, MiningWork work, ClaimsPrincipal user, CancellationToken ct) =>
        (await work.DeleteAsync(user, id, ct)).Value is not null ? TypedResults.NoContent() : Problems.NotFound("The analysis space");

    private static Results<Ok<ProcessMap>, ProblemHttpResult> Reply(Result<ProcessMap> result) =>
        result.Value is { } map ? TypedResults.Ok(map) : result.ToProblem();

    private static Results<FileContentHttpResult, ProblemHttpResult> Download(Result<LogFile> result) =>
        result.Value is { } f ? TypedResults.File(f.Content, f.MediaType, f.FileName) : result.ToProblem();
}
