namespace Guichet.Orient.Catalogue;

/// Which unit, channel or service a change is about: a new one in an organisation, or an existing one.
internal readonly record struct RecordKey(Guid? OrganisationId, Guid? Id)
{
    public static RecordKey New(Guid organisationId) => new(organisationId, null);

    public static RecordKey Existing(Guid id) => new(null, id);
}

/// The catalogue's write use cases, shared by the API and the editor pages. Each one checks in
/// the same order (what it changes exists: 404; the user may change it: 403; the input obeys
/// CatalogueRules: 400; the slug is free: 409), then changes the entity and records the event in
/// one SaveChanges, so that a refused change leaves nothing behind. `inputErrors` are problems the
/// caller found while reading its input (a page's number field that is not a number); they are
/// reported together with the rest. Creating and editing a record are one use case: they differ
/// only in where the record comes from (a RecordKey).
internal sealed class CatalogueWork(GuichetDb db, EventLog eventLog, CodeLists codes, CatalogueChanges changes, TimeProvider time)
{
    public const string SlugTakenCode = "slug-taken";

    public static readonly Refusal Forbidden =
        new(StatusCodes.Status403Forbidden, "forbidden", "Your account may not change this part of the catalogue.");

    private static readonly Refusal OrganisationMissing =
        new(StatusCodes.Status422UnprocessableEntity, "organisation-missing", "The service's organisation does not exist.");

    /// What the use cases tell apart between units, channels and services: the name of the kind
    /// (in messages and journal objects), the slug's scope, and the activities of a change.
    private sealed record Kind<T>(string Name, string SlugOf, bool SlugPerOrganisation, Activity Created, Activity Edited)
        where T : class, ICatalogueRecord;

    private static readonly Kind<Unit> Units = new("unit", "unit of this organisation", true, OrientActivities.UnitCreated, OrientActivities.UnitEdited);
    private static readonly Kind<Channel> Channels = new("channel", "channel", false, OrientActivities.ChannelCreated, OrientActivities.ChannelEdited);
    private static readonly Kind<PublicService> Services = new("service", "service", false, OrientActivities.ServiceCreated, OrientActivities.ServiceEdited);

    /// The record a change is about (tracked; null when it is created) and its organisation.
    private sealed record Target<T>(T? Record, Organisation Organisation) where T : class;

