namespace Guichet.Follow.Complaints;

/// Which complaints a staff member sees: complaint officers and admins every one; unit staff those
/// of their unit and the units below it (as the unit concerned or the unit asked for its view).
/// Another unit's complaint answers 404: its existence is not told either.
internal sealed record ComplaintScope(bool All, IReadOnlyList<Guid> Units)
{
    public static ComplaintScope Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Complaints) ? new(true, []) : new(false, StaffClaims.UnitsOf(user));

    public IQueryable<Complaint> Apply(IQueryable<Complaint> complaints) => Units switch
    {
        _ when All => complaints,
        [] => complaints.Where(c => false),
        [var u] => complaints.Where(c => c.UnitId == u || c.ViewUnitId == u),
        var units => complaints.Where(c => (c.UnitId != null && units.Contains(c.UnitId.Value)) || (c.ViewUnitId != null && units.Contains(c.ViewUnitId.Value))),
    };

    public static Task<Complaint?> FindAsync(GuichetDb db, ClaimsPrincipal user, Guid id, CancellationToken ct, bool tracked = false) =>
        Of(user).Apply(tracked ? db.Set<Complaint>() : db.Set<Complaint>().AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
}
