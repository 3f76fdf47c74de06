namespace Guichet.Orient.Catalogue;

// What editors and integrators send: the shape of demo-catalogue.json, with ids instead of slugs
// for references. Every field is optional at the JSON level so that a missing one is reported
// with the others as an invalid parameter, instead of failing the whole body.

internal sealed record OrganisationRequest(
    string? Slug,
    OrganisationKind? Kind,
    string? PrimaryLanguage,
    bool External,
    LocalizedText? Name,
    LocalizedText? Description,
    string? Homepage)
{
    public OrganisationContent ToContent(List<InvalidParam> errors)
    {
        RequiredEnum(errors, "kind", Kind);
        return new OrganisationContent(Slug ?? "", Kind ?? OrganisationKind.Other, PrimaryLanguage ?? "", External, Name ?? new LocalizedText(), Description, Homepage);
    }

    public static OrganisationRequest From(Organisation o) =>
        new(o.Slug, o.Kind, o.PrimaryLanguage, o.External, o.Name, o.Description, o.Homepage);

    internal static void RequiredEnum<TEnum>(List<InvalidParam> errors, string field, TEnum? value) where TEnum : struct, Enum
    {
        if (value is null) errors.Add(new(field, "required", "A value is required."));
        else if (!Enum.IsDefined(value.Value)) errors.Add(new(field, "unknown-code", "Not one of the allowed values."));
    }
}

internal sealed record UnitRequest(string? Slug, Guid? ParentId, LocalizedText? Name)
{
    public UnitContent ToContent() => new(Slug ?? "", ParentId, Name ?? new LocalizedText());

    public static UnitRequest From(Unit u) => new(u.Slug, u.ParentId, u.Name);
}

internal sealed record ChannelRequest(
    string? Slug,
    ChannelKind? Kind,
    Guid? UnitId,
    LocalizedText? Name,
    PostalAddress? Address,
    double? Latitude,
    double? Longitude,
    string? Phone,
    string? Email,
    string? Url,
    OpeningHours? OpeningHours)
{
    public ChannelContent ToContent(List<InvalidParam> errors)
    {
        OrganisationRequest.RequiredEnum(errors, "kind", Kind);
        // Without a kind, no kind is assumed: the rules then ask for no kind-specific field
        // (address, phone, ...), and the content is never stored since "kind" is reported.
        return new ChannelContent(Slug ?? "", Kind ?? (ChannelKind)(-1), UnitId, Name ?? new LocalizedText(), Address,
            Latitude, Longitude, Phone, Email, Url, OpeningHours);
    }

    public static ChannelRequest From(Channel c) =>
        new(c.Slug, c.Kind, c.UnitId, c.Name, c.Address, c.Latitude, c.Longitude, c.Phone, c.Email, c.Url, c.OpeningHours);
}

internal sealed record ServiceRequest
{
    public string? Slug { get; init; }
    public Guid? UnitId { get; init; }
    public LocalizedText? Name { get; init; }
    public LocalizedText? Description { get; init; }
    public LocalizedKeywords? Keywords { get; init; }
    public IReadOnlyList<Audience>? Audiences { get; init; }
    public IReadOnlyList<string?>? Themes { get; init; }
    public IReadOnlyList<string?>? LifeEvents { get; init; }
    public IReadOnlyList<string?>? BusinessEvents { get; init; }
    public LocalizedText? Cost { get; init; }
    public IReadOnlyList<LocalizedText>? Evidence { get; init; }
    public LocalizedText? Output { get; init; }
    public IReadOnlyList<LegalResource>? LegalResources { get; init; }
    public ProcessingTime? ProcessingTime { get; init; }
    public LocalizedText? AppealSummary { get; init; }
    public IReadOnlyList<Guid>? ChannelIds { get; init; }

    public ServiceContent ToContent(List<InvalidParam> errors)
    {
        var audiences = Audiences ?? [];
        for (var i = 0; i < audiences.Count; i++)
            if (!Enum.IsDefined(audiences[i])) errors.Add(new($"audiences[{i}]", "unknown-code", "Use citizens or companies."));
        if (ProcessingTime is { } pt && !Enum.IsDefined(pt.Unit))
            errors.Add(new("processingTime.unit", "unknown-code", "Use calendar or working."));
        // JSON may still hold nulls inside lists: they become values the rules refuse, so that
        // each is reported at its index.
        return new ServiceContent
        {
            Slug = Slug ?? "",
            UnitId = UnitId,
            Name = Name ?? new LocalizedText(),
            Description = Description ?? new LocalizedText(),
            Keywords = Keywords ?? new LocalizedKeywords(),
            Audiences = audiences.Distinct().ToList(),
            Themes = [.. (Themes ?? []).Select(c => c ?? "")],
            LifeEvents = [.. (LifeEvents ?? []).Select(c => c ?? "")],
            BusinessEvents = [.. (BusinessEvents ?? []).Select(c => c ?? "")],
            Cost = Cost,
            Evidence = [.. (Evidence ?? []).Select(e => e ?? new LocalizedText())],
            Output = Output,
            LegalResources = [.. (LegalResources ?? []).Select(r => r ?? new LegalResource(new LocalizedText(), ""))],
            ProcessingTime = ProcessingTime,
            AppealSummary = AppealSummary,
            ChannelIds = ChannelIds ?? [],
        };
    }

    public static ServiceRequest From(ServiceContent c) => new()
    {
        Slug = c.Slug,
        UnitId = c.UnitId,
        Name = c.Name,
        Description = c.Description,
        Keywords = c.Keywords,
        Audiences = c.Audiences,
        Themes = c.Themes,
        LifeEvents = c.LifeEvents,
        BusinessEvents = c.BusinessEvents,
        Cost = c.Cost,
        Evidence = c.Evidence,
        Output = c.Output,
        LegalResources = c.LegalResources,
        ProcessingTime = c.ProcessingTime,
        AppealSummary = c.AppealSummary,
        ChannelIds = c.ChannelIds,
    };
}
