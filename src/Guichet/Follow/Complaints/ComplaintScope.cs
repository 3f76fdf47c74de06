namespace Guichet.Follow.Complaints;

/// Which complaints a staff member sees: complaint officers and admins every one; unit staff those
/// of their unit (as the unit concerned or the unit asked for its view). Another unit's complaint
/// answers 404: its existence is not told either.
internal sealed record ComplaintScope(bool All, Guid? UnitId)
{
    public static ComplaintScope Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Complaints) ? new(true, null) : new(false, StaffClaims.UnitOf(user));

    public IQueryable<Complaint> Apply(IQueryable<Complaint> complaints) =>
        All ? complaints : UnitId is { } u ? complaints.Where(c => c.UnitId == u || c.ViewUnitId == u) : complaints.Where(c => false);

    public static Task<Complaint?> FindAsync(GuichetDb db, ClaimsPrincipal user, Guid id, CancellationToken ct, bool tracked = false) =>
        Of(user).Apply(tracked ? db.Set<Complaint>() : db.Set<Complaint>().AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
}
