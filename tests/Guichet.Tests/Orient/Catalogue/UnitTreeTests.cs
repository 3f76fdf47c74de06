using Guichet.Orient.Catalogue;
using Guichet.Platform.Localization;

namespace Guichet.Tests.Orient.Catalogue;

public sealed class UnitTreeTests
{
    private static readonly Guid Organisation = Guid.NewGuid();

    private static Unit Unit(string name, Unit? parent = null) =>
        new(Guid.NewGuid(), Organisation, new UnitContent(name.ToLowerInvariant().Replace(' ', '-'), parent?.Id, new LocalizedText { Fr = name }), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Units_come_depth_first_with_siblings_by_name_in_the_primary_language()
    {
        var works = Unit("Travaux");
        var admin = Unit("Administration");
        var roads = Unit("Voiries", works);
        var parks = Unit("Espaces verts", works);
        var trees = Unit("Élagage", parks);

        var ordered = UnitTree.Order([works, roads, trees, admin, parks], "fr");

        Assert.Equal(["Administration", "Travaux", "Espaces verts", "Élagage", "Voiries"], ordered.Select(u => u.Unit.Name.Fr));
        Assert.Equal([0, 0, 1, 2, 1], ordered.Select(u => u.Depth));
    }

    [Fact]
    public void A_unit_s_descendants_are_the_parents_it_may_not_take()
    {
        var works = Unit("Travaux");
        var parks = Unit("Espaces verts", works);
        var trees = Unit("Élagage", parks);
        var other = Unit("Finances");

        Assert.Equal(new HashSet<Guid> { works.Id, parks.Id, trees.Id }, UnitTree.SelfAndDescendants([works, parks, trees, other], works.Id));
        Assert.Equal(new HashSet<Guid> { trees.Id }, UnitTree.SelfAndDescendants([works, parks, trees, other], trees.Id));
    }
}
