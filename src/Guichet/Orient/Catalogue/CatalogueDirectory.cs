using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Orient.Catalogue;

/// What later stages may ask the catalogue, so that they never read its tables: who provides a
/// service, what a unit is called, which units an organisation has, its counters and the services
/// offered there.
internal sealed class CatalogueDirectory(GuichetDb db)
{
    public sealed record Provider(Guid ServiceId, Guid OrganisationId, LocalizedText OrganisationName, string PrimaryLanguage);

    public sealed record UnitEntry(Guid Id, Guid OrganisationId, LocalizedText Name);

    /// A channel; Kind is the catalogue's kind in lower case ("counter", "phone", ...).
    public sealed record ChannelEntry(Guid Id, Guid OrganisationId, Guid? UnitId, string Slug, string Kind, LocalizedText Name, string PrimaryLanguage)
    {
        public bool IsCounter => Kind == "counter";
    }

    public sealed record ServiceEntry(Guid Id, Guid OrganisationId, string Slug, LocalizedText Name, bool Published, string PrimaryLanguage, IReadOnlyList<Guid> ChannelIds);

    public async Task<Provider?> ProviderOfAsync(Guid serviceId, CancellationToken ct)
    {
        var service = await db.Set<PublicService>().AsNoTracking().Where(s => s.Id == serviceId).Select(s => new { s.Id, s.OrganisationId }).FirstOrDefaultAsync(ct);
        if (service is null) return null;
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstAsync(o => o.Id == service.OrganisationId, ct);
        return new Provider(service.Id, organisation.Id, organisation.Name, organisation.PrimaryLanguage);
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

    public async Task<ChannelEntry?> ChannelAsync(Guid channelId, CancellationToken ct) =>
        (await ChannelsAsync([channelId], ct)).FirstOrDefault();

    public async Task<IReadOnlyList<ChannelEntry>> ChannelsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await ChannelEntries(db.Set<Channel>().AsNoTracking().Where(c => list.Contains(c.Id)), ct);
    }

    /// Every counter (walk-in desk) of the catalogue, or of one organisation.
    public async Task<IReadOnlyList<ChannelEntry>> CountersAsync(Guid? organisationId, CancellationToken ct)
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

    public async Task<ServiceEntry?> ServiceAsync(Guid serviceId, CancellationToken ct) =>
        (await ServicesAsync([serviceId], ct)).FirstOrDefault();

    public async Task<IReadOnlyList<ServiceEntry>> ServicesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await ServiceEntries(db.Set<PublicService>().AsNoTracking().Where(s => list.Contains(s.Id)), ct);
    }

    /// The services the catalogue says are offered at a channel (published or not).
    public async Task<IReadOnlyList<ServiceEntry>> ServicesAtAsync(Guid channelId, CancellationToken ct)
    {
        var organisationId = await db.Set<Channel>().AsNoTracking().Where(c => c.Id == channelId).Select(c => (Guid?)c.OrganisationId).FirstOrDefaultAsync(ct);
        if (organisationId is null) return [];
        // The channels of a service live in its JSON content: filtered here, over one organisation's services.
        var all = await ServiceEntries(db.Set<PublicService>().AsNoTracking().Where(s => s.OrganisationId == organisationId), ct);
        return [.. all.Where(s => s.ChannelIds.Contains(channelId))];
    }

    private async Task<IReadOnlyList<ServiceEntry>> ServiceEntries(IQueryable<PublicService> services, CancellationToken ct)
    {
        var rows = await services.Join(db.Set<Organisation>(), s => s.OrganisationId, o => o.Id, (s, o) => new { Service = s, o.PrimaryLanguage }).ToListAsync(ct);
        return [.. rows.Select(r => new ServiceEntry(r.Service.Id, r.Service.OrganisationId, r.Service.Slug, r.Service.Content.Name, r.Service.IsPublished, r.PrimaryLanguage, r.Service.Content.ChannelIds))
            .OrderBy(s => s.Slug, StringComparer.Ordinal)];
    }
}
