namespace Guichet.Orient.Catalogue;

/// The controlled vocabularies of the catalogue (themes, life events, business events), each
/// code with a label in four languages (code-lists.json). Exported as skos:Concepts.
internal sealed class CodeLists
{
    public IReadOnlyDictionary<string, LocalizedText> Themes { get; }
    public IReadOnlyDictionary<string, LocalizedText> LifeEvents { get; }
    public IReadOnlyDictionary<string, LocalizedText> BusinessEvents { get; }

    private sealed record Entry(string Code, LocalizedText Label);

    private sealed record File(List<Entry> Themes, List<Entry> LifeEvents, List<Entry> BusinessEvents);

    public CodeLists()
    {
        var assembly = typeof(CodeLists).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Catalogue.code-lists.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        var file = JsonSerializer.Deserialize<File>(stream, JsonColumn.Options)!;
        Themes = file.Themes.ToDictionary(e => e.Code, e => e.Label);
        LifeEvents = file.LifeEvents.ToDictionary(e => e.Code, e => e.Label);
        BusinessEvents = file.BusinessEvents.ToDictionary(e => e.Code, e => e.Label);
    }
}
