using System.Security.Claims;
using System.Text.Json;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Orient.Catalogue;

/// The catalogue's write use cases, shared by the API and the editor pages. Each one checks in
/// the same order (what it changes exists: 404; the user may change it: 403; the input obeys
/// CatalogueRules: 400; the slug is free: 409), then changes the entity and records the event in
/// one SaveChanges, so that a refused change leaves nothing behind. `inputErrors` are problems the
/// caller found while reading its input (a page's number field that is not a number); they are
/// reported together with the rest.
internal sealed class CatalogueWork(GuichetDb db, EventLog eventLog, CodeLists codes, CatalogueChanges changes, TimeProvider time)
{
    public async Task<EditorScope> ScopeOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return EditorScope.All;
        if (!user.IsInRole(Roles.Editor)) return EditorScope.Nothing;
        if (StaffClaims.UnitOf(user) is not { } unitId) return EditorScope.All;
        var organisationId = await db.Set<Unit>().Where(u => u.Id == unitId).Select(u => (Guid?)u.OrganisationId).FirstOrDefaultAsync(ct);
        return organisationId is null ? EditorScope.Nothing : new EditorScope(false, organisationId);
    }

    // ---- organisations (admins only) ------------------------------------------------------

    public async Task<EditResult<Organisation>> CreateOrganisationAsync(ClaimsPrincipal user, OrganisationRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin)) return EditRefusal.Forbidden;
        var errors = new List<InvalidParam>();
        var content = request.ToContent(errors);
        errors.AddRange(CatalogueRules.Validate(content));
        if (errors.Count > 0) return EditRefusal.Invalid(errors);
        if (await db.Set<Organisation>().AnyAsync(o => o.Slug == content.Slug, ct)) return EditRefusal.SlugTaken("organisation");

        var organisation = new Organisation(Guid.NewGuid(), content, time.GetUtcNow());
        db.Add(organisation);
        eventLog.Record(user, OrientActivities.OrganisationCreated, [new EventLogObject("organisation", organisation.Id.ToString(), Role.Subject)], Attributes(content.Slug));
        if (await SaveAsync(slugOf: "organisation", ct) is { } taken) return taken;
        return organisation;
    }

    public async Task<EditResult<Organisation>> EditOrganisationAsync(ClaimsPrincipal user, Guid id, OrganisationRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin)) return EditRefusal.Forbidden;
        var organisation = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return EditRefusal.NotFound("The organisation");
        var errors = new List<InvalidParam>();
        var content = request.ToContent(errors);
        errors.AddRange(CatalogueRules.Validate(content));
        if (errors.Count > 0) return EditRefusal.Invalid(errors);
        if (await db.Set<Organisation>().AnyAsync(o => o.Slug == content.Slug && o.Id != id, ct)) return EditRefusal.SlugTaken("organisation");
        if (content.PrimaryLanguage != organisation.PrimaryLanguage)
        {
            var uncovered = await TextsMissingInAsync(organisation, content, ct);
            if (uncovered.Count > 0)
                return EditRefusal.Unprocessable("primary-language-not-covered",
                    "Some units, channels or services of this organisation have no text in the new primary language.", uncovered);
        }

        organisation.Update(content, time.GetUtcNow());
        eventLog.Record(user, OrientActivities.OrganisationEdited, [new EventLogObject("organisation", id.ToString(), Role.Subject)], Attributes(content.Slug));
        if (await SaveAsync(slugOf: "organisation", ct) is { } taken) return taken;
        return organisation;
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

    public async Task<EditResult<Unit>> CreateUnitAsync(ClaimsPrincipal user, Guid organisationId, UnitRequest request, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return EditRefusal.NotFound("The organisation");
        if (!(await ScopeOfAsync(user, ct)).Covers(organisationId)) return EditRefusal.Forbidden;
        var units = await UnitsOfAsync(organisationId, ct);
        var content = request.ToContent();
        var errors = CatalogueRules.Validate(content, organisation, units, self: null);
        if (errors.Count > 0) return EditRefusal.Invalid(errors);
        if (units.Any(u => u.Slug == content.Slug)) return EditRefusal.SlugTaken("unit of this organisation");

        var unit = new Unit(Guid.NewGuid(), organisationId, content, time.GetUtcNow());
        db.Add(unit);
        eventLog.Record(user, OrientActivities.UnitCreated, [Object(unit), OrganisationObject(organisationId)], Attributes(content.Slug));
        if (await SaveAsync(slugOf: "unit of this organisation", ct) is { } taken) return taken;
        return unit;
    }

    /// Edits a unit; a new parent moves it (with everything under it) elsewhere in the tree.
    public async Task<EditResult<Unit>> EditUnitAsync(ClaimsPrincipal user, Guid id, UnitRequest request, CancellationToken ct)
    {
        var unit = await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return EditRefusal.NotFound("The unit");
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstAsync(o => o.Id == unit.OrganisationId, ct);
        if (!(await ScopeOfAsync(user, ct)).Covers(organisation.Id)) return EditRefusal.Forbidden;
        var units = await UnitsOfAsync(organisation.Id, ct);
        var content = request.ToContent();
        var errors = CatalogueRules.Validate(content, organisation, units, self: id);
        if (errors.Count > 0) return EditRefusal.Invalid(errors);
        if (units.Any(u => u.Slug == content.Slug && u.Id != id)) return EditRefusal.SlugTaken("unit of this organisation");

        var formerParent = unit.ParentId;
        unit.Update(content, time.GetUtcNow());
        eventLog.Record(user, OrientActivities.UnitEdited, [Object(unit), OrganisationObject(organisation.Id)], Attributes(content.Slug));
        if (formerParent != content.ParentId)
        {
            var objects = new List<EventLogObject> { Object(unit) };
            if (formerParent is { } from) objects.Add(new EventLogObject("unit", from.ToString(), Role.PreviousUnit));
            if (content.ParentId is { } to) objects.Add(new EventLogObject("unit", to.ToString(), "new-parent"));
            eventLog.Record(user, OrientActivities.UnitMoved, objects, new Dictionary<string, object?> { ["formerParentId"] = formerParent, ["newParentId"] = content.ParentId });
        }
        if (await SaveAsync(slugOf: "unit of this organisation", ct) is { } taken) return taken;
        return unit;
    }

    // ---- channels -------------------------------------------------------------------------

    public async Task<EditResult<Channel>> CreateChannelAsync(ClaimsPrincipal user, Guid organisationId, ChannelRequest request, CancellationToken ct,
        IReadOnlyList<InvalidParam>? inputErrors = null)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return EditRefusal.NotFound("The organisation");
        if (!(await ScopeOfAsync(user, ct)).Covers(organisationId)) return EditRefusal.Forbidden;
        var errors = new List<InvalidParam>(inputErrors ?? []);
        var content = request.ToContent(errors);
        errors.AddRange(CatalogueRules.Validate(content, organisation, await UnitsOfAsync(organisationId, ct)));
        if (errors.Count > 0) return EditRefusal.Invalid(errors);
        if (await db.Set<Channel>().AnyAsync(c => c.Slug == content.Slug, ct)) return EditRefusal.SlugTaken("channel");

        var channel = new Channel(Guid.NewGuid(), organisationId, content, time.GetUtcNow());
        db.Add(channel);
        eventLog.Record(user, OrientActivities.ChannelCreated, [Object(channel), OrganisationObject(organisationId)], Attributes(content.Slug));
        if (await SaveAsync(slugOf: "channel", ct) is { } taken) return taken;
        return channel;
    }

    public async Task<EditResult<Channel>> EditChannelAsync(ClaimsPrincipal user, Guid id, ChannelRequest request, CancellationToken ct,
        IReadOnlyList<InvalidParam>? inputErrors = null)
    {
        var channel = await db.Set<Channel>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null) return EditRefusal.NotFound("The channel");
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstAsync(o => o.Id == channel.OrganisationId, ct);
        if (!(await ScopeOfAsync(user, ct)).Covers(organisation.Id)) return EditRefusal.Forbidden;
        var errors = new List<InvalidParam>(inputErrors ?? []);
        var content = request.ToContent(errors);
        errors.AddRange(CatalogueRules.Validate(content, organisation, await UnitsOfAsync(organisation.Id, ct)));
        if (errors.Count > 0) return EditRefusal.Invalid(errors);
        if (await db.Set<Channel>().AnyAsync(c => c.Slug == content.Slug && c.Id != id, ct)) return EditRefusal.SlugTaken("channel");

        var hoursChanged = !SameHours(channel.OpeningHours, content.OpeningHours);
        channel.Update(content, time.GetUtcNow());
        eventLog.Record(user, OrientActivities.ChannelEdited, [Object(channel), OrganisationObject(organisation.Id)], Attributes(content.Slug));
        if (hoursChanged)
            eventLog.Record(user, OrientActivities.OpeningHoursChanged, [Object(channel)], Attributes(content.Slug));
        if (await SaveAsync(slugOf: "channel", ct) is { } taken) return taken;
        return channel;
    }

    /// Replaces the opening hours of a channel. Field names in errors are relative to the hours
    /// document ("periods[0].hours[1].opens"), since the document is the whole input here.
    public async Task<EditResult<Channel>> SetOpeningHoursAsync(ClaimsPrincipal user, Guid channelId, OpeningHours? hours, CancellationToken ct)
    {
        var channel = await db.Set<Channel>().FirstOrDefaultAsync(c => c.Id == channelId, ct);
        if (channel is null) return EditRefusal.NotFound("The channel");
        if (!(await ScopeOfAsync(user, ct)).Covers(channel.OrganisationId)) return EditRefusal.Forbidden;
        if (hours is not null)
        {
            var errors = CatalogueRules.OpeningHoursErrors(hours).Select(e => e with { Name = e.Name["openingHours.".Length..] }).ToList();
            if (errors.Count > 0) return EditRefusal.Invalid(errors);
        }

        channel.SetOpeningHours(hours, time.GetUtcNow());
        eventLog.Record(user, OrientActivities.OpeningHoursChanged, [Object(channel)], Attributes(channel.Slug));
        await SaveAsync(slugOf: null, ct);
        return channel;
    }

    private static bool SameHours(OpeningHours? a, OpeningHours? b) =>
        JsonSerializer.Serialize(a, JsonColumn.Options) == JsonSerializer.Serialize(b, JsonColumn.Options);

    // ---- services -------------------------------------------------------------------------

    /// Creates a service as a draft: nobody outside sees it until it is published.
    public async Task<EditResult<PublicService>> CreateServiceAsync(ClaimsPrincipal user, Guid organisationId, ServiceRequest request, CancellationToken ct,
        IReadOnlyList<InvalidParam>? inputErrors = null)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return EditRefusal.NotFound("The organisation");
        if (!(await ScopeOfAsync(user, ct)).Covers(organisationId)) return EditRefusal.Forbidden;
        var errors = new List<InvalidParam>(inputErrors ?? []);
        var content = request.ToContent(errors);
        errors.AddRange(CatalogueRules.Validate(content, organisation, await UnitsOfAsync(organisationId, ct), await ChannelsOfAsync(organisationId, ct), codes));
        if (errors.Count > 0) return EditRefusal.Invalid(errors);
        if (await db.Set<PublicService>().AnyAsync(s => s.Slug == content.Slug, ct)) return EditRefusal.SlugTaken("service");

        var service = new PublicService(Guid.NewGuid(), organisationId, content, time.GetUtcNow());
        db.Add(service);
        eventLog.Record(user, OrientActivities.ServiceCreated, [Object(service), OrganisationObject(organisationId)], Attributes(content.Slug));
        if (await SaveAsync(slugOf: "service", ct) is { } taken) return taken;
        return service;
    }

    /// Replaces the content of a service; a published service stays published with the new content.
    public async Task<EditResult<PublicService>> EditServiceAsync(ClaimsPrincipal user, Guid id, ServiceRequest request, CancellationToken ct,
        IReadOnlyList<InvalidParam>? inputErrors = null)
    {
        var service = await db.Set<PublicService>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null) return EditRefusal.NotFound("The service");
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstAsync(o => o.Id == service.OrganisationId, ct);
        if (!(await ScopeOfAsync(user, ct)).Covers(organisation.Id)) return EditRefusal.Forbidden;
        var errors = new List<InvalidParam>(inputErrors ?? []);
        var content = request.ToContent(errors);
        errors.AddRange(CatalogueRules.Validate(content, organisation, await UnitsOfAsync(organisation.Id, ct), await ChannelsOfAsync(organisation.Id, ct), codes));
        if (errors.Count > 0) return EditRefusal.Invalid(errors);
        if (await db.Set<PublicService>().AnyAsync(s => s.Slug == content.Slug && s.Id != id, ct)) return EditRefusal.SlugTaken("service");

        service.Edit(content, time.GetUtcNow());
        eventLog.Record(user, OrientActivities.ServiceEdited, [Object(service), OrganisationObject(organisation.Id)],
            Attributes(content.Slug, ("status", service.Status.ToString().ToLowerInvariant())));
        if (await SaveAsync(slugOf: "service", ct) is { } taken) return taken;
        return service;
    }

    /// Publishing an already published service changes nothing and records nothing.
    public async Task<EditResult<PublicService>> PublishServiceAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var service = await db.Set<PublicService>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null) return EditRefusal.NotFound("The service");
        if (!(await ScopeOfAsync(user, ct)).Covers(service.OrganisationId)) return EditRefusal.Forbidden;
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == service.OrganisationId, ct);
        if (organisation is null)
            return EditRefusal.Unprocessable("organisation-missing", "The service's organisation does not exist.", []);
        // Saved content was valid when saved; the rules are checked again because what it refers
        // to (units, channels, the primary language) may have changed since.
        var errors = CatalogueRules.Validate(service.Content, organisation, await UnitsOfAsync(organisation.Id, ct), await ChannelsOfAsync(organisation.Id, ct), codes);
        if (errors.Count > 0)
            return EditRefusal.Unprocessable("service-invalid", "The service cannot be published until its content is valid.", errors);
        if (service.IsPublished) return service;

        service.Publish(time.GetUtcNow());
        eventLog.Record(user, OrientActivities.ServicePublished, [Object(service), OrganisationObject(organisation.Id)], Attributes(service.Slug));
        await SaveAsync(slugOf: null, ct);
        return service;
    }

    /// Takes a service back to draft: it disappears from search, the public API and the exports.
    public async Task<EditResult<PublicService>> UnpublishServiceAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var service = await db.Set<PublicService>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null) return EditRefusal.NotFound("The service");
        if (!(await ScopeOfAsync(user, ct)).Covers(service.OrganisationId)) return EditRefusal.Forbidden;
        if (!service.IsPublished) return service;

        service.Unpublish(time.GetUtcNow());
        eventLog.Record(user, OrientActivities.ServiceUnpublished, [Object(service), OrganisationObject(service.OrganisationId)], Attributes(service.Slug));
        await SaveAsync(slugOf: null, ct);
        return service;
    }

    // ---- helpers --------------------------------------------------------------------------

    private Task<List<Unit>> UnitsOfAsync(Guid organisationId, CancellationToken ct) =>
        db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == organisationId).ToListAsync(ct);

    private Task<List<Channel>> ChannelsOfAsync(Guid organisationId, CancellationToken ct) =>
        db.Set<Channel>().AsNoTracking().Where(c => c.OrganisationId == organisationId).ToListAsync(ct);

    private static EventLogObject Object(Unit u) => new("unit", u.Id.ToString(), Role.Subject);
    private static EventLogObject Object(Channel c) => new("channel", c.Id.ToString(), Role.Subject);
    private static EventLogObject Object(PublicService s) => new("service", s.Id.ToString(), Role.Subject);
    private static EventLogObject OrganisationObject(Guid id) => new("organisation", id.ToString(), Role.Owner);

    private static Dictionary<string, object?> Attributes(string slug, params (string Key, object? Value)[] more)
    {
        var attributes = new Dictionary<string, object?> { ["slug"] = slug };
        foreach (var (key, value) in more) attributes[key] = value;
        return attributes;
    }

    /// Saves the change with a new catalogue version stamp (ADR 0005), or reports the slug as
    /// taken when a concurrent request saved the same slug first (the check above cannot see a
    /// row that is not committed yet; the unique index can).
    private async Task<EditRefusal?> SaveAsync(string? slugOf, CancellationToken ct)
    {
        CatalogueVersion.Bump(db);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (slugOf is not null && DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return EditRefusal.SlugTaken(slugOf);
        }
        changes.Saved();
        return null;
    }
}
