using Guichet.Platform.Calendar;
using Guichet.Platform.Localization;

namespace Guichet.Orient.Catalogue;

internal enum ChannelKind { Counter, Phone, Email, Web, Post }

internal sealed record PostalAddress(string Street, string Postcode, LocalizedText City);

/// A way to reach an organisation: a counter (with an address), a phone line, an e-mail
/// address, a website or form, a postal address. Counters and phone lines have opening hours.
internal sealed class Channel : Guichet.Platform.EventLog.IJournaled
{
    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? UnitId { get; private set; }
    public string Slug { get; private set; } = "";
    public ChannelKind Kind { get; private set; }
    public LocalizedText Name { get; private set; } = new();
    public PostalAddress? Address { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Url { get; private set; }
    public OpeningHours? OpeningHours { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Channel() { }

    public Channel(Guid id, Guid organisationId, ChannelContent content, DateTimeOffset now)
    {
        Id = id;
        OrganisationId = organisationId;
        Update(content, now);
    }

    public void Update(ChannelContent c, DateTimeOffset now)
    {
        UnitId = c.UnitId;
        Slug = c.Slug;
        Kind = c.Kind;
        Name = c.Name;
        Address = c.Address;
        Latitude = c.Latitude;
        Longitude = c.Longitude;
        Phone = c.Phone;
        Email = c.Email;
        Url = c.Url;
        OpeningHours = c.OpeningHours;
        UpdatedAt = now;
    }

    public void SetOpeningHours(OpeningHours? hours, DateTimeOffset now)
    {
        OpeningHours = hours;
        UpdatedAt = now;
    }
}

internal sealed record ChannelContent(
    string Slug,
    ChannelKind Kind,
    Guid? UnitId,
    LocalizedText Name,
    PostalAddress? Address,
    double? Latitude,
    double? Longitude,
    string? Phone,
    string? Email,
    string? Url,
    OpeningHours? OpeningHours);
