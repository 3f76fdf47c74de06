using System.Collections.Concurrent;

namespace Guichet.Deliver.CaseTypes;

/// Case-type versions by id, read once per process: a version's content never changes once
/// created (an edit makes a new version), so every node may keep what it read. Only "which
/// version is current" changes: that is always asked of the database, never of this cache.
internal sealed class CaseTypeVersions
{
    private readonly ConcurrentDictionary<Guid, CaseType> _byId = new();

    public async Task<CaseType> GetAsync(GuichetDb db, Guid id, CancellationToken ct = default)
    {
        if (_byId.TryGetValue(id, out var known)) return known;
        var type = await db.Set<CaseType>().AsNoTracking().FirstAsync(t => t.Id == id, ct);
        return _byId.GetOrAdd(id, type);
    }
}
