using Guichet.Deliver.Cases;

namespace Guichet.Deliver.Decisions;

/// A case as a later stage may name it (a complaint about a case): its number, unit and service,
/// and the decision issued on it (one at most) with the appeal procedure that decision told the customer.
/// The customer of a case as a later stage may reach them (Follow's satisfaction survey): the
/// applicant's number, name and e-mail, the case's language, unit and service, and whether it is closed.
internal sealed record CaseCustomer(Guid CaseId, string Number, Guid UnitId, Guid ServiceId, string Language, bool Closed, string? CustomerNumber, string? Name, string? Email);

internal sealed record CaseReference(Guid Id, string Number, Guid UnitId, Guid ServiceId, string Language, Guid? DecisionId, AppealBlock? Appeal, DateOnly? AppealDeadline);

/// Deliver's surface for later stages (ADR 0012): a case by its number, read-only, whoever asks
/// (a customer complaining knows the number; what is answered tells nothing personal).
internal sealed class CaseReferences(GuichetDb db)
{
    public async Task<CaseReference?> FindAsync(string number, CancellationToken ct)
    {
        var trimmed = number.Trim();
        var found = await db.Set<Case>().AsNoTracking().Where(c => c.Number == trimmed)
            .Select(c => new { c.Id, c.Number, c.UnitId, c.ServiceId, c.Language }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var decision = await db.Set<Decision>().AsNoTracking().Where(d => d.CaseId == found.Id).FirstOrDefaultAsync(ct);
        return new CaseReference(found.Id, found.Number, found.UnitId, found.ServiceId, found.Language, decision?.Id, decision?.Appeal, decision?.AppealDeadline);
    }

    public async Task<CaseReference?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<Case>().AsNoTracking().Where(c => c.Id == id).Select(c => c.Number).FirstOrDefaultAsync(ct) is { } number ? await FindAsync(number, ct) : null;

    /// The applicant of a case, for a message after it ends; null for an unknown case.
    public async Task<CaseCustomer?> CustomerAsync(Guid caseId, CancellationToken ct)
    {
        var c = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return null;
        var applicant = c.Parties.FirstOrDefault(p => p.Role == PartyRole.Applicant);
        return new CaseCustomer(c.Id, c.Number, c.UnitId, c.ServiceId, c.Language, c.IsClosed, applicant?.Number, applicant?.Name, applicant?.Email);
    }
}
