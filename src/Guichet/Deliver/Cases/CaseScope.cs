using System.Security.Claims;
using Guichet.Platform.Data;
using Guichet.Platform.Identity;
using Guichet.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Deliver.Cases;

/// Which cases a staff member may see and work on: admins all of them, everyone else the cases
/// of their own unit (and nothing without a unit). Another unit's case answers 404: its
/// existence is not told either.
internal sealed record CaseScope(bool All, Guid? UnitId)
{
    public static readonly CaseScope Nothing = new(false, null);

    /// What every use case answers for a case that does not exist or that the user may not see.
    public static readonly Result<Case> NotFound = Result<Case>.NotFound("The case");

    public static CaseScope Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? new CaseScope(true, null)
        : StaffClaims.UnitOf(user) is { } unit ? new CaseScope(false, unit)
        : Nothing;

    public bool Sees(Case c) => All || (UnitId is { } u && c.UnitId == u);

    public IQueryable<Case> Apply(IQueryable<Case> cases) =>
        All ? cases : UnitId is { } u ? cases.Where(c => c.UnitId == u) : cases.Where(c => false);

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
