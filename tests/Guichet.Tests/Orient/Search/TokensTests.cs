using Guichet.Orient.Search;

namespace Guichet.Tests.Orient.Search;

public sealed class TokensTests
{
    [Theory]
    [InlineData("Permis d'urbanisme", "permis urbanisme")]
    [InlineData("CARTE D’IDENTITÉ", "carte identite")]
    [InlineData("Straße und Führerschein", "strasse fuhrerschein")]
    [InlineData("Déclaration de naissance", "declaration naissance")]
    [InlineData("aanvraag van een bouwvergunning", "aanvraag bouwvergunning")]
    [InlineData("  ", "")]
    public void Text_is_folded_split_and_stripped_of_little_words(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Tokens.Of(text)));

    [Fact]
    public void A_query_of_only_little_words_keeps_them() =>
        Assert.Equal(["de", "la"], Tokens.OfQuery("de la"));

    [Theory]
    [InlineData("passeport", "passeport", 0)]
    [InlineData("pasport", "passeport", 2)]
    [InlineData("passpeort", "passeport", 1)] // a transposition is one typo
    [InlineData("naissance", "naisance", 1)]
    [InlineData("abc", "xyzuvw", 3)]          // beyond the limit: limit + 1
    public void Distance_counts_typos_up_to_a_limit(string a, string b, int expected) =>
        Assert.Equal(expected, Tokens.Distance(a, b, 2));

    [Theory]
    [InlineData("eid", 0)]
    [InlineData("carte", 1)]
    [InlineData("naissance", 2)]
    public void Longer_words_tolerate_more_typos(string term, int typos) =>
        Assert.Equal(typos, Tokens.AllowedTypos(term));
}
