using System.Text.RegularExpressions;

namespace Guichet.Orient.Catalogue;

/// The rules every catalogue text and reference obeys, whoever writes it (API, editor pages,
/// import, demo data). Each broken rule is an InvalidParam with a stable code; the codes are
/// also the keys of the localized messages on pages ("error.<code>").
internal static partial class CatalogueRules
{
    public const int MaxName = 200;
    public const int MaxText = 4000;
    public const int MaxShortText = 1000;
    public const int MaxKeyword = 100;
    public const int MaxKeywordsPerLanguage = 30;
    public const int MaxListItems = 30;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    // Any tag-like sequence: descriptions are plain text, rendered encoded everywhere.
    [GeneratedRegex(@"<\s*[a-zA-Z/!?]")]
    private static partial Regex MarkupPattern();

    public static void Slug(List<InvalidParam> errors, string field, string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug)) errors.Add(new(field, "required", "A slug is required."));
        else if (slug.Length > 100 || !SlugPattern().IsMatch(slug))
            errors.Add(new(field, "invalid-slug", "A slug has lowercase letters, digits and single hyphens (at most 100 characters)."));
    }

    /// A text that must exist in the primary language (and may exist in the others).
    public static void RequiredText(List<InvalidParam> errors, string field, LocalizedText? text, string primaryLanguage, int max)
    {
        if (text is null || !text.Has(primaryLanguage))
            errors.Add(new($"{field}.{primaryLanguage}", "text-missing-primary-language",
                $"The text is required in the organisation's primary language ({primaryLanguage})."));
        OptionalText(errors, field, text, max);
    }

    public static void OptionalText(List<InvalidParam> errors, string field, LocalizedText? text, int max)
    {
        if (text is null) return;
        foreach (var language in LocalizedText.Languages)
            PlainText(errors, $"{field}.{language}", text[language], max);
    }

    public static void PlainText(List<InvalidParam> errors, string field, string? value, int max)
    {
        if (value is null) return;
        if (value.Length > max) errors.Add(new(field, "text-too-long", $"At most {max} characters."));
        if (MarkupPattern().IsMatch(value)) errors.Add(new(field, "markup-not-allowed", "Plain text only: no HTML or script."));
    }

    public static void Url(List<InvalidParam> errors, string field, string? url, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            if (required) errors.Add(new(field, "required", "A URL is required."));
            return;
        }
        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            errors.Add(new(field, "invalid-url", "An absolute http(s) URL is required."));
    }

    public static void Language(List<InvalidParam> errors, string field, string? language)
    {
        if (!Languages.IsSupported(language))
            errors.Add(new(field, "unknown-language", "Use fr, nl, de or en."));
    }

    public static List<InvalidParam> Validate(OrganisationContent c)
    {
        var errors = new List<InvalidParam>();
        Slug(errors, "slug", c.Slug);
        Language(errors, "primaryLanguage", c.PrimaryLanguage);
        var primary = Languages.IsSupported(c.PrimaryLanguage) ? c.PrimaryLanguage : "fr";
        RequiredText(errors, "name", c.Name, primary, MaxName);
        OptionalText(errors, "description", c.Description, MaxText);
        Url(errors, "homepage", c.Homepage);
        return errors;
    }

    public static List<InvalidParam> Validate(UnitContent c, Organisation organisation, IReadOnlyCollection<Unit> unitsOfOrganisation, Guid? self)
    {
        var errors = new List<InvalidParam>();
        Slug(errors, "slug", c.Slug);
        RequiredText(errors, "name", c.Name, organisation.PrimaryLanguage, MaxName);
        if (c.ParentId is { } parent)
        {
            if (unitsOfOrganisation.All(u => u.Id != parent))
                errors.Add(new("parentId", "unknown-unit", "The parent unit is not a unit of this organisation."));
            else if (self is { } me && CreatesCycle(me, parent, unitsOfOrganisation))
                errors.Add(new("parentId", "unit-cycle", "A unit cannot be placed under itself or one of its sub-units."));
        }
        return errors;
    }

    private static bool CreatesCycle(Guid self, Guid parent, IReadOnlyCollection<Unit> units)
    {
        Guid? current = parent;
        for (var guard = 0; current is { } id && guard <= units.Count; guard++)
        {
            if (id == self) return true;
            current = units.FirstOrDefault(u => u.Id == id)?.ParentId;
        }
        return false;
    }

    public static List<InvalidParam> Validate(ChannelContent c, Organisation organisation, IReadOnlyCollection<Unit> unitsOfOrganisation, Platform.Calendar.OpeningHours? validatedHours = null)
    {
        var errors = new List<InvalidParam>();
        Slug(errors, "slug", c.Slug);
        RequiredText(errors, "name", c.Name, organisation.PrimaryLanguage, MaxName);
        if (c.UnitId is { } unit && unitsOfOrganisation.All(u => u.Id != unit))
            errors.Add(new("unitId", "unknown-unit", "The unit is not a unit of this organisation."));
        switch (c.Kind)
        {
            case ChannelKind.Counter or ChannelKind.Post when c.Address is null:
                errors.Add(new("address", "required", "A counter or postal channel needs an address."));
                break;
            case ChannelKind.Phone when string.IsNullOrWhiteSpace(c.Phone):
                errors.Add(new("phone", "required", "A phone channel needs a phone number."));
                break;
            case ChannelKind.Email when string.IsNullOrWhiteSpace(c.Email):
                errors.Add(new("email", "required", "An e-mail channel needs an e-mail address."));
                break;
            case ChannelKind.Web when string.IsNullOrWhiteSpace(c.Url):
                errors.Add(new("url", "required", "A web channel needs a URL."));
                break;
        }
        if (c.Address is { } a)
        {
            PlainText(errors, "address.street", a.Street, 200);
            if (string.IsNullOrWhiteSpace(a.Street)) errors.Add(new("address.street", "required", "The street is required."));
            if (!PostcodePattern().IsMatch(a.Postcode ?? "")) errors.Add(new("address.postcode", "invalid-postcode", "A Belgian postcode has 4 digits."));
            RequiredText(errors, "address.city", a.City, organisation.PrimaryLanguage, 100);
        }
        if (c.Latitude is { } lat && (lat < -90 || lat > 90)) errors.Add(new("latitude", "out-of-range", "Between -90 and 90."));
        if (c.Longitude is { } lon && (lon < -180 || lon > 180)) errors.Add(new("longitude", "out-of-range", "Between -180 and 180."));
        if (c.Phone is { } phone && !PhonePattern().IsMatch(phone)) errors.Add(new("phone", "invalid-phone", "A phone number has digits, spaces and an optional leading +."));
        if (c.Email is { } email && !EmailPattern().IsMatch(email)) errors.Add(new("email", "invalid-email", "Not an e-mail address."));
        Url(errors, "url", c.Url);
        if (c.OpeningHours is { } hours)
            errors.AddRange(OpeningHoursErrors(hours));
        return errors;
    }

    public static IEnumerable<InvalidParam> OpeningHoursErrors(Platform.Calendar.OpeningHours hours) =>
        hours.Validate().Select(e => new InvalidParam("openingHours." + e.Field, e.Code, OpeningHoursReasons.GetValueOrDefault(e.Code, "The opening hours are not valid.")));

    private static readonly Dictionary<string, string> OpeningHoursReasons = new()
    {
        ["opening-hours-missing"] = "A value is missing.",
        ["opening-hours-invalid-day"] = "Use monday ... sunday.",
        ["opening-hours-invalid-time"] = "Use a time such as 08:30.",
        ["opening-hours-invalid-date"] = "Use a date such as 2026-12-24.",
        ["opening-hours-invalid-month-day"] = "Use a recurring date such as 07-01.",
        ["opening-hours-period-incomplete"] = "A seasonal period needs both a start and an end.",
        ["opening-hours-inverted"] = "The end comes before the start.",
        ["opening-hours-overlap"] = "Two time slots overlap.",
        ["opening-hours-period-overlap"] = "Two seasonal periods overlap.",
        ["opening-hours-default-duplicate"] = "Only one default weekly pattern is allowed.",
    };

    public static List<InvalidParam> Validate(ServiceContent c, Organisation organisation, IReadOnlyCollection<Unit> units, IReadOnlyCollection<Channel> channels, CodeLists codes)
    {
        var errors = new List<InvalidParam>();
        var primary = organisation.PrimaryLanguage;
        Slug(errors, "slug", c.Slug);
        RequiredText(errors, "name", c.Name, primary, MaxName);
        RequiredText(errors, "description", c.Description, primary, MaxText);
        foreach (var language in LocalizedText.Languages)
        {
            var keywords = c.Keywords[language];
            if (keywords.Count > MaxKeywordsPerLanguage) errors.Add(new($"keywords.{language}", "too-many-items", $"At most {MaxKeywordsPerLanguage} keywords per language."));
            for (var i = 0; i < keywords.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(keywords[i])) errors.Add(new($"keywords.{language}[{i}]", "required", "A keyword cannot be empty."));
                PlainText(errors, $"keywords.{language}[{i}]", keywords[i], MaxKeyword);
            }
        }
        if (c.Audiences.Count == 0) errors.Add(new("audiences", "required", "Say whom the service is for: citizens, companies or both."));
        Codes(errors, "themes", c.Themes, codes.Themes);
        Codes(errors, "lifeEvents", c.LifeEvents, codes.LifeEvents);
        Codes(errors, "businessEvents", c.BusinessEvents, codes.BusinessEvents);
        OptionalText(errors, "cost", c.Cost, MaxShortText);
        OptionalText(errors, "output", c.Output, MaxShortText);
        OptionalText(errors, "appealSummary", c.AppealSummary, MaxText);
        if (c.Evidence.Count > MaxListItems) errors.Add(new("evidence", "too-many-items", $"At most {MaxListItems} items."));
        for (var i = 0; i < c.Evidence.Count; i++) RequiredText(errors, $"evidence[{i}]", c.Evidence[i], primary, MaxShortText);
        if (c.LegalResources.Count > MaxListItems) errors.Add(new("legalResources", "too-many-items", $"At most {MaxListItems} items."));
        for (var i = 0; i < c.LegalResources.Count; i++)
        {
            RequiredText(errors, $"legalResources[{i}].title", c.LegalResources[i].Title, primary, MaxShortText);
            Url(errors, $"legalResources[{i}].url", c.LegalResources[i].Url, required: true);
        }
        if (c.ProcessingTime is { } pt && (pt.Days < 1 || pt.Days > 3650))
            errors.Add(new("processingTime.days", "out-of-range", "Between 1 and 3650 days."));
        if (c.UnitId is { } unit && units.All(u => u.Id != unit || u.OrganisationId != organisation.Id))
            errors.Add(new("unitId", "unknown-unit", "The unit is not a unit of this organisation."));
        for (var i = 0; i < c.ChannelIds.Count; i++)
            if (channels.All(ch => ch.Id != c.ChannelIds[i] || ch.OrganisationId != organisation.Id))
                errors.Add(new($"channelIds[{i}]", "unknown-channel", "The channel is not a channel of this organisation."));
        if (c.ChannelIds.Distinct().Count() != c.ChannelIds.Count) errors.Add(new("channelIds", "duplicate", "A channel is listed twice."));
        return errors;
    }

    private static void Codes(List<InvalidParam> errors, string field, IReadOnlyList<string> values, IReadOnlyDictionary<string, LocalizedText> known)
    {
        for (var i = 0; i < values.Count; i++)
            if (!known.ContainsKey(values[i])) errors.Add(new($"{field}[{i}]", "unknown-code", $"'{values[i]}' is not in the code list."));
    }

    [GeneratedRegex(@"^[0-9]{4}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ./()-]{5,24}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    private static partial Regex EmailPattern();
}
