namespace Guichet.Welcome.Contacts;

/// Which contacts a staff member sees: the front office and admins every one (they are the
/// single point of contact); others those of their unit and the units below it, as competent or
/// registering unit.
internal sealed record ContactScope(bool All, IReadOnlyList<Guid> Units)
{
    public static ContactScope Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.FrontOffice) ? new(true, []) : new(false, StaffClaims.UnitsOf(user));

    public IQueryable<Contact> Apply(IQueryable<Contact> contacts) => Units switch
    {
        _ when All => contacts,
        [] => contacts.Where(c => false),
        [var u] => contacts.Where(c => c.UnitId == u || c.RegisteredByUnitId == u),
        var units => contacts.Where(c => (c.UnitId != null && units.Contains(c.UnitId.Value)) || (c.RegisteredByUnitId != null && units.Contains(c.RegisteredByUnitId.Value))),
    };

    /// The contact with this id if the user may see it, else null; tracked when it is to be changed.
    public static Task<Contact?> FindAsync(GuichetDb db, ClaimsPrincipal user, Guid id, CancellationToken ct, bool tracked = false) =>
        Of(user).Apply(tracked ? db.Set<Contact>() : db.Set<Contact>().AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
}
