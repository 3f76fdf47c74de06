using System.Security.Claims;
using Guichet.Platform.Identity;

namespace Guichet.Deliver.Cases;

/// Which cases a staff member may see and work on: admins all of them, everyone else the cases
/// of their own unit (and nothing without a unit). Another unit's case answers 404: its
/// existence is not told either.
internal sealed record CaseScope(bool All, Guid? UnitId)
{
    public static readonly CaseScope Nothing = new(false, null);

    public static CaseScope Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? new CaseScope(true, null)
        : StaffClaims.UnitOf(user) is { } unit ? new CaseScope(false, unit)
        : Nothing;

    public bool Sees(Case c) => All || (UnitId is { } u && c.UnitId == u);

    public IQueryable<Case> Apply(IQueryable<Case> cases) =>
        All ? cases : UnitId is { } u ? cases.Where(c => c.UnitId == u) : cases.Where(c => false);
}
