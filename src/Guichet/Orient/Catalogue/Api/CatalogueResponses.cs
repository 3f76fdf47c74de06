namespace Guichet.Orient.Catalogue.Api;

internal sealed record OrganisationResponse(
    Guid Id, string Slug, OrganisationKind Kind, string PrimaryLanguage, bool External,
    LocalizedText Name, LocalizedText Description, string? Homepage, DateTimeOffset UpdatedAt)
{
    public static OrganisationResponse From(Organisation o) =>
        new(o.Id, o.Slug, o.Kind, o.PrimaryLanguage, o.External, o.Name, o.Description, o.Homepage, o.UpdatedAt);
}

/// A unit with its place in the tree: depth 0 for a top-level unit.
internal sealed record UnitResponse(Guid Id, Guid OrganisationId, Guid? ParentId, int Depth, string Slug, LocalizedText Name, DateTimeOffset UpdatedAt)
{
    public static UnitResponse From(Unit u, int depth) => new(u.Id, u.OrganisationId, u.ParentId, depth, u.Slug, u.Name, u.UpdatedAt);
}

internal sealed record ChannelResponse(
    Guid Id, Guid OrganisationId, Guid? UnitId, string Slug, ChannelKind Kind, LocalizedText Name, PostalAddress? Address,
    double? Latitude, double? Longitude, string? Phone, string? Email, string? Url, OpeningHours? OpeningHours, DateTimeOffset UpdatedAt)
{
    public static ChannelResponse From(Channel c) =>
        new(c.Id, c.OrganisationId, c.UnitId, c.Slug, c.Kind, c.Name, c.Address, c.Latitude, c.Longitude, c.Phone, c.Email, c.Url, c.OpeningHours, c.UpdatedAt);
}

/// The opening hours as written, and what they mean from now on: open or closed now, and the
/// slots of the next days (local Belgian dates and times; instants in UTC).
internal sealed record OpeningHoursResponse(Guid ChannelId, OpeningHours? OpeningHours, OpenNowResponse? Now, IReadOnlyList<OpeningDayResponse> Days);

internal sealed record OpenNowResponse(bool IsOpen, DateTimeOffset? ClosesAt, DateTimeOffset? NextOpening);

internal sealed record OpeningDayResponse(DateOnly Date, string DayOfWeek, LocalizedText? DayOff, IReadOnlyList<OpeningSlotResponse> Slots);

internal sealed record OpeningSlotResponse(string Opens, string Closes, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, LocalizedText? Reason);

/// A service as editors see it, draft or published: the request shape plus status and dates, so
/// that what GET returns can be changed and sent back with PUT.
internal sealed record EditorServiceResponse(
    Guid Id, Guid OrganisationId, ServiceStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt,
    string Slug, Guid? UnitId, LocalizedText Name, LocalizedText Description, LocalizedKeywords Keywords,
    IReadOnlyList<Audience> Audiences, IReadOnlyList<string> Themes, IReadOnlyList<string> LifeEvents, IReadOnlyList<string> BusinessEvents,
    LocalizedText? Cost, IReadOnlyList<LocalizedText> Evidence, LocalizedText? Output, IReadOnlyList<LegalResource> LegalResources,
    ProcessingTime? ProcessingTime, LocalizedText? AppealSummary, IReadOnlyList<Guid> ChannelIds)
{
    public static EditorServiceResponse From(PublicService s)
    {
        var c = s.Content;
        return new(s.Id, s.OrganisationId, s.Status, s.CreatedAt, s.UpdatedAt, s.PublishedAt,
            c.Slug, c.UnitId, c.Name, c.Description, c.Keywords, c.Audiences, c.Themes, c.LifeEvents, c.BusinessEvents,
            c.Cost, c.Evidence, c.Output, c.LegalResources, c.ProcessingTime, c.AppealSummary, c.ChannelIds);
    }
}

internal sealed record EditorServiceSummary(
    Guid Id, Guid OrganisationId, Guid? UnitId, string Slug, ServiceStatus Status, LocalizedText Name, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt)
{
    public static EditorServiceSummary From(PublicService s) =>
        new(s.Id, s.OrganisationId, s.UnitId, s.Slug, s.Status, s.Content.Name, s.UpdatedAt, s.PublishedAt);
}
