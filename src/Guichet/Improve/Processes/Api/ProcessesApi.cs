using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Improve.Processes.Api;

internal sealed record ProcessResponse(Guid Id, Guid ServiceId, int Version, bool IsCurrent, ProcessContent Content, DateTimeOffset CreatedAt, string CreatedBy)
{
    public static ProcessResponse From(DeclaredProcess p) => new(p.Id, p.ServiceId, p.Version, p.IsCurrent, p.Content, p.CreatedAt, p.CreatedBy);
}

internal sealed record InventoryLineResponse(Guid ServiceId, string Slug, string Service, bool Published, string? ProviderUnit, IReadOnlyList<string> Channels,
    IReadOnlyList<LegalResource> LegalBasis, IReadOnlyList<ServiceCaseType> CaseTypes, ProcessResponse? Process, string? OwnerUnit)
{
    public static InventoryLineResponse From(InventoryLine l) => new(l.ServiceId, l.Slug, l.Service, l.Published, l.ProviderUnit, l.Channels, l.LegalBasis, l.CaseTypes,
        l.Process is null ? null : ProcessResponse.From(l.Process), l.OwnerUnit);
}

internal sealed record InventoryResponse(Guid Id, string Name, IReadOnlyList<InventoryLineResponse> Services);

internal sealed record ProcessViewResponse(InventoryLineResponse Service, IReadOnlyList<ProcessResponse> Versions);

/// The process inventory over HTTP: read by managers, quality staff and admins; a new version
/// declared by the same (process.declare).
internal static class ProcessesApi
{
    public static WebApplication MapProcessesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/improve/processes").WithTags("Process inventory").RequireAuthorization(Acts.ImproveRead);
        api.MapGet("", Inventory).WithSummary("The inventory: per organisation, every service with its channels, legal basis, case types (statutory time) and current declared process.");
        api.MapGet("/inventory.csv", Csv).WithSummary("The same inventory as CSV, one row per step of each declared process.");
        api.MapGet("/{serviceId:guid}", Get).ProducesProblem(404).WithSummary("A service's inventory line and every version of its declared process, newest first.");
        api.MapPut("/{serviceId:guid}", Declare).RequireAuthorization(Acts.ProcessDeclare).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Declares a new version of the service's process: ownerUnitId, caseType (optional: the case type whose cases follow it), steps [{activity, unitId, normDays (working days), optional}], note. The same content as the current version changes nothing. Refused with codes (unknown-activity, not-a-process-activity, duplicate, unknown-unit, unit-not-allowed, unknown-case-type, out-of-range) and nothing stored.");
        api.MapGet("/{serviceId:guid}/bpmn", Bpmn).ProducesProblem(404).WithSummary("The current declared process as BPMN 2.0 XML with its diagram (opens in a BPMN modeler).");
        api.MapGet("/{serviceId:guid}/conformance", Check).ProducesProblem(400).ProducesProblem(404)
            .WithSummary("The cases received in the period (?from=&to=, the last twelve months by default) within the caller's units, checked against the current declared process: the share that fits, per step the cases that skipped, repeated or did it out of order and its time against its norm, and the cases (deviating first, ?limit= at most 1000, default 100).");
        return app;
    }

    private static async Task<Ok<List<InventoryResponse>>> Inventory(ProcessWork work, CancellationToken ct) =>
        TypedResults.Ok(InventoryOf(await work.InventoryAsync(ct)));

    public static List<InventoryResponse> InventoryOf(IEnumerable<InventoryOrganisation> inventory) =>
        inventory.Select(o => new InventoryResponse(o.Id, o.Name, [.. o.Services.Select(InventoryLineResponse.From)])).ToList();

    private static async Task<FileContentHttpResult> Csv(ProcessWork work, CancellationToken ct) =>
        TypedResults.File(await work.CsvAsync(ct), "text/csv; charset=utf-8", "process-inventory.csv");

    private static async Task<Results<Ok<ProcessViewResponse>, ProblemHttpResult>> Get(Guid serviceId, ProcessWork work, CancellationToken ct) =>
        await work.ViewAsync(serviceId, ct) is { } view
            ? TypedResults.Ok(new ProcessViewResponse(InventoryLineResponse.From(view.Line), [.. view.Versions.Select(ProcessResponse.From)]))
            : Problems.NotFound("The service");

    private static async Task<Results<Ok<ProcessResponse>, ProblemHttpResult>> Declare(Guid serviceId, ProcessRequest request, ProcessWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.DeclareAsync(user, serviceId, request, ct);
        return result.Value is { } p ? TypedResults.Ok(ProcessResponse.From(p)) : result.ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Bpmn(Guid serviceId, ProcessWork work, CancellationToken ct)
    {
        var result = await work.BpmnAsync(serviceId, ct);
        return result.Value is { } xml ? TypedResults.File(xml, "application/xml", $"process-{serviceId:N}.bpmn") : result.ToProblem();
    }

    private static async Task<Results<Ok<ConformanceReport>, ProblemHttpResult>> Check(Guid serviceId, DateOnly? from, DateOnly? to, int? limit, ProcessWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.ConformanceAsync(user, serviceId, from, to, limit, ct);
        return result.Value is { } r ? TypedResults.Ok(r) : result.ToProblem();
    }
}
