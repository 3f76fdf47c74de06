using Guichet.Orient.Catalogue;

namespace Guichet.Deliver.CaseTypes;

/// The body of POST and PUT: a service and the whole content. Optional in the type so that
/// anything missing is reported by name.
internal sealed record CaseTypeRequest(string? Code, Guid? ServiceId, CaseTypeContent? Content);

/// Creating a case type and changing it, each change a new version (running cases keep theirs);
/// each with its journal entry in one SaveChanges.
internal sealed class CaseTypeWork(GuichetDb db, CatalogueDirectory catalogue, EventLog eventLog, TimeProvider time)
{
    private static readonly Result<CaseType> CodeTaken = Result<CaseType>.Conflict("code-taken", "Another case type has this code.");

    public async Task<Result<CaseType>> CreateAsync(ClaimsPrincipal user, CaseTypeRequest request, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        if (!CaseTypeRules.IsCode(request.Code)) errors.Add(new("code", "invalid-code", "Lower-case letters, digits and hyphens, at most 50."));
        var (service, language) = await ValidateAsync(request, errors, ct);
        if (errors.Count > 0) return Result<CaseType>.Invalid(errors);
        if (await db.Set<CaseType>().AnyAsync(t => t.Code == request.Code, ct)) return CodeTaken;
        var type = new CaseType(Guid.NewGuid(), request.Code!, 1, service!.Value, request.Content!, time.GetUtcNow());
        db.Add(type);
        eventLog.Record(user, DeliverActivities.CaseTypeCreated, [new EventLogObject("case-type", type.Id.ToString(), Role.Subject)], new Dictionary<string, object?> { ["code"] = type.Code, ["version"] = 1, ["language"] = language });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return CodeTaken;
        }
        return type;
    }

    public async Task<Result<CaseType>> ChangeAsync(ClaimsPrincipal user, string code, CaseTypeRequest request, CancellationToken ct)
    {
        var current = await db.Set<CaseType>().FirstOrDefaultAsync(t => t.Code == code && t.IsCurrent, ct);
        if (current is null) return Result<CaseType>.NotFound("The case type");
        var errors = new List<InvalidParam>();
        if (request.Code is not null && request.Code != code) errors.Add(new("code", "immutable", "The code of a case type does not change."));
        var (service, _) = await ValidateAsync(request with { ServiceId = request.ServiceId ?? current.ServiceId }, errors, ct);
        if (errors.Count > 0) return Result<CaseType>.Invalid(errors);
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
            return Result<CaseType>.Conflict("version-taken", "Someone changed this case type at the same moment; read it again and retry.");
        }
        return next;
    }

    /// The service exists, and the content obeys the rules in the primary language of the
    /// organisation that provides it; its units belong to that organisation.
    private async Task<(Guid? Service, string Language)> ValidateAsync(CaseTypeRequest request, List<InvalidParam> errors, CancellationToken ct)
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
