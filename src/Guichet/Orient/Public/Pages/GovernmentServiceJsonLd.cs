using System.Text.Json.Nodes;
using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;

namespace Guichet.Orient.Public.Pages;

/// The schema.org description of a service page (GovernmentService with its provider and
/// channels), so that search engines and assistants can answer "where, when, how" themselves.
/// Opening hours follow the usual convention: the weekly pattern without dates, seasons and
/// special openings with validFrom/validThrough, closed days as opens = closes = "00:00".
/// Serialized with the default System.Text.Json encoder, which escapes &lt; &gt; &amp; and quotes:
/// no catalogue text can close the script element it is written into.
internal static class GovernmentServiceJsonLd
{
    public const int DaysOffAhead = 365;
    private const string Closed = "00:00";

    public static string Write(CatalogueEntry entry, string pageUrl, DateTimeOffset now, WorkingCalendar calendar, CodeLists codes, Texts texts)
    {
        var organisation = entry.Organisation;
        var primary = organisation.PrimaryLanguage;
        string Text(LocalizedText text) => text.Resolve(Languages.Current, primary).Text;
        var content = entry.Service.Content;

        var provider = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = Text(organisation.Name) };
        if (Links.IsWeb(organisation.Homepage)) provider["url"] = organisation.Homepage;

