namespace Guichet.Deliver.Cases;

/// Which cases a staff member may see and work on: admins all of them, everyone else the cases
/// of their unit and of every unit below it (a manager of the general management sees every
/// department's), and nothing without a unit. Another unit's case answers 404: its existence is
/// not told either.
internal sealed record CaseScope(bool All, IReadOnlyList<Guid> Units)
{
    public static readonly CaseScope Nothing = new(false, []);

    /// What every use case answers for a case that does not exist or that the user may not see.
    public static readonly Result<Case> NotFound = Result<Case>.NotFound("The case");

    public static CaseScope Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? new CaseScope(true, []) : new CaseScope(false, StaffClaims.UnitsOf(user));

    public bool Sees(Case c) => All || Units.Contains(c.UnitId);

    /// Whether a case may be opened in (or moved to) this unit by the user.
    public bool Covers(Guid unitId) => All || Units.Contains(unitId);

    public IQueryable<Case> Apply(IQueryable<Case> cases) => Units switch
    {
        _ when All => cases,
        [] => cases.Where(c => false),
        [var only] => cases.Where(c => c.UnitId == only), // one unit: the work list's index, as before
        var units => cases.Where(c => units.Contains(c.UnitId)),
    };

    /// The case, if the user may see it; tracked when the use case changes it.
    public static async Task<Result<Case>> FindAsync(GuichetDb db, ClaimsPrincipal user, Guid id, bool tracked, CancellationToken ct)
    {
        var cases = Of(user).Apply(db.Set<Case>());
        if (!tracked) cases = cases.AsNoTracking();
        return await cases.FirstOrDefaultAsync(c => c.Id == id, ct) is { } found ? found : NotFound;
    }

    /// Whether the case exists for the user, without reading it.
    public static Task<bool> SeesAsync(GuichetDb db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        Of(user).Apply(db.Set<Case>()).AnyAsync(c => c.Id == id, ct);

    /// The parts of one kind of a case (its notes, documents, ...), read-only, in no order.
    public static Task<List<T>> PartsAsync<T>(GuichetDb db, Guid caseId, CancellationToken ct) where T : class, ICasePart =>
        db.Set<T>().AsNoTracking().Where(p => p.CaseId == caseId).ToListAsync(ct);

    /// The same for a user, if they may see the case.
    public static async Task<Result<List<T>>> PartsAsync<T>(GuichetDb db, ClaimsPrincipal user, Guid caseId, CancellationToken ct) where T : class, ICasePart =>
        await SeesAsync(db, user, caseId, ct) ? await PartsAsync<T>(db, caseId, ct) : NotFound.As<List<T>>();
}

/// What belongs to one case and is seen with it: a note, a document, a request, an advice, an appeal.
internal interface ICasePart
{
    Guid CaseId { get; }
}
