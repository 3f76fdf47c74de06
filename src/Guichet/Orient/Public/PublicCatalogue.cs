using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;

namespace Guichet.Orient.Public;

/// An organisation's public page: its units, its channels and its published services.
internal sealed record OrganisationPage(Organisation Organisation, IReadOnlyList<Unit> Units, IReadOnlyList<Channel> Channels, IReadOnlyList<CatalogueEntry> Services);

/// The reads of the public pages that are not a search: one service by its slug, the
/// organisations, how many published services each code has. Published services only.
internal sealed class PublicCatalogue(GuichetDb db)
{
    public async Task<CatalogueEntry?> ServiceAsync(string slug, CancellationToken ct)
    {
        var service = await db.Set<PublicService>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.Slug == slug && s.Status == ServiceStatus.Published, ct);
        if (service is null) return null;
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstAsync(o => o.Id == service.OrganisationId, ct);
        var unit = service.UnitId is { } u ? await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == u, ct) : null;
        var ids = service.Content.ChannelIds.ToList();
        var channels = await db.Set<Channel>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return new CatalogueEntry(service, organisation, unit, [.. ids.Select(channels.GetValueOrDefault).OfType<Channel>()]);
    }

    /// Own organisations first, then the other bodies, each by name in the reader's language.
    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken ct)
    {
        var organisations = await db.Set<Organisation>().AsNoTracking().ToListAsync(ct);
        return [.. organisations.OrderBy(o => o.External)
            .ThenBy(o => o.Name.Resolve(Languages.Current, o.PrimaryLanguage).Text, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<OrganisationPage?> OrganisationAsync(string slug, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (organisation is null) return null;
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.OrganisationId == organisation.Id).ToListAsync(ct);
        var channels = await db.Set<Channel>().AsNoTracking().Where(c => c.OrganisationId == organisation.Id).ToListAsync(ct);
        var services = await db.Set<PublicService>().AsNoTracking()
            .Where(s => s.OrganisationId == organisation.Id && s.Status == ServiceStatus.Published).ToListAsync(ct);
        var unitById = units.ToDictionary(u => u.Id);
        var channelById = channels.ToDictionary(c => c.Id);
        var entries = services
            .Select(s => new CatalogueEntry(s, organisation, s.UnitId is { } u ? unitById.GetValueOrDefault(u) : null,
                [.. s.Content.ChannelIds.Select(channelById.GetValueOrDefault).OfType<Channel>()]))
            .OrderBy(e => e.Service.Content.Name.Resolve(Languages.Current, organisation.PrimaryLanguage).Text, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        // Channels in the order a reader looks for them: counters, phone, e-mail, web, post.
        return new OrganisationPage(organisation, units, [.. channels.OrderBy(c => c.Kind).ThenBy(c => c.Slug, StringComparer.Ordinal)], entries);
    }

    /// How many published services each organisation has.
    public async Task<IReadOnlyDictionary<Guid, int>> ServiceCountsAsync(CancellationToken ct) =>
        await db.Set<PublicService>().AsNoTracking().Where(s => s.Status == ServiceStatus.Published)
            .GroupBy(s => s.OrganisationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// The content of every published service, to count the services of each code.
    public async Task<IReadOnlyList<ServiceContent>> PublishedContentsAsync(CancellationToken ct) =>
        await db.Set<PublicService>().AsNoTracking().Where(s => s.Status == ServiceStatus.Published).Select(s => s.Content).ToListAsync(ct);
}