    public async Task<EditorScope> ScopeOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return EditorScope.All;
        if (!user.IsInRole(Roles.Editor)) return EditorScope.Nothing;
        if (StaffClaims.UnitOf(user) is not { } unitId) return EditorScope.All;
        var organisationId = await db.Set<Unit>().Where(u => u.Id == unitId).Select(u => (Guid?)u.OrganisationId).FirstOrDefaultAsync(ct);
        return organisationId is null ? EditorScope.Nothing : new EditorScope(false, organisationId);
    }

    /// The organisation, when it exists and the user may change what is in it.
    public async Task<Result<Organisation>> OrganisationInScopeAsync(ClaimsPrincipal user, Guid? id, CancellationToken ct)
    {
        var organisation = id is null ? null : await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return Result<Organisation>.NotFound("The organisation");
        if (!(await ScopeOfAsync(user, ct)).Covers(organisation.Id)) return Result<Organisation>.Refused(Forbidden);
        return organisation;
    }

    // ---- organisations (admins only) ------------------------------------------------------

    /// Creates an organisation (<paramref name="id"/> null) or replaces one's data.
    public async Task<Result<Organisation>> SaveOrganisationAsync(ClaimsPrincipal user, Guid? id, OrganisationRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin)) return Result<Organisation>.Refused(Forbidden);
        var organisation = id is null ? null : await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (id is not null && organisation is null) return Result<Organisation>.NotFound("The organisation");
        var errors = new List<InvalidParam>();
        var content = request.ToContent(errors);
        errors.AddRange(CatalogueRules.Validate(content));
        if (errors.Count > 0) return Result<Organisation>.Invalid(errors);
        if (await db.Set<Organisation>().AnyAsync(o => o.Slug == content.Slug && (id == null || o.Id != id), ct)) return SlugTaken<Organisation>("organisation");
        if (organisation is not null && content.PrimaryLanguage != organisation.PrimaryLanguage)
        {
            var uncovered = await TextsMissingInAsync(organisation, content, ct);
            if (uncovered.Count > 0)
                return Result<Organisation>.Refused(new Refusal(StatusCodes.Status422UnprocessableEntity, "primary-language-not-covered",
                    "Some units, channels or services of this organisation have no text in the new primary language."), uncovered);
        }

        if (organisation is null)
        {
            organisation = new Organisation(Guid.NewGuid(), content, time.GetUtcNow());
            db.Add(organisation);
        }
        else organisation.Update(content, time.GetUtcNow());
        eventLog.Record(user, id is null ? OrientActivities.OrganisationCreated : OrientActivities.OrganisationEdited,
            [new EventLogObject("organisation", organisation.Id.ToString(), Role.Subject)], Attributes(content.Slug));
        return await SaveAsync(organisation, slugOf: "organisation", ct);
    }

    /// Every text is required in the primary language: changing it must not leave content behind.
    private async Task<List<InvalidParam>> TextsMissingInAsync(Organisation organisation, OrganisationContent content, CancellationToken ct)
    {
        var probe = new Organisation(organisation.Id, content, organisation.UpdatedAt);
        var units = await UnitsOfAsync(organisation.Id, ct);
        var channels = await ChannelsOfAsync(organisation.Id, ct);
        var services = await db.Set<PublicService>().AsNoTracking().Where(s => s.OrganisationId == organisation.Id).ToListAsync(ct);
        var uncovered = new List<InvalidParam>();
        void Check(string what, string slug, List<InvalidParam> errors)
        {
            if (errors.FirstOrDefault() is { } first)
                uncovered.Add(new InvalidParam($"{what}/{slug}", first.Code, $"{what} '{slug}': {first.Name} {first.Reason}"));
        }
        foreach (var u in units) Check("units", u.Slug, CatalogueRules.Validate(UnitRequest.From(u).ToContent(), probe, units, u.Id));
        foreach (var c in channels) Check("channels", c.Slug, CatalogueRules.Validate(ChannelRequest.From(c).ToContent([]), probe, units));
        foreach (var s in services) Check("services", s.Slug, CatalogueRules.Validate(s.Content, probe, units, channels, codes));
        return uncovered;
    }

    // ---- units ----------------------------------------------------------------------------

    /// Creates or edits a unit; a new parent moves it (with everything under it) elsewhere in the tree.
    public async Task<Result<Unit>> SaveUnitAsync(ClaimsPrincipal user, RecordKey key, UnitRequest request, CancellationToken ct)
    {
        var target = await TargetAsync(user, Units, key, ct);
        if (target.Value is not (var unit, var organisation)) return target.As<Unit>();
        var content = request.ToContent();
        var errors = CatalogueRules.Validate(content, organisation, await UnitsOfAsync(organisation.Id, ct), self: key.Id);
        if (await RefusedAsync(Units, errors, content.Slug, organisation.Id, key.Id, ct) is { } refused) return refused;
        if (unit is null) return await AddAsync(user, Units, new Unit(Guid.NewGuid(), organisation.Id, content, time.GetUtcNow()), ct);

        var formerParent = unit.ParentId;
        unit.Update(content, time.GetUtcNow());
        RecordEdited(user, Units, unit);
        if (formerParent != content.ParentId)
        {
            var objects = new List<EventLogObject> { Subject(Units, unit) };
            if (formerParent is { } from) objects.Add(new EventLogObject("unit", from.ToString(), Role.PreviousUnit));
            if (content.ParentId is { } to) objects.Add(new EventLogObject("unit", to.ToString(), Role.NewParent));
            eventLog.Record(user, OrientActivities.UnitMoved, objects, new Dictionary<string, object?> { ["formerParentId"] = formerParent, ["newParentId"] = content.ParentId });
        }
        return await SaveAsync(unit, Units.SlugOf, ct);
    }

    // ---- channels -------------------------------------------------------------------------

    /// Creates or edits a channel; a change of its opening hours is recorded as such too.
    public async Task<Result<Channel>> SaveChannelAsync(ClaimsPrincipal user, RecordKey key, ChannelRequest request, CancellationToken ct,
        IReadOnlyList<InvalidParam>? inputErrors = null)
    {
        var target = await TargetAsync(user, Channels, key, ct);
        if (target.Value is not (var channel, var organisation)) return target.As<Channel>();
        var errors = new List<InvalidParam>(inputErrors ?? []);
        var content = request.ToContent(errors);
        errors.AddRange(CatalogueRules.Validate(content, organisation, await UnitsOfAsync(organisation.Id, ct)));
        if (await RefusedAsync(Channels, errors, content.Slug, organisation.Id, key.Id, ct) is { } refused) return refused;
        if (channel is null) return await AddAsync(user, Channels, new Channel(Guid.NewGuid(), organisation.Id, content, time.GetUtcNow()), ct);

        var hoursChanged = !SameHours(channel.OpeningHours, content.OpeningHours);
        channel.Update(content, time.GetUtcNow());
        RecordEdited(user, Channels, channel);
        if (hoursChanged)
            eventLog.Record(user, OrientActivities.OpeningHoursChanged, [Subject(Channels, channel)], Attributes(content.Slug));
        return await SaveAsync(channel, Channels.SlugOf, ct);
    }

    /// Replaces the opening hours of a channel. Field names in errors are relative to the hours
    /// document ("periods[0].hours[1].opens"), since the document is the whole input here.
    public async Task<Result<Channel>> SetOpeningHoursAsync(ClaimsPrincipal user, Guid channelId, OpeningHours? hours, CancellationToken ct)
    {
        var target = await TargetAsync(user, Channels, RecordKey.Existing(channelId), ct);
        if (target.Value is not (Channel channel, _)) return target.As<Channel>();
        if (hours is not null)
        {
            var errors = CatalogueRules.OpeningHoursErrors(hours).Select(e => e with { Name = e.Name["openingHours.".Length..] }).ToList();
            if (errors.Count > 0) return Result<Channel>.Invalid(errors);
        }

        channel.SetOpeningHours(hours, time.GetUtcNow());
        eventLog.Record(user, OrientActivities.OpeningHoursChanged, [Subject(Channels, channel)], Attributes(channel.Slug));
        return await SaveAsync(channel, slugOf: null, ct);
    }

    private static bool SameHours(OpeningHours? a, OpeningHours? b) =>
        JsonSerializer.Serialize(a, JsonColumn.Options) == JsonSerializer.Serialize(b, JsonColumn.Options);

    // ---- services -------------------------------------------------------------------------

    /// Creates a service as a draft (nobody outside sees it until it is published), or replaces the
    /// content of one: a published service stays published with the new content.
    public async Task<Result<PublicService>> SaveServiceAsync(ClaimsPrincipal user, RecordKey key, ServiceRequest request, CancellationToken ct,
        IReadOnlyList<InvalidParam>? inputErrors = null)
    {
        var target = await TargetAsync(user, Services, key, ct);
        if (target.Value is not (var service, var organisation)) return target.As<PublicService>();
        var errors = new List<InvalidParam>(inputErrors ?? []);
        var content = request.ToContent(errors);
        errors.AddRange(await ServiceErrorsAsync(content, organisation, ct));
        if (await RefusedAsync(Services, errors, content.Slug, organisation.Id, key.Id, ct) is { } refused) return refused;
        if (service is null) return await AddAsync(user, Services, new PublicService(Guid.NewGuid(), organisation.Id, content, time.GetUtcNow()), ct);

        service.Edit(content, time.GetUtcNow());
        RecordEdited(user, Services, service, ("status", service.Status.ToString().ToLowerInvariant()));
        return await SaveAsync(service, Services.SlugOf, ct);
    }

    /// Publishing an already published service changes nothing and records nothing.
    public async Task<Result<PublicService>> PublishServiceAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var target = await TargetAsync(user, Services, RecordKey.Existing(id), ct);
        if (target.Value is not (PublicService service, var organisation)) return target.As<PublicService>();
        // Saved content was valid when saved; the rules are checked again because what it refers
        // to (units, channels, the primary language) may have changed since.
        var errors = await ServiceErrorsAsync(service.Content, organisation, ct);
        if (errors.Count > 0)
            return Result<PublicService>.Refused(new Refusal(StatusCodes.Status422UnprocessableEntity, "service-invalid",
                "The service cannot be published until its content is valid."), errors);
        if (service.IsPublished) return service;

        service.Publish(time.GetUtcNow());
        RecordChange(user, OrientActivities.ServicePublished, Services, service);
        return await SaveAsync(service, slugOf: null, ct);
    }

    /// Takes a service back to draft: it disappears from search, the public API and the exports.
    public async Task<Result<PublicService>> UnpublishServiceAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var target = await TargetAsync(user, Services, RecordKey.Existing(id), ct);
        if (target.Value is not (PublicService service, _)) return target.As<PublicService>();
        if (!service.IsPublished) return service;

        service.Unpublish(time.GetUtcNow());
        RecordChange(user, OrientActivities.ServiceUnpublished, Services, service);
        return await SaveAsync(service, slugOf: null, ct);
    }

    private async Task<List<InvalidParam>> ServiceErrorsAsync(ServiceContent content, Organisation organisation, CancellationToken ct) =>
        CatalogueRules.Validate(content, organisation, await UnitsOfAsync(organisation.Id, ct), await ChannelsOfAsync(organisation.Id, ct), codes);

    // ---- the steps every change of a unit, channel or service takes --------------------------

    /// A new record's organisation; an existing record (tracked, to be changed) with its organisation.
    private async Task<Result<Target<T>>> TargetAsync<T>(ClaimsPrincipal user, Kind<T> kind, RecordKey key, CancellationToken ct)
        where T : class, ICatalogueRecord
    {
        if (key.Id is not { } id)
        {
            var found = await OrganisationInScopeAsync(user, key.OrganisationId, ct);
            return found.Value is { } organisation ? new Target<T>(null, organisation) : found.As<Target<T>>();
        }
        var record = await db.Set<T>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (record is null) return Result<Target<T>>.NotFound($"The {kind.Name}");
        if (!(await ScopeOfAsync(user, ct)).Covers(record.OrganisationId)) return Result<Target<T>>.Refused(Forbidden);
        var owner = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == record.OrganisationId, ct);
        return owner is null ? Result<Target<T>>.Refused(OrganisationMissing) : new Target<T>(record, owner);
    }

    /// The input's errors (400), else the slug another record already has (409), else null: the
    /// change may go ahead.
    private async Task<Result<T>?> RefusedAsync<T>(Kind<T> kind, List<InvalidParam> errors, string slug, Guid organisationId, Guid? self, CancellationToken ct)
        where T : class, ICatalogueRecord
    {
        if (errors.Count > 0) return Result<T>.Invalid(errors);
        var others = db.Set<T>().Where(x => x.Slug == slug);
        if (kind.SlugPerOrganisation) others = others.Where(x => x.OrganisationId == organisationId);
        if (self is { } me) others = others.Where(x => x.Id != me);
        return await others.AnyAsync(ct) ? SlugTaken<T>(kind.SlugOf) : null;
    }

    private async Task<Result<T>> AddAsync<T>(ClaimsPrincipal user, Kind<T> kind, T record, CancellationToken ct) where T : class, ICatalogueRecord
    {
        db.Add(record);
        RecordChange(user, kind.Created, kind, record);
        return await SaveAsync(record, kind.SlugOf, ct);
    }

    private void RecordEdited<T>(ClaimsPrincipal user, Kind<T> kind, T record, params (string Key, object? Value)[] more) where T : class, ICatalogueRecord =>
        RecordChange(user, kind.Edited, kind, record, more);

    /// The journal entry of a change: the record as subject, its organisation as owner, its slug.
    private void RecordChange<T>(ClaimsPrincipal user, Activity activity, Kind<T> kind, T record, params (string Key, object? Value)[] more)
        where T : class, ICatalogueRecord =>
        eventLog.Record(user, activity, [Subject(kind, record), new EventLogObject("organisation", record.OrganisationId.ToString(), Role.Owner)],
            Attributes(record.Slug, more));

    private Task<List<Unit>> UnitsOfAsync(Guid organisationId, CancellationToken ct) =>
        db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == organisationId).ToListAsync(ct);

    private Task<List<Channel>> ChannelsOfAsync(Guid organisationId, CancellationToken ct) =>
        db.Set<Channel>().AsNoTracking().Where(c => c.OrganisationId == organisationId).ToListAsync(ct);

    private static EventLogObject Subject<T>(Kind<T> kind, T record) where T : class, ICatalogueRecord =>
        new(kind.Name, record.Id.ToString(), Role.Subject);

    private static Dictionary<string, object?> Attributes(string slug, params (string Key, object? Value)[] more)
    {
        var attributes = new Dictionary<string, object?> { ["slug"] = slug };
        foreach (var (key, value) in more) attributes[key] = value;
        return attributes;
    }

    private static Result<T> SlugTaken<T>(string what) where T : class
    {
        var title = $"Another {what} already uses this slug.";
        return Result<T>.Refused(new Refusal(StatusCodes.Status409Conflict, SlugTakenCode, title), [new InvalidParam("slug", SlugTakenCode, title)]);
    }

    /// Saves the change with a new catalogue version stamp (ADR 0005), or reports the slug as
    /// taken when a concurrent request saved the same slug first (the check above cannot see a
    /// row that is not committed yet; the unique index can).
    private async Task<Result<T>> SaveAsync<T>(T record, string? slugOf, CancellationToken ct) where T : class
    {
        CatalogueVersion.Bump(db);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (slugOf is not null && DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return SlugTaken<T>(slugOf);
        }
        changes.Saved();
        return record;
    }
}
