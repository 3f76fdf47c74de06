using System.Text;
using Guichet.Deliver.CaseTypes;

namespace Guichet.Deliver.Cases;

/// What a work list shows; null or false: no filter.
internal sealed record CaseListFilter
{
    public string? Status { get; init; }
    public Guid? UnitId { get; init; }
    public Guid? ServiceId { get; init; }
    public bool OverdueOnly { get; init; }
    /// True: closed cases only; false: open cases only; null: both.
    public bool? Closed { get; init; }
    public bool MineOnly { get; init; }
    /// A normalised national or enterprise number (see <see cref="CaseList.PartyNumber"/>).
    public string? PartyNumber { get; init; }
    public string? CaseNumber { get; init; }
}

/// Where a page of the work list ends: the due date and id of its last case.
internal sealed record CaseListCursor(DateOnly Due, Guid Id)
{
    public string Write() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + Id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static CaseListCursor? Read(string text)
    {
        try
        {
            var b64 = text.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('|');
            return parts.Length == 2
                && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                && Guid.TryParse(parts[1], out var id) ? new CaseListCursor(due, id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// A page of the work list with the case types of its cases; <see cref="Next"/> is the cursor of
/// the following page (null: this is the last one).
internal sealed record CaseListPage(IReadOnlyList<Case> Items, IReadOnlyDictionary<Guid, CaseType> Types, string? Next);

/// The work list, shared by the API and the staff pages: the cases the user may see, filtered,
/// by urgency (due date, then id) with keyset paging. Showing it is a view of personal data (the
/// parties' names), recorded with the cases shown.
internal sealed class CaseList(GuichetDb db, EventLog eventLog, TimeProvider time, CaseTypeVersions caseTypes)
{
    public const int MaxLimit = 200, DefaultLimit = 50;

    /// A national number or an enterprise number as typed, normalised; null when it is neither.
    public static string? PartyNumber(string text) =>
        PartyNumbers.Normalize(PartyKind.Person, text, out _) ?? PartyNumbers.Normalize(PartyKind.Company, text, out _);

    public async Task<CaseListPage> ReadAsync(ClaimsPrincipal user, CaseListFilter filter, CaseListCursor? after, int limit, CancellationToken ct)
    {
        var query = CaseScope.Of(user).Apply(db.Set<Case>().AsNoTracking());
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (filter.UnitId is { } u) query = query.Where(c => c.UnitId == u);
        if (filter.ServiceId is { } s) query = query.Where(c => c.ServiceId == s);
        if (filter.Closed is { } isClosed) query = isClosed ? query.Where(c => c.ClosedAt != null) : query.Where(c => c.ClosedAt == null);
        if (filter.OverdueOnly)
        {
            var today = BrusselsTime.LocalDate(time.GetUtcNow());
            query = query.Where(c => c.ClosedAt == null && c.DueOn != null && c.DueOn < today);
        }
        if (filter.MineOnly)
        {
            // Without an id there is no "mine": nothing matches rather than everything.
            var me = Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : Guid.Empty;
            query = query.Where(c => c.HandlerId == me);
        }
        // As "Id IN (the cases with this number)": an index lookup first on both databases
        // (a correlated EXISTS made SQLite test every case of the unit).
        if (filter.PartyNumber is { } number) query = query.Where(c => db.Set<CasePartyNumber>().Where(n => n.Number == number).Select(n => n.CaseId).Contains(c.Id));
        if (filter.CaseNumber is { } caseNumber) query = query.Where(c => c.Number == caseNumber);
        // By urgency: due date first (cases whose clock has not started last), then id.
        // DueSort (the due date, or 9999-12-31 before the clock starts) is indexed with the unit and
        // the id: a page is an index range, and the next one starts where the last ended.
        var sortable = query.Select(c => new { Case = c, Due = c.DueSort });
        if (after is { } k) sortable = sortable.Where(x => x.Due >= k.Due && (x.Due > k.Due || x.Case.Id.CompareTo(k.Id) > 0));
        var page = await sortable.OrderBy(x => x.Due).ThenBy(x => x.Case.Id).Take(limit + 1).ToListAsync(ct);
        var items = page.Take(limit).Select(x => x.Case).ToList();
        var typeIds = items.Select(i => i.CaseTypeId).Distinct().ToList();
        var types = new Dictionary<Guid, CaseType>();
        foreach (var typeId in typeIds) types[typeId] = await caseTypes.GetAsync(db, typeId, ct);
        if (items.Count > 0)
        {
            // One access event a page: the cases shown are its attribute, not fifty object rows.
            eventLog.Record(user, DeliverActivities.CaseListViewed, [], new Dictionary<string, object?> { ["cases"] = items.Select(c => c.Id).ToList(), ["count"] = items.Count });
            await db.SaveChangesAsync(ct);
        }
        var next = page.Count > limit ? new CaseListCursor(page[limit - 1].Due, page[limit - 1].Case.Id).Write() : null;
        return new CaseListPage(items, types, next);
    }
}
