using Guichet.Orient.Catalogue;

namespace Guichet.Welcome.Queue;

/// Which offices a staff member works at: admins all of them, the front office those of the
/// organisation of their unit. Another organisation's office answers 404.
internal sealed record QueueScope(bool All, Guid? OrganisationId)
{
    public static async Task<QueueScope> OfAsync(ClaimsPrincipal user, CatalogueDirectory catalogue, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return new QueueScope(true, null);
        if (StaffClaims.UnitOf(user) is not { } unitId) return new QueueScope(false, null);
        return new QueueScope(false, (await catalogue.UnitAsync(unitId, ct))?.OrganisationId);
    }

    public bool Covers(QueueOffice office) => All || (OrganisationId is { } o && office.OrganisationId == o);

    public IQueryable<QueueOffice> Apply(IQueryable<QueueOffice> offices) =>
        All ? offices : OrganisationId is { } o ? offices.Where(x => x.OrganisationId == o) : offices.Where(x => false);
}
