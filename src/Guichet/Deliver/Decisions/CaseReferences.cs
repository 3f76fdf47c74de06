using Guichet.Deliver.Cases;

namespace Guichet.Deliver.Decisions;

/// A case as a later stage may name it (a complaint about a case): its number, unit and service,
/// and the decision issued on it (one at most) with the appeal procedure that decision told the customer.
/// The customer of a case as a later stage may reach them (Follow's satisfaction survey): the
/// applicant's number, name and e-mail, the case's language, unit and service, and whether it is closed.
internal sealed record CaseCustomer(Guid CaseId, string Number, Guid UnitId, Guid ServiceId, string Language, bool Closed, string? CustomerNumber, string? Name, string? Email);

/// A party of an open case, for a notice about a change to its case type (Follow's notices).
internal sealed record OpenCaseParty(string CaseNumber, string Language, string Name, string? Number, string? Email, string? Address);

/// A case type as a later stage may name it: its code and its name (current version).
internal sealed record CaseTypeName(string Code, LocalizedText Name);

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

    /// The current case types, by code.
    public async Task<List<CaseTypeName>> CaseTypesAsync(CancellationToken ct) =>
        [.. (await db.Set<Guichet.Deliver.CaseTypes.CaseType>().AsNoTracking().Where(t => t.IsCurrent).ToListAsync(ct))
            .Select(t => new CaseTypeName(t.Code, t.Content.Name)).OrderBy(t => t.Code, StringComparer.Ordinal)];

    /// The parties (applicants and representatives) of the cases still open of the case types with
    /// these codes (every version), oldest case first.
    public async Task<List<OpenCaseParty>> OpenCasePartiesAsync(IReadOnlyCollection<string> caseTypeCodes, CancellationToken ct)
    {
        if (caseTypeCodes.Count == 0) return [];
        var typeIds = await db.Set<Guichet.Deliver.CaseTypes.CaseType>().AsNoTracking().Where(t => caseTypeCodes.Contains(t.Code)).Select(t => t.Id).ToListAsync(ct);
        var cases = await db.Set<Case>().AsNoTracking().Where(c => typeIds.Contains(c.CaseTypeId) && c.ClosedAt == null)
            .OrderBy(c => c.Number).Select(c => new { c.Number, c.Language, c.Parties }).ToListAsync(ct);
        return [.. cases.SelectMany(c => c.Parties.Select(p => new OpenCaseParty(c.Number, c.Language, p.Name, p.Number, p.Email, p.Address)))];
    }
}
