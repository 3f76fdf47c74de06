using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Orient.Catalogue.Api;

/// The catalogue structure over HTTP: anonymous reads of organisations, units and channels;
/// editor writes (organisations: admins) that go through CatalogueWork like the pages do.
internal static class CatalogueApi
{
    public static WebApplication MapCatalogueApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Catalogue");

        api.MapGet("/organisations", ListOrganisations).WithSummary("Organisations, optionally only external bodies (?external=true) or only own ones (?external=false).");
        api.MapGet("/organisations/{id:guid}", GetOrganisation).WithProblems(404).WithSummary("One organisation.");
        api.MapGet("/organisations/{id:guid}/units", ListUnits).WithProblems(404).WithSummary("The units of an organisation in tree order, each with parentId and depth.");
        api.MapGet("/units/{id:guid}", GetUnit).WithProblems(404).WithSummary("One unit.");
        api.MapGet("/channels", ListChannels).WithProblems(400).WithSummary("Channels, filtered by ?organisation={id} and ?kind=counter|phone|email|web|post.");
        api.MapGet("/channels/{id:guid}", GetChannel).WithProblems(404).WithSummary("One channel, with its opening hours as written.");
        api.MapGet("/channels/{id:guid}/opening-hours", GetOpeningHours).WithProblems(404)
            .WithSummary($"The opening hours of a channel, whether it is open now, and its slots for the next {OpeningHoursOutlook.Days} days.");

        var admin = api.MapGroup("").RequireAuthorization(Acts.CatalogueAdminister);
        admin.MapPost("/organisations", CreateOrganisation).WithProblems(400, 401, 403, 409).WithSummary("Creates an organisation (admins).");
        admin.MapPut("/organisations/{id:guid}", EditOrganisation).WithProblems(400, 401, 403, 404, 409, 422).WithSummary("Replaces an organisation's data (admins).");

