using Guichet.Platform.Localization;

namespace Guichet.Orient.Catalogue;

internal enum OrganisationKind { Municipality, Federal, Regional, Community, Other }

/// A public organisation. An external one is another body: its services are listed only as
/// referrals, so that a search never dead-ends ("not ours, but here is who").
internal sealed class Organisation : Guichet.Platform.EventLog.IJournaled
{
    public Guid Id { get; private set; }
    public string Slug { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    public string PrimaryLanguage { get; private set; } = "fr";
    public bool External { get; private set; }
    public LocalizedText Name { get; private set; } = new();
    public LocalizedText Description { get; private set; } = new();
    public string? Homepage { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Organisation() { }

    public Organisation(Guid id, OrganisationContent content, DateTimeOffset now)
    {
        Id = id;
        Apply(content, now);
    }

    public void Update(OrganisationContent content, DateTimeOffset now) => Apply(content, now);

    private void Apply(OrganisationContent c, DateTimeOffset now)
    {
        Slug = c.Slug;
        Kind = c.Kind;
        PrimaryLanguage = c.PrimaryLanguage;
        External = c.External;
        Name = c.Name;
        Description = c.Description ?? new LocalizedText();
        Homepage = c.Homepage;
        UpdatedAt = now;
    }
}

internal sealed record OrganisationContent(
    string Slug,
    OrganisationKind Kind,
    string PrimaryLanguage,
    bool External,
    LocalizedText Name,
    LocalizedText? Description,
    string? Homepage);

/// A unit of an organisation (a department, a service, an office); units form a tree.
internal sealed class Unit : Guichet.Platform.EventLog.IJournaled
{
    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Slug { get; private set; } = "";
    public LocalizedText Name { get; private set; } = new();
    public DateTimeOffset UpdatedAt { get; private set; }

    private Unit() { }

    public Unit(Guid id, Guid organisationId, UnitContent content, DateTimeOffset now)
    {
        Id = id;
        OrganisationId = organisationId;
        Update(content, now);
    }

    public void Update(UnitContent c, DateTimeOffset now)
    {
        Slug = c.Slug;
        ParentId = c.ParentId;
        Name = c.Name;
        UpdatedAt = now;
    }
}

internal sealed record UnitContent(string Slug, Guid? ParentId, LocalizedText Name);
