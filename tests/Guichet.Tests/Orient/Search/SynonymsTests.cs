using Guichet.Orient.Search;

namespace Guichet.Tests.Orient.Search;

public sealed class SynonymsTests
{
    private static readonly Synonyms Demo = new();

    [Fact]
    public void A_query_phrase_finds_its_group()
    {
        var groups = Demo.Find(Tokens.Of("permis de bâtir"), fuzzy: false).ToList();
        var group = Assert.Single(groups);
        Assert.Contains(Demo.Phrases, p => p.Group == group.Group && string.Join(' ', p.Terms) == "permis urbanisme");
    }

    [Fact]
    public void Each_phrase_of_a_group_finds_the_same_group()
    {
        var a = Demo.Find(Tokens.Of("bouwvergunning"), fuzzy: false).Single().Group;
        var b = Demo.Find(Tokens.Of("Omgevingsvergunning aanvragen"), fuzzy: false).Single().Group;
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_typo_in_a_query_still_finds_the_group_when_fuzzy()
    {
        Assert.Empty(Demo.Find(Tokens.Of("bouwvergunnig"), fuzzy: false));
        Assert.Single(Demo.Find(Tokens.Of("bouwvergunnig"), fuzzy: true));
    }

    [Fact]
    public void Groups_are_found_where_they_stand_and_not_twice()
    {
        var s = new Synonyms([["carte d'identité", "eid"], ["carte d'identité enfant", "kids-id"]]);
        var found = s.Find(Tokens.Of("carte d'identité enfant"), fuzzy: false).ToList();
        Assert.Equal(2, found.Count);
        Assert.Equal((1, 0, 3), found[0]); // the longer phrase first
    }
}
