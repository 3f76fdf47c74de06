using System.Security.Claims;
using Guichet.Deliver.Clock;
using Guichet.Orient.Catalogue;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Deliver.CaseTypes.Api;

internal sealed record CaseTypeResponse(Guid Id, string Code, int Version, bool IsCurrent, Guid ServiceId, CaseTypeContent Content, DateTimeOffset CreatedAt)
{
    public static CaseTypeResponse From(CaseType t) => new(t.Id, t.Code, t.Version, t.IsCurrent, t.ServiceId, t.Content, t.CreatedAt);
}

/// The body of POST and PUT: a service and the whole content. Optional in the type so that
/// anything missing is reported by name.
internal sealed record CaseTypeRequest(string? Code, Guid? ServiceId, CaseTypeContent? Content);

/// Case types over HTTP: everyone who works on cases reads them; admins create them and change
/// them, each change a new version (running cases keep theirs).
internal static class CaseTypesApi
{
    public static WebApplication MapCaseTypesApi(this WebApplication app)
    {
        var read = app.MapGroup("/api/v1/case-types").WithTags("Case types").RequireAuthorization(DeliverModule.CaseWorkPolicy);
        read.MapGet("", List).WithSummary("The current version of every case type.");
        read.MapGet("/{code}", Get).ProducesProblem(404).WithSummary("The current version of a case type.");
        read.MapGet("/{code}/versions", Versions).ProducesProblem(404).WithSummary("Every version of a case type, newest first.");
        var admin = app.MapGroup("/api/v1/case-types").WithTags("Case types").RequireAuthorization(Policies.Admin);
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

    private static async Task<Results<Created<CaseTypeResponse>, ProblemHttpResult>> Create(CaseTypeRequest request, GuichetDb db, CatalogueDirectory catalogue, EventLog eventLog, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        if (!CaseTypeRules.IsCode(request.Code)) errors.Add(new("code", "invalid-code", "Lower-case letters, digits and hyphens, at most 50."));
        var (service, language) = await ValidateAsync(request, catalogue, errors, ct);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await db.Set<CaseType>().AnyAsync(t => t.Code == request.Code, ct)) return Problems.Conflict("code-taken", "Another case type has this code.");
        var type = new CaseType(Guid.NewGuid(), request.Code!, 1, service!.Value, request.Content!, time.GetUtcNow());
        db.Add(type);
        eventLog.Record(user, DeliverActivities.CaseTypeCreated, [new EventLogObject("case-type", type.Id.ToString(), Role.Subject)], new Dictionary<string, object?> { ["code"] = type.Code, ["version"] = 1, ["language"] = language });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Problems.Conflict("code-taken", "Another case type has this code.");
        }
        return TypedResults.Created($"/api/v1/case-types/{type.Code}", CaseTypeResponse.From(type));
    }

    private static async Task<Results<Ok<CaseTypeResponse>, ProblemHttpResult>> Change(string code, CaseTypeRequest request, GuichetDb db, CatalogueDirectory catalogue, EventLog eventLog, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var current = await db.Set<CaseType>().FirstOrDefaultAsync(t => t.Code == code && t.IsCurrent, ct);
        if (current is null) return Problems.NotFound("The case type");
        var errors = new List<InvalidParam>();
        if (request.Code is not null && request.Code != code) errors.Add(new("code", "immutable", "The code of a case type does not change."));
        var (service, _) = await ValidateAsync(request with { ServiceId = request.ServiceId ?? current.ServiceId }, catalogue, errors, ct);
        if (errors.Count > 0) return Problems.Validation(errors);
        current.Supersede();
        var next = new CaseType(Guid.NewGuid(), code, current.Version + 1, service!.Value, request.Content!, time.GetUtcNow());
        db.Add(next);
        eventLog.Record(user, DeliverActivities.CaseTypeChanged, [new EventLogObject("case-type", next.Id.ToString(), Role.Subject), new EventLogObject("case-type", current.Id.ToString(), Role.PreviousVersion)],
            new Dictionary<string, object?> { ["code"] = code, ["version"] = next.Version });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Problems.Conflict("version-taken", "Someone changed this case type at the same moment; read it again and retry.");
        }
        return TypedResults.Ok(CaseTypeResponse.From(next));
    }

    /// The service exists, and the content obeys the rules in the primary language of the
    /// organisation that provides it; its units belong to that organisation.
    private static async Task<(Guid? Service, string Language)> ValidateAsync(CaseTypeRequest request, CatalogueDirectory catalogue, List<InvalidParam> errors, CancellationToken ct)
    {
        if (request.Content is null) errors.Add(new("content", "required", "The case type's content."));
        if (request.ServiceId is not { } serviceId)
        {
            errors.Add(new("serviceId", "required", "The catalogue service these cases are requests for."));
            return (null, "fr");
        }
        var provider = await catalogue.ProviderOfAsync(serviceId, ct);
        if (provider is null)
        {
            errors.Add(new("serviceId", "unknown-id", "No service of the catalogue has this id."));
            return (null, "fr");
        }
        if (request.Content is { } content)
        {
            errors.AddRange(CaseTypeRules.Validate(content, provider.PrimaryLanguage));
            var units = (await catalogue.UnitsOfAsync(provider.OrganisationId, ct)).Select(u => u.Id).ToList();
            for (var i = 0; i < content.UnitIds.Count; i++)
                if (!units.Contains(content.UnitIds[i])) errors.Add(new($"content.unitIds[{i}]", "unknown-id", "Not a unit of the service's organisation."));
        }
        return (serviceId, provider.PrimaryLanguage);
    }
}
