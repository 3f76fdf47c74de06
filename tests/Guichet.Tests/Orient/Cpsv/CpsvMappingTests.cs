using System.Text.Json;
using Guichet.Orient.Cpsv;
using Guichet.Platform.Web;

namespace Guichet.Tests.Orient.Cpsv;

public sealed class CpsvMappingTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(5, 7)]
    [InlineData(10, 14)]
    [InlineData(15, 21)]
    [InlineData(30, 42)]
    public void Working_days_are_exported_as_seven_calendar_days_for_five_rounded_up(int working, int calendar) =>
        Assert.Equal(calendar, CpsvMapping.CalendarDaysFor(working));

    [Theory]
    [InlineData("P30D", 30)]
    [InlineData("P1D", 1)]
    public void A_duration_in_days_reads_back(string duration, int days)
    {
        Assert.True(CpsvMapping.TryParseDays(duration, out var read));
        Assert.Equal(days, read);
        Assert.Equal(duration, CpsvMapping.Duration(days));
    }

    [Theory]
    [InlineData("P2W")]
    [InlineData("PT4H")]
    [InlineData("P1M")]
    [InlineData("30 days")]
    [InlineData(null)]
    public void Other_durations_are_not_read_as_days(string? duration) => Assert.False(CpsvMapping.TryParseDays(duration, out _));

    [Theory]
    [InlineData("€ 30.", "fr", 30.0)]
    [InlineData("€ 1,50 par mètre courant et par marché.", "fr", 1.5)]
    [InlineData("Droit de dossier de € 990, plus les frais de l'étude.", "fr", 990.0)]
    [InlineData("Plaque personnalisée € 1 000.", "fr", 1000.0)]
    [InlineData("25 € per kaart.", "nl", 25.0)]
    [InlineData("A fee of €1,000.50.", "en", 1000.5)]
    [InlineData("Gratuit.", "fr", 0.0)]
    [InlineData("Kostenlos", "de", 0.0)]
    public void A_cost_with_one_amount_in_euro_has_a_value(string text, string language, double value) =>
        Assert.Equal(value, CpsvMapping.EuroAmount(text, language));

    [Theory]
    [InlineData("€ 25 en procédure normale ; € 130 en procédure urgente.", "fr")]
    [InlineData("Gratuit en ligne ; € 3 au guichet.", "fr")]
    [InlineData("Selon le dossier.", "fr")]
    [InlineData("", "fr")]
    public void A_cost_without_exactly_one_amount_has_only_its_text(string text, string language) =>
        Assert.Null(CpsvMapping.EuroAmount(text, language));

    [Theory]
    [InlineData(50.0, "50.0")]
    [InlineData(1.5, "1.5")]
    [InlineData(50.3927, "50.3927")]
    public void Doubles_are_valid_xsd_doubles_that_read_back(double value, string text)
    {
        Assert.Equal(text, CpsvMapping.Double(value));
        Assert.Equal(value, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class JsonLdGraphTests
{
    private static (JsonLdGraph? Graph, List<InvalidParam> Errors) Read(string json)
    {
        var errors = new List<InvalidParam>();
        using var document = JsonDocument.Parse(json);
        return (JsonLdGraph.Read(document.RootElement, errors), errors);
    }

    [Fact]
    public void Compact_iris_terms_and_language_maps_expand_with_the_inline_context()
    {
        var (graph, errors) = Read("""
            {
              "@context": {
                "dct": "http://purl.org/dc/terms/",
                "cpsv": "http://purl.org/vocab/cpsv#",
                "name": { "@id": "dct:title", "@container": "@language" },
                "authority": { "@id": "http://data.europa.eu/m8g/hasCompetentAuthority", "@type": "@id" }
              },
              "@graph": [
                { "@id": "https://example.org/s/1", "@type": "cpsv:PublicService",
                  "name": { "fr": "Permis", "nl": "Vergunning" },
                  "authority": "https://example.org/o/1",
                  "dct:description": { "@value": "Un permis", "@language": "fr" } }
              ]
            }
            """);

        Assert.Empty(errors);
        var node = Assert.Single(graph!.Nodes);
        Assert.True(node.Is("http://purl.org/vocab/cpsv#PublicService"));
        Assert.Equal([("Permis", "fr"), ("Vergunning", "nl")], node.Values("http://purl.org/dc/terms/title").Select(v => (v.Text!, v.Language!)));
        Assert.Equal("https://example.org/o/1", node.Values("http://data.europa.eu/m8g/hasCompetentAuthority").Single().Iri);
        Assert.Equal("fr", node.Values("http://purl.org/dc/terms/description").Single().Language);
    }

    [Fact]
    public void A_node_given_twice_is_merged_and_references_lead_to_their_node()
    {
        var (graph, errors) = Read("""
            { "@context": { "ex": "https://example.org/" },
              "@graph": [
                { "@id": "ex:a", "ex:knows": { "@id": "ex:b" } },
                { "@id": "ex:b", "@type": "ex:Person", "ex:name": "B" },
                { "@id": "ex:a", "ex:age": 3 } ] }
            """);

        Assert.Empty(errors);
        Assert.Equal(2, graph!.Nodes.Count);
        var a = graph.Find("https://example.org/a")!;
        Assert.Equal("3", a.Values("https://example.org/age").Single().Text);
        Assert.True(a.Values("https://example.org/knows").Single().Node!.Is("https://example.org/Person"));
    }

    [Theory]
    [InlineData("""[1, 2]""", "$", "not-json-ld")]
    [InlineData("""{ "@context": {} }""", "@graph", "not-json-ld")]
    [InlineData("""{ "@context": "https://example.org/context.jsonld", "@graph": [] }""", "@context", "unsupported-context")]
    [InlineData("""{ "@context": { "@vocab": "https://example.org/" }, "@graph": [] }""", "@context.@vocab", "unsupported-context")]
    [InlineData("""{ "@graph": [ { "@id": "relative/1", "@type": "https://example.org/T" } ] }""", "@graph[0].@id", "invalid-iri")]
    [InlineData("""{ "@graph": [ "https://example.org/1" ] }""", "@graph[0]", "not-json-ld")]
    public void What_is_not_supported_is_refused_with_where_and_why(string json, string name, string code)
    {
        var (graph, errors) = Read(json);

        Assert.Null(graph);
        Assert.Contains(errors, e => e.Name == name && e.Code == code);
    }
}
