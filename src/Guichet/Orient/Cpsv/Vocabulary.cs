using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Guichet.Orient.Cpsv;

/// The namespaces of the CPSV-AP 3.2 export (exact IRIs, see tests/shacl/README.md) and the
/// Guichet vocabulary for what CPSV-AP has no property for (ADR 0006).
internal static class Ns
{
    public const string Cpsv = "http://purl.org/vocab/cpsv#";
    public const string Cv = "http://data.europa.eu/m8g/";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Dcat = "http://www.w3.org/ns/dcat#";
    public const string Eli = "http://data.europa.eu/eli/ontology#";
    public const string Foaf = "http://xmlns.com/foaf/0.1/";
    public const string Org = "http://www.w3.org/ns/org#";
    public const string Skos = "http://www.w3.org/2004/02/skos/core#";
    public const string Time = "http://www.w3.org/2006/time#";
    public const string Locn = "http://www.w3.org/ns/locn#";
    public const string Geo = "http://www.w3.org/2003/01/geo/wgs84_pos#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Guichet = "https://guichet.example/ns#";

    public static readonly IReadOnlyList<(string Prefix, string Iri)> Prefixes =
    [
        ("cpsv", Cpsv), ("cv", Cv), ("dct", Dct), ("dcat", Dcat), ("eli", Eli), ("foaf", Foaf), ("org", Org),
        ("skos", Skos), ("time", Time), ("locn", Locn), ("geo", Geo), ("xsd", Xsd), ("rdf", Rdf), ("guichet", Guichet),
    ];

    /// "http://purl.org/dc/terms/title" -> "dct:title", for error messages that people read.
    public static string Compact(string iri)
    {
        foreach (var (prefix, ns) in Prefixes)
            if (iri.StartsWith(ns, StringComparison.Ordinal) && iri.Length > ns.Length)
                return prefix + ":" + iri[ns.Length..];
        return iri;
    }

    public const string AtuBelgium = "http://publications.europa.eu/resource/authority/atu/BEL";
    public const string Euro = "http://publications.europa.eu/resource/authority/currency/EUR";
    public const string Weekly = "http://publications.europa.eu/resource/authority/frequency/WEEKLY";
    public const string Annual = "http://publications.europa.eu/resource/authority/frequency/ANNUAL";

    public static string LanguageIri(string language) => "http://publications.europa.eu/resource/authority/language/" + language switch
    {
        "fr" => "FRA",
        "nl" => "NLD",
        "de" => "DEU",
        _ => "ENG",
    };
}

/// The IRIs of catalogue objects: {base}/id/{kind}/{guid} for what Guichet stores, with the
/// dependent nodes (cost, evidence, opening hours...) below their owner, and code-list concepts
/// under {base}/id/concept/{list}/{code}. The guid makes an IRI survive a change of slug.
internal sealed partial class CatalogueIris(string baseUri)
{
    public string Base { get; } = baseUri.TrimEnd('/');

    public string Organisation(Guid id) => $"{Base}/id/organisation/{id}";
    public string Unit(Guid id) => $"{Base}/id/unit/{id}";
    public string Channel(Guid id) => $"{Base}/id/channel/{id}";
    public string Service(Guid id) => $"{Base}/id/service/{id}";
    public string Concept(string list, string code) => $"{Base}/id/concept/{list}/{code}";
    public string Event(string list, string code) => $"{Base}/id/event/{list}/{code}";

    public const string Themes = "theme";
    public const string LifeEvents = "life-event";
    public const string BusinessEvents = "business-event";
    public const string Audiences = "audience";
    public const string ChannelTypes = "channel-type";
    public const string OrganisationKinds = "organisation-kind";

    [GeneratedRegex(@"/id/(organisation|unit|channel|service)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")]
    private static partial Regex GuichetIri();

    /// The id an IRI stands for: the guid of a Guichet IRI (whatever its base, so that a catalogue
    /// moves between hosts), else a name-based guid derived from the whole IRI, so that foreign
    /// IRIs map to the same record on every import.
    public static Guid IdOf(string iri)
    {
        var match = GuichetIri().Match(iri);
        if (match.Success) return Guid.Parse(match.Groups[2].Value);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("guichet-iri:" + iri));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-like, variant RFC 4122
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// The last segment of a concept or event IRI: its code.
    public static string CodeOf(string iri)
    {
        var cut = Math.Max(iri.LastIndexOf('/'), iri.LastIndexOf('#'));
        return cut >= 0 ? iri[(cut + 1)..] : iri;
    }

    /// The list a concept or event IRI belongs to ("theme", "life-event"...), the segment before the code.
    public static string? ListOf(string iri)
    {
        var cut = iri.LastIndexOf('/');
        if (cut <= 0) return null;
        var start = iri.LastIndexOf('/', cut - 1);
        return start < 0 ? null : iri[(start + 1)..cut];
    }
}
