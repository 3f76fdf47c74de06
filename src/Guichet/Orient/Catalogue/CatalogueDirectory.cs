using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Orient.Catalogue;

/// What later stages may ask the catalogue, so that they never read its tables: who provides a
/// service, what a unit is called, which units an organisation has.
internal sealed class CatalogueDirectory(GuichetDb db)
{
    public sealed record Provider(Guid ServiceId, Guid OrganisationId, LocalizedText OrganisationName, string PrimaryLanguage);

    public sealed record UnitEntry(Guid Id, Guid OrganisationId, LocalizedText Name);

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
}
