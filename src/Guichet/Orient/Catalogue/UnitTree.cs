namespace Guichet.Orient.Catalogue;

/// Units in tree order (depth first, siblings by name in the organisation's primary language),
/// each with its depth: how the API lists them and how the pages indent them.
internal static class UnitTree
{
    public static IReadOnlyList<(Unit Unit, int Depth)> Order(IReadOnlyCollection<Unit> units, string primaryLanguage)
    {
        var compare = StringComparer.Create(new CultureInfo(Languages.CultureName(primaryLanguage)), ignoreCase: true);
        var ids = units.Select(u => u.Id).ToHashSet();
        // A parent outside the list cannot happen through the rules; such a unit is shown as a root.
        var children = units.ToLookup(u => u.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        var ordered = new List<(Unit, int)>();
        void Visit(Guid? parent, int depth)
        {
            foreach (var unit in children[parent].OrderBy(u => u.Name.Resolve(primaryLanguage, primaryLanguage).Text, compare).ThenBy(u => u.Slug, StringComparer.Ordinal))
            {
                ordered.Add((unit, depth));
                Visit(unit.Id, depth + 1);
            }
        }
        Visit(null, 0);
        return ordered;
    }

    /// The unit itself and everything below it: the parents it may not be moved under.
    public static HashSet<Guid> SelfAndDescendants(IReadOnlyCollection<Unit> units, Guid unitId)
    {
        var found = new HashSet<Guid> { unitId };
        bool grew;
        do
        {
            grew = false;
            foreach (var unit in units)
                if (unit.ParentId is { } p && found.Contains(p) && found.Add(unit.Id)) grew = true;
        } while (grew);
        return found;
    }
}
