using Microsoft.AspNetCore.Authentication;

namespace Guichet.Orient.Catalogue;

/// Adds to a signed-in person the units below their own (StaffClaims.ScopeUnit), on every
/// request: a manager of the general management sees the work of every department under it, and
/// a unit moved in the catalogue changes what people see at once, not at their next sign-in.
internal sealed class UnitScopeClaims(UnitTreeCache tree) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || StaffClaims.UnitOf(principal) is not { } unit || principal.HasClaim(c => c.Type == StaffClaims.ScopeUnit))
            return principal;
        var scope = await tree.SelfAndBelowAsync(unit);
        var copy = identity.Clone();
        copy.AddClaims(scope.Select(id => new Claim(StaffClaims.ScopeUnit, id.ToString())));
        return new ClaimsPrincipal(copy);
    }
}

/// The units' parent links, read from the database at most every few seconds per node, and at
/// once after this node saved a catalogue change: a scope is computed on every staff request.
internal sealed class UnitTreeCache(IServiceScopeFactory scopes, CatalogueChanges changes, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(DateTimeOffset ReadAt, long Changes, ILookup<Guid, Guid> Children);

    public async Task<HashSet<Guid>> SelfAndBelowAsync(Guid unitId)
    {
        var snapshot = _snapshot;
        if (snapshot is null || snapshot.Changes != changes.Count || time.GetUtcNow() - snapshot.ReadAt > Freshness)
        {
            var count = changes.Count;
            using var scope = scopes.CreateScope();
            var links = await scope.ServiceProvider.GetRequiredService<GuichetDb>().Set<Unit>().AsNoTracking()
                .Where(u => u.ParentId != null).Select(u => new { u.Id, Parent = u.ParentId!.Value }).ToListAsync();
            _snapshot = snapshot = new Snapshot(time.GetUtcNow(), count, links.ToLookup(l => l.Parent, l => l.Id));
        }
        var found = new HashSet<Guid> { unitId };
        var next = new Queue<Guid>([unitId]);
        while (next.TryDequeue(out var id))
            foreach (var child in snapshot.Children[id])
                if (found.Add(child)) next.Enqueue(child);
        return found;
    }
}
