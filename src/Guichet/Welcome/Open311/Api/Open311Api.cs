using Guichet.Orient.Catalogue;
using Guichet.Welcome.Contacts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Welcome.Open311.Api;

internal sealed record Discovery(string Changeset, string Contact, string KeyService, IReadOnlyList<DiscoveryEndpoint> Endpoints);

internal sealed record DiscoveryEndpoint(string Specification, string Url, string Changeset, string Type, IReadOnlyList<string> Formats);

internal sealed record Open311Service(string ServiceCode, string ServiceName, string? Description, bool Metadata, string Type, string? Keywords, string? Group);

/// A service request as GeoReport v2 shows it. AccountId is only written in the answer to the
/// post that created it (the reporting app's own account id), never in public listings.
internal sealed record Open311RequestView(
    string ServiceRequestId, string Status, string? StatusNotes, string? ServiceName, string ServiceCode, string? Description, string? AgencyResponsible,
    string? ServiceNotice, string RequestedDatetime, string? UpdatedDatetime, string? ExpectedDatetime, string? Address, string? AddressId, string? Zipcode,
    double? Lat, double? Long, string? MediaUrl)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? AccountId { get; init; }
}

/// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the contact register: a
/// service request is a contact of the Open311 channel; service codes are the slugs of the own
/// organisations' published services; the api_key is an API token (`guichet token create`).
internal static class Open311Api
{
    public const string Root = "/open311/v2";
    public const int MaxListed = 1000;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);
    private const string Changeset = "2026-11-30T00:00:00+01:00"; // when this API last changed

    public static WebApplication MapOpen311Api(this WebApplication app)
    {
        var api = app.MapGroup(Root).WithTags("Open311").AllowAnonymous();
        api.MapGet("/discovery.json", GetDiscovery).WithSummary("Open311 discovery: the endpoint, its specification and how to get an api_key.");
        api.MapGet("/services.json", GetServices).WithSummary("The published services of the own organisations, which Open311 requests can concern; ?jurisdiction_id= (an organisation's slug).");
        api.MapGet("/services/{service_code}.json", GetDefinition).WithSummary("A service's definition: its attributes.");
        api.MapPost("/requests.json", PostRequest).RequireRateLimiting(RateLimits.Open311Post).DisableAntiforgery() // authenticated by api_key, not by a cookie
            .WithSummary("Posts a service request (form-encoded or JSON) with an api_key; it becomes a contact of the Open311 channel.");
        api.MapGet("/requests.json", GetRequests).WithSummary("Service requests: ?service_request_id= (list), service_code, start_date, end_date, status (open, closed); by default the last 90 days, at most 1000.");
        api.MapGet("/requests/{service_request_id}.json", GetRequest).WithSummary("One service request.");
        return app;
    }

    private static string Language => Languages.Current;

    private static JsonHttpResult<Discovery> GetDiscovery(PublicUrls urls, Texts texts) =>
        Open311Json.Ok(new Discovery(Changeset, texts.Get(Language, "open311.discovery.contact"), texts.Get(Language, "open311.discovery.keyService"),
            [new DiscoveryEndpoint("http://wiki.open311.org/GeoReport_v2", urls.Absolute(Root), Changeset, "production", ["application/json"])]));

    private static async Task<Results<JsonHttpResult<List<Open311Service>>, JsonHttpResult<Open311Error[]>>> GetServices(HttpRequest request, CatalogueDirectory catalogue, CancellationToken ct)
    {
        var services = await catalogue.PublishedOwnServicesAsync(null, ct);
        if (request.Query["jurisdiction_id"].ToString() is { Length: > 0 } jurisdiction)
        {
            if (!services.Any(s => s.OrganisationSlug == jurisdiction)) return Open311Json.Error(404, "jurisdiction_id not found.");
            services = [.. services.Where(s => s.OrganisationSlug == jurisdiction)];
        }
        var language = Language;
        return Open311Json.Ok(services.Select(s => new Open311Service(s.Slug, s.Name.Resolve(language, s.PrimaryLanguage).Text,
            s.Description.IsEmpty ? null : s.Description.Resolve(language, s.PrimaryLanguage).Text, Metadata: true, Type: "realtime",
            s.Keywords[language] is { Count: > 0 } k ? string.Join(",", k) : null, s.Themes.FirstOrDefault())).ToList());
    }

    private static async Task<Results<JsonHttpResult<ServiceDefinition>, JsonHttpResult<Open311Error[]>>> GetDefinition(
        [FromRoute(Name = "service_code")] string serviceCode, CatalogueDirectory catalogue, Texts texts, CancellationToken ct)
    {
        if ((await catalogue.PublishedOwnServicesAsync(serviceCode, ct)).Count == 0) return Open311Json.Error(404, "service_code not found.");
        return Open311Json.Ok(new ServiceDefinition(serviceCode, Open311Attributes.For(texts, Language)));
    }

    private static async Task<Results<JsonHttpResult<Open311RequestView[]>, JsonHttpResult<Open311Error[]>>> PostRequest(
        HttpRequest request, GuichetDb db, ContactRegister register, CatalogueDirectory catalogue, Texts texts, TimeProvider time, CancellationToken ct)
    {
        var (read, readAttributes, unreadable) = await Open311Body.ReadAsync(request, ct);
        if (unreadable is { } u || read is null || readAttributes is null) return Open311Json.Error(unreadable?.Status ?? 400, unreadable?.Description ?? "The body cannot be read.");
        var (fields, attributes) = (read, readAttributes);

        // The key first: nothing about the request is told to a caller without a valid one.
        var key = fields.GetValueOrDefault("api_key");
        if (string.IsNullOrWhiteSpace(key)) return Open311Json.Error(403, "api_key was not provided.");
        var account = await AccountOfAsync(db, key.Trim(), time, ct);
        if (account is null) return Open311Json.Error(403, "api_key is invalid or revoked.");

        var own = await catalogue.PublishedOwnServicesAsync(null, ct);
        if (fields.GetValueOrDefault("jurisdiction_id") is { Length: > 0 } jurisdiction && !own.Any(s => s.OrganisationSlug == jurisdiction))
            return Open311Json.Error(404, "jurisdiction_id not found.");
        var code = fields.GetValueOrDefault("service_code")?.Trim();
        if (string.IsNullOrEmpty(code)) return Open311Json.Error(400, "service_code was not provided.");
        var service = own.FirstOrDefault(s => s.Slug == code);
        if (service is null) return Open311Json.Error(404, "service_code not found.");

        var errors = new List<string>();
        var lat = Coordinate(fields, "lat", 90, errors);
        var lon = Coordinate(fields, "long", 180, errors);
        if (lat.HasValue != lon.HasValue && errors.Count == 0) errors.Add("lat and long go together: give both or neither.");
        var address = Text(fields, "address_string", ServiceRequest.MaxAddress, errors);
        var addressId = Text(fields, "address_id", ServiceRequest.MaxId, errors);
        if (lat is null && lon is null && address is null && addressId is null && errors.Count == 0)
            errors.Add("A location is required: lat and long, address_string or address_id.");
        var email = Text(fields, "email", 254, errors);
        var phone = Text(fields, "phone", 50, errors);
        var description = Text(fields, "description", Contact.MaxNotes, errors);
        var firstName = Text(fields, "first_name", ServiceRequest.MaxName, errors);
        var lastName = Text(fields, "last_name", ServiceRequest.MaxName, errors);
        var deviceId = Text(fields, "device_id", ServiceRequest.MaxId, errors);
        var accountId = Text(fields, "account_id", ServiceRequest.MaxId, errors);
        var mediaUrl = Text(fields, "media_url", ServiceRequest.MaxUrl, errors);
        if (mediaUrl is not null && !(Uri.TryCreate(mediaUrl, UriKind.Absolute, out var media) && (media.Scheme == Uri.UriSchemeHttps || media.Scheme == Uri.UriSchemeHttp)))
            errors.Add("media_url must be an absolute http or https URL.");
        errors.AddRange(Open311Attributes.Check(attributes));
        if (errors.Count > 0) return Open311Json.Errors(400, errors);

        var language = Language;
        var name = string.Join(" ", new[] { firstName, lastName }.OfType<string>());
        var subject = service.Name.Resolve(language, service.PrimaryLanguage).Text;
        ServiceRequest? details = null;
        var registered = await register.RegisterAsync(account, new RegisterContactRequest(
                "open311", null, "anonymous", null, name.Length > 0 ? name : null, email, phone, address, null, language,
                subject.Length > Contact.MaxSubject ? subject[..Contact.MaxSubject] : subject, service.Id, null, description),
            ct, alongWith: c => db.Add(details = new ServiceRequest(c.Id, service.Slug, lat, lon, address, addressId, mediaUrl, deviceId, accountId, firstName, lastName,
                new Dictionary<string, string>(attributes), account.ApiTokenId)));
        if (registered.Value is not { } contact) return Open311Json.Errors(400, registered.InvalidParams.Select(i => $"{WireName(i.Name)}: {i.Reason}"));

        var units = await catalogue.UnitsAsync(contact.UnitId is { } unit ? [unit] : [], ct);
        var view = View(contact, details!, service.Name.Resolve(language, service.PrimaryLanguage).Text, units.FirstOrDefault(), texts, language) with { AccountId = accountId };
        return Open311Json.Ok(new[] { view }, StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<Open311RequestView[]>, JsonHttpResult<Open311Error[]>>> GetRequests(
        HttpRequest request, GuichetDb db, CatalogueDirectory catalogue, Texts texts, TimeProvider time, IOptions<Open311Options> options, CancellationToken ct)
    {
        var q = request.Query;
        var query = db.Set<ServiceRequest>().AsNoTracking().Join(db.Set<Contact>().AsNoTracking(), r => r.ContactId, c => c.Id, (r, c) => new { Request = r, Contact = c });
        var own = await catalogue.PublishedOwnServicesAsync(null, ct);
        if (q["jurisdiction_id"].ToString() is { Length: > 0 } jurisdiction)
        {
            if (!own.Any(s => s.OrganisationSlug == jurisdiction)) return Open311Json.Error(404, "jurisdiction_id not found.");
            var codes = own.Where(s => s.OrganisationSlug == jurisdiction).Select(s => s.Slug).ToList();
            query = query.Where(x => codes.Contains(x.Request.ServiceCode));
        }
        if (q["service_request_id"].ToString() is { Length: > 0 } idList)
        {
            // The spec: with ids, the other filters are ignored. An id that is not ours is simply not listed.
            var ids = List(idList).Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
            query = query.Where(x => ids.Contains(x.Contact.Id));
        }
        else
        {
            var errors = new List<string>();
            if (q["service_code"].ToString() is { Length: > 0 } codeList)
            {
                var codes = List(codeList);
                query = query.Where(x => codes.Contains(x.Request.ServiceCode));
            }
            var start = Date(q["start_date"].ToString(), "start_date", errors);
            var end = Date(q["end_date"].ToString(), "end_date", errors);
            if (q["status"].ToString() is { Length: > 0 } statusList)
            {
                var statuses = List(statusList);
                if (statuses.Any(s => s is not ("open" or "closed"))) errors.Add("status must be open, closed or both (open,closed).");
                else if (!statuses.Contains("closed")) query = query.Where(x => x.Contact.Outcome == ContactOutcome.Open || x.Contact.Outcome == ContactOutcome.Routed);
                else if (!statuses.Contains("open")) query = query.Where(x => x.Contact.Outcome != ContactOutcome.Open && x.Contact.Outcome != ContactOutcome.Routed);
            }
            if (errors.Count > 0) return Open311Json.Errors(400, errors);
            var to = (end ?? time.GetUtcNow()).ToUniversalTime();
            var from = (start ?? to - DefaultWindow).ToUniversalTime();
            if (from > to) return Open311Json.Error(400, "start_date is after end_date.");
            query = query.Where(x => x.Contact.ReceivedAt >= from && x.Contact.ReceivedAt <= to);
        }
        var rows = await query.OrderByDescending(x => x.Contact.ReceivedAt).Take(MaxListed).ToListAsync(ct);
        var language = Language;
        var names = own.ToDictionary(s => s.Id, s => s.Name.Resolve(language, s.PrimaryLanguage).Text);
        var units = (await catalogue.UnitsAsync(rows.Select(x => x.Contact.UnitId).OfType<Guid>(), ct)).ToDictionary(u => u.Id);
        return Open311Json.Ok(rows.Select(x => Public(View(x.Contact, x.Request, x.Contact.ServiceId is { } s ? names.GetValueOrDefault(s) : null,
            x.Contact.UnitId is { } u ? units.GetValueOrDefault(u) : null, texts, language), options.Value)).ToArray());
    }

    private static async Task<Results<JsonHttpResult<Open311RequestView[]>, JsonHttpResult<Open311Error[]>>> GetRequest(
        [FromRoute(Name = "service_request_id")] string serviceRequestId, GuichetDb db, CatalogueDirectory catalogue, Texts texts, IOptions<Open311Options> options, CancellationToken ct)
    {
        if (!Guid.TryParse(serviceRequestId, out var id)) return Open311Json.Error(404, "service_request_id not found.");
        var row = await db.Set<ServiceRequest>().AsNoTracking().Where(r => r.ContactId == id)
            .Join(db.Set<Contact>().AsNoTracking(), r => r.ContactId, c => c.Id, (r, c) => new { Request = r, Contact = c }).FirstOrDefaultAsync(ct);
        if (row is null) return Open311Json.Error(404, "service_request_id not found.");
        var language = Language;
        var service = (await catalogue.PublishedOwnServicesAsync(row.Request.ServiceCode, ct)).FirstOrDefault();
        var unit = row.Contact.UnitId is { } u ? await catalogue.UnitAsync(u, ct) : null;
        // The spec answers one request as a list of one.
        return Open311Json.Ok(new[] { Public(View(row.Contact, row.Request, service?.Name.Resolve(language, service.PrimaryLanguage).Text, unit, texts, language), options.Value) });
    }

    /// What anyone may read of a request: everything for a public service (a report about the
    /// public space), and for the others — personal requests, the default — no free text, no
    /// address, no position and no photo: only that a request of that service exists and how far it is.
    private static Open311RequestView Public(Open311RequestView view, Open311Options options) => options.IsPublic(view.ServiceCode)
        ? view
        : view with { Description = null, Address = null, AddressId = null, Zipcode = null, Lat = null, Long = null, MediaUrl = null };

    private static Open311RequestView View(Contact c, ServiceRequest r, string? serviceName, CatalogueDirectory.UnitEntry? unit, Texts texts, string language)
    {
        // The norm's day: a first answer is due by the end of it, Brussels time.
        var expected = BrusselsTime.ToInstant(c.RespondBy, new TimeOnly(23, 59, 59));
        return new Open311RequestView(
            c.Id.ToString(), c.IsOpen ? "open" : "closed", texts.Get(language, "open311.status." + EnumCodes.Code(c.Outcome)),
            serviceName, r.ServiceCode, c.Notes, unit?.Name.Resolve(language, language).Text,
            c.IsOpen ? string.Format(CultureInfo.GetCultureInfo(Languages.CultureName(language)), texts.Get(language, "open311.notice"), c.RespondBy.ToString("d", CultureInfo.GetCultureInfo(Languages.CultureName(language)))) : null,
            Open311Json.DateTime(c.ReceivedAt), Open311Json.DateTime(c.RespondedAt ?? c.ReceivedAt), Open311Json.DateTime(expected),
            r.AddressString, r.AddressId, null, r.Lat, r.Long, r.MediaUrl);
    }

    /// The account behind an api_key: a valid API token made for Open311 clients (scope open311),
    /// looked up by its SHA-256 like the bearer scheme does; a staff token is not an api_key.
    private static async Task<Open311Account?> AccountOfAsync(GuichetDb db, string key, TimeProvider time, CancellationToken ct)
    {
        if (await ApiToken.FindValidAsync(db, key, time.GetUtcNow(), ct) is not var (token, owner) || !token.ScopeList.Contains(TokenScopes.Open311)) return null;
        return new Open311Account(token.Id, StaffClaims.For(owner, "Open311"));
    }

    private static double? Coordinate(Dictionary<string, string> fields, string name, double max, List<string> errors)
    {
        if (fields.GetValueOrDefault(name) is not { } text || string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= max) return value;
        errors.Add($"{name} must be a number from -{max} to {max} (WGS84 degrees).");
        return null;
    }

    private static string? Text(Dictionary<string, string> fields, string name, int max, List<string> errors)
    {
        if (fields.GetValueOrDefault(name) is not { } text || string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text.Length > max) errors.Add($"{name} has at most {max} characters.");
        return text;
    }

    private static DateTimeOffset? Date(string text, string name, List<string> errors)
    {
        if (text.Length == 0) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value;
        errors.Add($"{name} must be an ISO 8601 date and time, e.g. 2026-10-05T08:00:00+02:00.");
        return null;
    }

    private static List<string> List(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string WireName(string contactField) => contactField switch
    {
        "address" => "address_string",
        "notes" => "description",
        "customerName" => "first_name/last_name",
        _ => contactField,
    };
}

/// Who posted: the API token behind the api_key and its account as a principal.
internal sealed class Open311Account(Guid apiTokenId, ClaimsIdentity identity) : ClaimsPrincipal(identity)
{
    public Guid ApiTokenId { get; } = apiTokenId;
}