        var service = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "GovernmentService",
            ["@id"] = pageUrl,
            ["url"] = pageUrl,
            ["name"] = Text(content.Name),
            ["description"] = Text(content.Description),
            ["provider"] = provider,
        };
        var themes = content.Themes.Where(codes.Themes.ContainsKey).Select(t => (JsonNode?)Label(codes.Themes[t])).ToArray();
        if (themes.Length > 0) service["serviceType"] = new JsonArray(themes);
        if (content.Audiences.Count > 0)
            service["audience"] = new JsonArray([.. content.Audiences.Select(a => (JsonNode?)new JsonObject
            {
                ["@type"] = a == Audience.Companies ? "BusinessAudience" : "Audience",
                ["audienceType"] = a == Audience.Companies ? "companies" : "citizens",
            })]);
        if (AreaServed(entry, Text, texts) is { } area) service["areaServed"] = area;
        service["availableChannel"] = new JsonArray([.. entry.Channels.Select(c => (JsonNode?)Channel(c, Text, now, calendar))]);
        return service.ToJsonString();
    }

    private static string Label(LocalizedText label) => label.Resolve(Languages.Current, "en").Text;

    private static JsonObject? AreaServed(CatalogueEntry entry, Func<LocalizedText, string> text, Texts texts) => entry.Organisation.Kind switch
    {
        OrganisationKind.Federal => new JsonObject { ["@type"] = "Country", ["name"] = texts["public.belgium"] },
        OrganisationKind.Municipality when entry.Channels.FirstOrDefault(c => c.Address is not null)?.Address is { } a =>
            new JsonObject { ["@type"] = "City", ["name"] = text(a.City) },
        _ => null,
    };

    private static JsonObject Channel(Channel channel, Func<LocalizedText, string> text, DateTimeOffset now, WorkingCalendar calendar)
    {
        var node = new JsonObject { ["@type"] = "ServiceChannel", ["name"] = text(channel.Name) };
        var hours = channel.OpeningHours is { } h ? Specifications(h, now, calendar) : null;
        if (!string.IsNullOrWhiteSpace(channel.Phone))
        {
            var phone = new JsonObject { ["@type"] = "ContactPoint", ["telephone"] = channel.Phone };
            if (channel.Kind == ChannelKind.Phone && hours is not null) phone["hoursAvailable"] = hours;
            node["servicePhone"] = phone;
        }
        if (channel.Kind == ChannelKind.Counter && channel.Address is { } address)
        {
            var place = new JsonObject { ["@type"] = "Place", ["name"] = text(channel.Name), ["address"] = Address(address, text) };
            if (channel.Latitude is { } lat && channel.Longitude is { } lon)
                place["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = lat, ["longitude"] = lon };
            if (hours is not null) place["openingHoursSpecification"] = hours;
            node["serviceLocation"] = place;
        }
        else if (channel.Kind == ChannelKind.Post && channel.Address is { } postal)
            node["servicePostalAddress"] = Address(postal, text);
        if (Links.IsWeb(channel.Url)) node["serviceUrl"] = channel.Url;
        else if (channel.Kind == ChannelKind.Email && !string.IsNullOrWhiteSpace(channel.Email)) node["serviceUrl"] = Links.Mailto(channel.Email);
        return node;
    }

    private static JsonObject Address(PostalAddress address, Func<LocalizedText, string> text) => new()
    {
        ["@type"] = "PostalAddress",
        ["streetAddress"] = address.Street,
        ["postalCode"] = address.Postcode,
        ["addressLocality"] = text(address.City),
        ["addressCountry"] = "BE",
    };

    /// OpeningHoursSpecification items: the usual week, the current or next occurrence of each
    /// season, then the dated exceptions still to come.
    public static JsonArray Specifications(OpeningHours hours, DateTimeOffset now, WorkingCalendar calendar)
    {
        var today = BrusselsTime.LocalDate(now);
        var items = new JsonArray();
        foreach (var period in (hours.Periods ?? []).Where(p => p is not null))
        {
            if (period.From is null && period.To is null)
            {
                foreach (var item in Week(period.Hours, null)) items.Add(item);
                continue;
            }
            if (!MonthDay.TryParse(period.From, out var from) || !MonthDay.TryParse(period.To, out var to)) continue;
            var (start, end) = Occurrence(from, to, today);
            foreach (var item in Week(period.Hours, (start, end))) items.Add(item);
        }

        var specialDates = new HashSet<DateOnly>();
        foreach (var special in hours.SpecialOpenings ?? [])
        {
            if (special is null || !OpeningHours.TryParseDate(special.Date, out var date) || date < today) continue;
            if (!OpeningHours.TryParseTime(special.Opens, out _) || !OpeningHours.TryParseTime(special.Closes, out _)) continue;
            specialDates.Add(date);
            items.Add(Item([date.DayOfWeek], special.Opens, special.Closes, (date, date)));
        }
        foreach (var closure in hours.Closures ?? [])
        {
            if (closure is null || !OpeningHours.TryParseDate(closure.From, out var from) || !OpeningHours.TryParseDate(closure.To, out var to) || to < today) continue;
            items.Add(Item([], Closed, Closed, (from, to)));
        }
        if (hours.ClosedOnPublicHolidays)
        {
            // Only the days off on which the channel would otherwise open.
            var usual = ChannelHours.Usual(hours);
            var last = today.AddDays(DaysOffAhead - 1);
            var opening = usual.Slots(today, last, WorkingCalendar.LegalHolidaysOnly).Select(s => s.Date).ToHashSet();
            var daysOff = calendar.DaysOff(today.Year).Concat(last.Year != today.Year ? calendar.DaysOff(last.Year) : []);
            foreach (var day in daysOff.Where(d => d.Date >= today && d.Date <= last && opening.Contains(d.Date) && !specialDates.Contains(d.Date)))
                items.Add(Item([], Closed, Closed, (day.Date, day.Date)));
        }
        return items;
    }

    /// A season's dates around today: the one under way, else the next one.
    private static (DateOnly Start, DateOnly End) Occurrence(MonthDay from, MonthDay to, DateOnly today)
    {
        var wraps = (from.Month, from.Day).CompareTo((to.Month, to.Day)) > 0;
        var start = from.InYear(today.Year);
        var end = to.InYear(wraps ? today.Year + 1 : today.Year);
        if (wraps && today <= to.InYear(today.Year)) (start, end) = (from.InYear(today.Year - 1), to.InYear(today.Year));
        else if (end < today) (start, end) = (start.AddYears(1), end.AddYears(1));
        return (start, end);
    }

    /// Days with the same hours grouped into one item; within a season, the days it leaves out are closed.
    private static IEnumerable<JsonObject> Week(IReadOnlyList<OpeningSlot>? hours, (DateOnly From, DateOnly To)? valid)
    {
        var slots = (hours ?? [])
            .Where(h => h is not null && OpeningHours.TryParseDay(h.Day, out _) && OpeningHours.TryParseTime(h.Opens, out _) && OpeningHours.TryParseTime(h.Closes, out _))
            .Select(h => (Day: OpeningHours.Days[h.Day], h.Opens, h.Closes))
            .ToList();
        foreach (var group in slots.GroupBy(s => (s.Opens, s.Closes)).OrderBy(g => g.Key.Opens, StringComparer.Ordinal))
            yield return Item([.. group.Select(s => s.Day).Distinct().OrderBy(d => ((int)d + 6) % 7)], group.Key.Opens, group.Key.Closes, valid);
        if (valid is not null)
        {
            var closedDays = OpeningHours.Days.Values.Where(d => slots.All(s => s.Day != d)).OrderBy(d => ((int)d + 6) % 7).ToList();
            if (closedDays.Count > 0) yield return Item(closedDays, Closed, Closed, valid);
        }
    }

    private static JsonObject Item(IReadOnlyList<DayOfWeek> days, string opens, string closes, (DateOnly From, DateOnly To)? valid)
    {
        var item = new JsonObject { ["@type"] = "OpeningHoursSpecification" };
        if (days.Count > 0) item["dayOfWeek"] = new JsonArray([.. days.Select(d => (JsonNode?)("https://schema.org/" + d))]);
        item["opens"] = opens;
        item["closes"] = closes;
        if (valid is { } v)
        {
            item["validFrom"] = v.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            item["validThrough"] = v.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return item;
    }
}
