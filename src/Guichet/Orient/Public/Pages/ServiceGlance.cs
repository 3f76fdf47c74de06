using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;

namespace Guichet.Orient.Public.Pages;

/// A service as a result card shows it, answering at a glance: which service, from whom (unit and
/// organisation, or "service of another body"); when (the search's open-now summary: the first
/// counter, else the first phone line, with hours); how (phone, e-mail, website).
internal sealed record ServiceGlance(
    string Slug,
    Shown Name,
    Shown? Summary,
    Shown Organisation,
    string OrganisationSlug,
    Shown? Unit,
    bool IsReferral,
    ChannelKind? HoursChannel,
    OpenNowText? Status,
    string? Phone,
    string? Email,
    string? Web,
    Shown? WebName)
{
    public static ServiceGlance From(CatalogueEntry entry, DateTimeOffset now, WorkingCalendar calendar, Texts texts)
    {
        var primary = entry.Organisation.PrimaryLanguage;
        var content = entry.Service.Content;
        var channels = entry.Channels;
        var open = OpenNowSummary.For(entry, now, calendar);
        var withHours = open is null ? null : channels.First(c => c.Id == open.ChannelId);
        // A phone line's number before a counter's; a mailbox before a counter's address; the
        // service's own web channel, else (for another body) its homepage.
        var phone = channels.FirstOrDefault(c => c.Kind == ChannelKind.Phone && !string.IsNullOrWhiteSpace(c.Phone))?.Phone
            ?? channels.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Phone))?.Phone;
        var email = channels.FirstOrDefault(c => c.Kind == ChannelKind.Email && !string.IsNullOrWhiteSpace(c.Email))?.Email
            ?? channels.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Email))?.Email;
        var web = channels.FirstOrDefault(c => c.Kind == ChannelKind.Web && Links.IsWeb(c.Url));
        string? webUrl = web?.Url;
        Shown? webName = web is null ? null : Shown.Of(web.Name, primary);
        if (webUrl is null && entry.IsReferral && Links.IsWeb(entry.Organisation.Homepage))
        {
            webUrl = entry.Organisation.Homepage;
            webName = null;
        }
        var description = Shown.OfOptional(content.Description, primary);
        return new ServiceGlance(
            entry.Service.Slug,
            Shown.Of(content.Name, primary),
            description?.Summary(),
            Shown.Of(entry.Organisation.Name, primary),
            entry.Organisation.Slug,
            entry.Unit is null ? null : Shown.Of(entry.Unit.Name, primary),
            entry.IsReferral,
            withHours?.Kind,
            open is null ? null : ChannelHours.Describe(withHours!.OpeningHours!, new OpenStatus(open.IsOpen, open.ClosesAt, open.NextOpening), primary, now, calendar, texts),
            phone,
            email,
            webUrl,
            webName);
    }
}
