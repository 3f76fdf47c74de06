namespace Guichet.Orient.Catalogue;

/// What later stages may ask the catalogue, so that they never read its tables: who provides a
/// service, what a unit is called, which units an organisation has, its counters and the services
/// offered there.
internal sealed class CatalogueDirectory(GuichetDb db)
{
    public sealed record Provider(Guid ServiceId, Guid OrganisationId, LocalizedText OrganisationName, string PrimaryLanguage);

    public sealed record UnitEntry(Guid Id, Guid OrganisationId, LocalizedText Name);

    public sealed record OrganisationEntry(Guid Id, LocalizedText Name, string PrimaryLanguage);

    /// A published service with who provides it, whether that is another body, and how to reach them.
    public sealed record ServiceEntry(Guid Id, LocalizedText Name, Guid? UnitId, Provider Provider, bool External, IReadOnlyList<ContactPoint> ContactPoints)
    {
        /// What the person brings or sends (CPSV-AP Evidence), as the catalogue lists it.
        public IReadOnlyList<LocalizedText> Evidence { get; init; } = [];
    }

    public sealed record ContactPoint(ChannelKind Kind, LocalizedText Name, string? Phone, string? Email, string? Url, string? Address);

    /// A counter (or any channel) with what an appointment needs: where it is, when it opens.
    /// Address in the organisation's primary language, as on the contact points.
    public sealed record CounterEntry(Guid Id, Guid OrganisationId, ChannelKind Kind, LocalizedText Name, string? Address, OpeningHours? OpeningHours, string PrimaryLanguage);

