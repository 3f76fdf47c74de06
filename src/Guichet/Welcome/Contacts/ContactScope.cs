using System.Security.Claims;
using Guichet.Platform.Data;
using Guichet.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Welcome.Contacts;

/// Which contacts a staff member sees: the front office and admins every one (they are the
/// single point of contact); others those of their unit, as competent or registering unit.
internal sealed record ContactScope(bool All, Guid? UnitId)
{
    public static ContactScope Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.FrontOffice) ? new(true, null) : new(false, StaffClaims.UnitOf(user));

    public IQueryable<Contact> Apply(IQueryable<Contact> contacts) =>
        All ? contacts : UnitId is { } u ? contacts.Where(c => c.UnitId == u || c.RegisteredByUnitId == u) : contacts.Where(c => false);

    /// The contact with this id if the user may see it, else null; tracked when it is to be changed.
    public static Task<Contact?> FindAsync(GuichetDb db, ClaimsPrincipal user, Guid id, CancellationToken ct, bool tracked = false) =>
        Of(user).Apply(tracked ? db.Set<Contact>() : db.Set<Contact>().AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
}