        var editor = api.MapGroup("").RequireAuthorization(Acts.CatalogueEdit);
        editor.MapPost("/organisations/{id:guid}/units", CreateUnit).WithProblems(400, 401, 403, 404, 409).WithSummary("Creates a unit, under parentId or at the top.");
        editor.MapPut("/units/{id:guid}", EditUnit).WithProblems(400, 401, 403, 404, 409).WithSummary("Replaces a unit's data; a new parentId moves it in the tree (no cycles).");
        editor.MapPost("/organisations/{id:guid}/channels", CreateChannel).WithProblems(400, 401, 403, 404, 409).WithSummary("Creates a channel (counter, phone, e-mail, web, post).");
        editor.MapPut("/channels/{id:guid}", EditChannel).WithProblems(400, 401, 403, 404, 409).WithSummary("Replaces a channel's data, opening hours included.");
        editor.MapPut("/channels/{id:guid}/opening-hours", SetOpeningHours).WithProblems(400, 401, 403, 404).WithSummary("Replaces a channel's opening hours.");
        editor.MapPost("/organisations/{id:guid}/services", CreateService).WithProblems(400, 401, 403, 404, 409).WithSummary("Creates a service as a draft.");
        editor.MapPut("/services/{id:guid}", EditService).WithProblems(400, 401, 403, 404, 409).WithSummary("Replaces a service's content (draft or published).");
        editor.MapPost("/services/{id:guid}/publish", PublishService).WithProblems(401, 403, 404, 422).WithSummary("Publishes a service: it becomes visible to the public.");
        editor.MapPost("/services/{id:guid}/unpublish", UnpublishService).WithProblems(401, 403, 404).WithSummary("Takes a service back to draft.");
        editor.MapGet("/editor/services", ListEditorServices).WithProblems(400, 401, 403).WithSummary("Every service, drafts included, filtered by ?organisation={id} and ?status=draft|published.");
        editor.MapGet("/editor/services/{id:guid}", GetEditorService).WithProblems(401, 403, 404).WithSummary("One service, draft or published, in the shape PUT accepts.");
        return app;
    }

    /// Every ProblemDetails status an endpoint can answer, so that the OpenAPI document lists them.
    private static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses) endpoint.ProducesProblem(status);
        return endpoint;
    }

    // ---- public reads ---------------------------------------------------------------------

    private static async Task<Ok<List<OrganisationResponse>>> ListOrganisations(bool? external, GuichetDb db, CancellationToken ct)
    {
        var query = db.Set<Organisation>().AsNoTracking();
        if (external is { } e) query = query.Where(o => o.External == e);
        var organisations = await query.OrderBy(o => o.Slug).ToListAsync(ct);
        return TypedResults.Ok(organisations.Select(OrganisationResponse.From).ToList());
    }

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> GetOrganisation(Guid id, GuichetDb db, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return organisation is null ? Problems.NotFound("The organisation") : TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    private static async Task<Results<Ok<List<UnitResponse>>, ProblemHttpResult>> ListUnits(Guid id, GuichetDb db, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return Problems.NotFound("The organisation");
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == id).ToListAsync(ct);
        return TypedResults.Ok(UnitTree.Order(units, organisation.PrimaryLanguage).Select(x => UnitResponse.From(x.Unit, x.Depth)).ToList());
    }

    private static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> GetUnit(Guid id, GuichetDb db, CancellationToken ct)
    {
        var unit = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return Problems.NotFound("The unit");
        return TypedResults.Ok(UnitResponse.From(unit, await DepthAsync(db, unit, ct)));
    }

    private static int Depth(Unit unit, List<Unit> units)
    {
        var depth = 0;
        for (var parent = unit.ParentId; parent is { } p && depth <= units.Count; parent = units.FirstOrDefault(u => u.Id == p)?.ParentId)
            depth++;
        return depth;
    }

    private static async Task<Results<Ok<List<ChannelResponse>>, ProblemHttpResult>> ListChannels(Guid? organisation, string? kind, GuichetDb db, CancellationToken ct)
    {
        if (!TryFilter<ChannelKind>(kind, out var k)) return Problems.Validation("kind", "unknown-code", "Use counter, phone, email, web or post.");
        var query = db.Set<Channel>().AsNoTracking();
        if (organisation is { } o) query = query.Where(c => c.OrganisationId == o);
        if (k is { } only) query = query.Where(c => c.Kind == only);
        var channels = await query.OrderBy(c => c.Slug).ToListAsync(ct);
        return TypedResults.Ok(channels.Select(ChannelResponse.From).ToList());
    }

    private static async Task<Results<Ok<ChannelResponse>, ProblemHttpResult>> GetChannel(Guid id, GuichetDb db, CancellationToken ct)
    {
        var channel = await db.Set<Channel>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return channel is null ? Problems.NotFound("The channel") : TypedResults.Ok(ChannelResponse.From(channel));
    }

    private static async Task<Results<Ok<OpeningHoursResponse>, ProblemHttpResult>> GetOpeningHours(
        Guid id, GuichetDb db, WorkingCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var channel = await db.Set<Channel>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null) return Problems.NotFound("The channel");
        if (channel.OpeningHours is not { } hours) return TypedResults.Ok(new OpeningHoursResponse(id, null, null, []));
        var now = time.GetUtcNow();
        var status = hours.Status(now, calendar);
        var days = OpeningHoursOutlook.NextDays(hours, now, calendar).Select(d => new OpeningDayResponse(
            d.Date, d.Date.DayOfWeek.ToString().ToLowerInvariant(), d.DayOff,
            [.. d.Slots.Select(s => new OpeningSlotResponse(Time(s.Opens), Time(s.Closes), s.OpensAt, s.ClosesAt, s.Reason))])).ToList();
        return TypedResults.Ok(new OpeningHoursResponse(id, hours, new OpenNowResponse(status.IsOpen, status.ClosesAt, status.NextOpening), days));
    }

    /// An optional filter naming a value (?kind=counter, in any case; no numbers): true with null
    /// when absent, false when it names none.
    private static bool TryFilter<TEnum>(string? text, out TEnum? value) where TEnum : struct, Enum
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(text, CultureInfo.InvariantCulture, out _))
            return false;
        value = parsed;
        return true;
    }

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    // ---- editor reads ---------------------------------------------------------------------

    private static async Task<Results<Ok<List<EditorServiceSummary>>, ProblemHttpResult>> ListEditorServices(
        Guid? organisation, string? status, GuichetDb db, CancellationToken ct)
    {
        if (!TryFilter<ServiceStatus>(status, out var st)) return Problems.Validation("status", "unknown-code", "Use draft or published.");
        var query = db.Set<PublicService>().AsNoTracking();
        if (organisation is { } o) query = query.Where(s => s.OrganisationId == o);
        if (st is { } only) query = query.Where(s => s.Status == only);
        var services = await query.OrderBy(s => s.Slug).ToListAsync(ct);
        return TypedResults.Ok(services.Select(EditorServiceSummary.From).ToList());
    }

    private static async Task<Results<Ok<EditorServiceResponse>, ProblemHttpResult>> GetEditorService(Guid id, GuichetDb db, CancellationToken ct)
    {
        var service = await db.Set<PublicService>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return service is null ? Problems.NotFound("The service") : TypedResults.Ok(EditorServiceResponse.From(service));
    }

    // ---- writes ---------------------------------------------------------------------------

    private static async Task<Results<Created<OrganisationResponse>, ProblemHttpResult>> CreateOrganisation(
        OrganisationRequest body, CatalogueWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Created(await work.SaveOrganisationAsync(user, id: null, body, ct), o => $"/api/v1/organisations/{o.Id}", OrganisationResponse.From);

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> EditOrganisation(
        Guid id, OrganisationRequest body, CatalogueWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Ok(await work.SaveOrganisationAsync(user, id, body, ct), OrganisationResponse.From);

    private static async Task<Results<Created<UnitResponse>, ProblemHttpResult>> CreateUnit(
        Guid id, UnitRequest body, CatalogueWork work, ClaimsPrincipal user, GuichetDb db, CancellationToken ct)
    {
        var result = await work.SaveUnitAsync(user, RecordKey.New(id), body, ct);
        var depth = result.Value is { } u ? await DepthAsync(db, u, ct) : 0;
        return Created(result, x => $"/api/v1/units/{x.Id}", x => UnitResponse.From(x, depth));
    }

    private static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> EditUnit(
        Guid id, UnitRequest body, CatalogueWork work, ClaimsPrincipal user, GuichetDb db, CancellationToken ct)
    {
        var result = await work.SaveUnitAsync(user, RecordKey.Existing(id), body, ct);
        var depth = result.Value is { } u ? await DepthAsync(db, u, ct) : 0;
        return Ok(result, x => UnitResponse.From(x, depth));
    }

    private static async Task<int> DepthAsync(GuichetDb db, Unit unit, CancellationToken ct) =>
        Depth(unit, await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == unit.OrganisationId).ToListAsync(ct));

    private static async Task<Results<Created<ChannelResponse>, ProblemHttpResult>> CreateChannel(
        Guid id, ChannelRequest body, CatalogueWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Created(await work.SaveChannelAsync(user, RecordKey.New(id), body, ct), c => $"/api/v1/channels/{c.Id}", ChannelResponse.From);

    private static async Task<Results<Ok<ChannelResponse>, ProblemHttpResult>> EditChannel(
        Guid id, ChannelRequest body, CatalogueWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Ok(await work.SaveChannelAsync(user, RecordKey.Existing(id), body, ct), ChannelResponse.From);

    private static async Task<Results<Ok<ChannelResponse>, ProblemHttpResult>> SetOpeningHours(
        Guid id, OpeningHours body, CatalogueWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Ok(await work.SetOpeningHoursAsync(user, id, body, ct), ChannelResponse.From);

    private static async Task<Results<Created<EditorServiceResponse>, ProblemHttpResult>> CreateService(
        Guid id, ServiceRequest body, CatalogueWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Created(await work.SaveServiceAsync(user, RecordKey.New(id), body, ct), s => $"/api/v1/editor/services/{s.Id}", EditorServiceResponse.From);

    private static async Task<Results<Ok<EditorServiceResponse>, ProblemHttpResult>> EditService(
        Guid id, ServiceRequest body, CatalogueWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Ok(await work.SaveServiceAsync(user, RecordKey.Existing(id), body, ct), EditorServiceResponse.From);

    private static async Task<Results<Ok<EditorServiceResponse>, ProblemHttpResult>> PublishService(
        Guid id, CatalogueWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Ok(await work.PublishServiceAsync(user, id, ct), EditorServiceResponse.From);

    private static async Task<Results<Ok<EditorServiceResponse>, ProblemHttpResult>> UnpublishService(
        Guid id, CatalogueWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Ok(await work.UnpublishServiceAsync(user, id, ct), EditorServiceResponse.From);

    private static Results<Created<TResponse>, ProblemHttpResult> Created<T, TResponse>(Result<T> result, Func<T, string> location, Func<T, TResponse> map)
        where T : class =>
        result.Value is { } value ? TypedResults.Created(location(value), map(value)) : result.ToProblem();

    private static Results<Ok<TResponse>, ProblemHttpResult> Ok<T, TResponse>(Result<T> result, Func<T, TResponse> map)
        where T : class =>
        result.Value is { } value ? TypedResults.Ok(map(value)) : result.ToProblem();
}