    public async Task<IReadOnlyList<CounterEntry>> CountersAsync(IEnumerable<Guid> channelIds, CancellationToken ct)
    {
        var ids = channelIds.Distinct().ToList();
        var channels = await db.Set<Channel>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var organisationIds = channels.Select(c => c.OrganisationId).Distinct().ToList();
        var languages = await db.Set<Organisation>().AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.PrimaryLanguage, ct);
        return channels.Select(c =>
        {
            var primary = languages.GetValueOrDefault(c.OrganisationId, "fr");
            return new CounterEntry(c.Id, c.OrganisationId, c.Kind, c.Name,
                c.Address is { } a ? $"{a.Street}, {a.Postcode} {a.City.Resolve(primary, primary).Text}" : null, c.OpeningHours, primary);
        }).ToList();
    }

    public async Task<CounterEntry?> CounterAsync(Guid channelId, CancellationToken ct) => (await CountersAsync([channelId], ct)).FirstOrDefault();

    /// Published services by id (name and provider), for lists that show many at once.
    public async Task<IReadOnlyDictionary<Guid, LocalizedText>> PublishedServiceNamesAsync(IEnumerable<Guid> serviceIds, CancellationToken ct)
    {
        var ids = serviceIds.Distinct().ToList();
        var services = await db.Set<PublicService>().AsNoTracking().Where(s => ids.Contains(s.Id) && s.Status == ServiceStatus.Published).ToListAsync(ct);
        return services.ToDictionary(s => s.Id, s => s.Content.Name);
    }

    /// A channel; Kind is the catalogue's kind in lower case ("counter", "phone", ...).
    public sealed record ChannelEntry(Guid Id, Guid OrganisationId, Guid? UnitId, string Slug, string Kind, LocalizedText Name, string PrimaryLanguage)
    {
        public bool IsCounter => Kind == "counter";
    }

    public sealed record ServiceRecord(Guid Id, Guid OrganisationId, string Slug, LocalizedText Name, bool Published, string PrimaryLanguage, IReadOnlyList<Guid> ChannelIds)
    {
        /// The unit that provides it, as the catalogue says.
        public Guid? UnitId { get; init; }
        /// Its legal basis (CPSV-AP hasLegalResource).
        public IReadOnlyList<LegalResource> LegalResources { get; init; } = [];
    }

    public async Task<Provider?> ProviderOfAsync(Guid serviceId, CancellationToken ct)
    {
        var service = await db.Set<PublicService>().AsNoTracking().Where(s => s.Id == serviceId).Select(s => new { s.Id, s.OrganisationId }).FirstOrDefaultAsync(ct);
        if (service is null) return null;
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstAsync(o => o.Id == service.OrganisationId, ct);
        return new Provider(service.Id, organisation.Id, organisation.Name, organisation.PrimaryLanguage);
    }

    /// A published service of the catalogue, or null.
    public async Task<ServiceEntry?> PublishedServiceAsync(Guid serviceId, CancellationToken ct)
    {
        var service = await db.Set<PublicService>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId && s.Status == ServiceStatus.Published, ct);
        if (service is null) return null;
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstAsync(o => o.Id == service.OrganisationId, ct);
        var ids = service.Content.ChannelIds.ToList();
        var channels = await db.Set<Channel>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var points = ids.Select(i => channels.FirstOrDefault(c => c.Id == i)).OfType<Channel>()
            .Select(c => new ContactPoint(c.Kind, c.Name, c.Phone, c.Email, c.Url,
                c.Address is { } a ? $"{a.Street}, {a.Postcode} {a.City.Resolve(organisation.PrimaryLanguage, organisation.PrimaryLanguage).Text}" : null))
            .ToList();
        return new ServiceEntry(service.Id, service.Content.Name, service.UnitId,
            new Provider(service.Id, organisation.Id, organisation.Name, organisation.PrimaryLanguage), organisation.External, points)
        { Evidence = service.Content.Evidence };
    }

    /// A published service of one of the organisation's own bodies (not another body's), as the
    /// channels that list what can be asked (Open311) show it.
    public sealed record OwnServiceEntry(Guid Id, string Slug, LocalizedText Name, LocalizedText Description, LocalizedKeywords Keywords,
        IReadOnlyList<string> Themes, Guid? UnitId, string OrganisationSlug, string PrimaryLanguage);

    /// The published services of the own organisations, by slug; only the one with this slug when given.
    public async Task<IReadOnlyList<OwnServiceEntry>> PublishedOwnServicesAsync(string? slug, CancellationToken ct)
    {
        var query = db.Set<PublicService>().AsNoTracking().Where(s => s.Status == ServiceStatus.Published);
        if (slug is not null) query = query.Where(s => s.Slug == slug);
        var rows = await query
            .Join(db.Set<Organisation>().AsNoTracking().Where(o => !o.External), s => s.OrganisationId, o => o.Id, (s, o) => new { Service = s, o.Slug, o.PrimaryLanguage })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Service.Slug, StringComparer.Ordinal)
            .Select(r => new OwnServiceEntry(r.Service.Id, r.Service.Slug, r.Service.Content.Name, r.Service.Content.Description, r.Service.Content.Keywords,
                r.Service.Content.Themes, r.Service.UnitId, r.Slug, r.PrimaryLanguage))
            .ToList();
    }

    public async Task<UnitEntry?> UnitAsync(Guid unitId, CancellationToken ct) =>
        await db.Set<Unit>().AsNoTracking().Where(u => u.Id == unitId).Select(u => new UnitEntry(u.Id, u.OrganisationId, u.Name)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<UnitEntry>> UnitsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<Unit>().AsNoTracking().Where(u => list.Contains(u.Id)).Select(u => new UnitEntry(u.Id, u.OrganisationId, u.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<UnitEntry>> UnitsOfAsync(Guid organisationId, CancellationToken ct) =>
        await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == organisationId).Select(u => new UnitEntry(u.Id, u.OrganisationId, u.Name)).ToListAsync(ct);

    /// The organisation's own organisations (not the external bodies it refers to).
    public async Task<IReadOnlyList<OrganisationEntry>> OwnOrganisationsAsync(CancellationToken ct) =>
        await db.Set<Organisation>().AsNoTracking().Where(o => !o.External).OrderBy(o => o.Slug)
            .Select(o => new OrganisationEntry(o.Id, o.Name, o.PrimaryLanguage)).ToListAsync(ct);

    /// The units of the organisation's own organisations (not the external bodies it refers to).
    public async Task<IReadOnlyList<UnitEntry>> OwnUnitsAsync(CancellationToken ct) =>
        await db.Set<Unit>().AsNoTracking().Join(db.Set<Organisation>().AsNoTracking().Where(o => !o.External), u => u.OrganisationId, o => o.Id, (u, o) => u)
            .Select(u => new UnitEntry(u.Id, u.OrganisationId, u.Name)).ToListAsync(ct);

    public async Task<ChannelEntry?> ChannelAsync(Guid channelId, CancellationToken ct) =>
        (await ChannelsAsync([channelId], ct)).FirstOrDefault();

    public async Task<IReadOnlyList<ChannelEntry>> ChannelsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await ChannelEntries(db.Set<Channel>().AsNoTracking().Where(c => list.Contains(c.Id)), ct);
    }

    /// Every counter (walk-in desk) of the catalogue, or of one organisation.
    public async Task<IReadOnlyList<ChannelEntry>> CountersOfOrganisationAsync(Guid? organisationId, CancellationToken ct)
    {
        var counters = db.Set<Channel>().AsNoTracking().Where(c => c.Kind == ChannelKind.Counter);
        if (organisationId is { } o) counters = counters.Where(c => c.OrganisationId == o);
        return await ChannelEntries(counters, ct);
    }

    private async Task<IReadOnlyList<ChannelEntry>> ChannelEntries(IQueryable<Channel> channels, CancellationToken ct)
    {
        var rows = await channels.Join(db.Set<Organisation>(), c => c.OrganisationId, o => o.Id, (c, o) => new { c.Id, c.OrganisationId, c.UnitId, c.Slug, c.Kind, c.Name, o.PrimaryLanguage })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ChannelEntry(r.Id, r.OrganisationId, r.UnitId, r.Slug, r.Kind.ToString().ToLowerInvariant(), r.Name, r.PrimaryLanguage)).OrderBy(c => c.Slug, StringComparer.Ordinal)];
    }

    public async Task<ServiceRecord?> ServiceAsync(Guid serviceId, CancellationToken ct) =>
        (await ServicesAsync([serviceId], ct)).FirstOrDefault();

    public async Task<IReadOnlyList<ServiceRecord>> ServicesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await ServiceEntries(db.Set<PublicService>().AsNoTracking().Where(s => list.Contains(s.Id)), ct);
    }

    /// Every service of the organisation's own organisations (not the external bodies it refers
    /// to), published or not.
    public async Task<IReadOnlyList<ServiceRecord>> OwnServicesAsync(CancellationToken ct) =>
        await ServiceEntries(db.Set<PublicService>().AsNoTracking()
            .Where(s => db.Set<Organisation>().Any(o => o.Id == s.OrganisationId && !o.External)), ct);

    /// The services the catalogue says are offered at a channel (published or not).
    public async Task<IReadOnlyList<ServiceRecord>> ServicesAtAsync(Guid channelId, CancellationToken ct)
    {
        var organisationId = await db.Set<Channel>().AsNoTracking().Where(c => c.Id == channelId).Select(c => (Guid?)c.OrganisationId).FirstOrDefaultAsync(ct);
        if (organisationId is null) return [];
        // The channels of a service live in its JSON content: filtered here, over one organisation's services.
        var all = await ServiceEntries(db.Set<PublicService>().AsNoTracking().Where(s => s.OrganisationId == organisationId), ct);
        return [.. all.Where(s => s.ChannelIds.Contains(channelId))];
    }

    private async Task<IReadOnlyList<ServiceRecord>> ServiceEntries(IQueryable<PublicService> services, CancellationToken ct)
    {
        var rows = await services.Join(db.Set<Organisation>(), s => s.OrganisationId, o => o.Id, (s, o) => new { Service = s, o.PrimaryLanguage }).ToListAsync(ct);
        return [.. rows.Select(r => new ServiceRecord(r.Service.Id, r.Service.OrganisationId, r.Service.Slug, r.Service.Content.Name, r.Service.IsPublished, r.PrimaryLanguage, r.Service.Content.ChannelIds)
            { UnitId = r.Service.Content.UnitId, LegalResources = r.Service.Content.LegalResources })
            .OrderBy(s => s.Slug, StringComparer.Ordinal)];
    }
}
