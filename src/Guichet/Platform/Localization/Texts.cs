using System.Collections.Frozen;

namespace Guichet.Platform.Localization;

/// The user-facing texts of Guichet in FR, NL, DE and EN. Each module keeps its own texts
/// beside its code, one JSON file per language (texts-fr.json, texts-nl.json, ...), embedded in
/// the assembly and merged here; a key defined twice is an error. A key missing in a language
/// falls back to English and then to the key itself; a test keeps the four languages complete.
internal sealed class Texts
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    public Texts()
    {
        var assembly = typeof(Texts).Assembly;
        var result = new Dictionary<string, FrozenDictionary<string, string>>();
        foreach (var language in Languages.Supported)
        {
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith($".texts-{language}.json", StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                foreach (var (key, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
                    if (!merged.TryAdd(key, text))
                        throw new InvalidOperationException($"The text key '{key}' is defined twice ({name}).");
            }
            result[language] = merged.ToFrozenDictionary();
        }
        _byLanguage = result.ToFrozenDictionary();
    }

    public IReadOnlyDictionary<string, string> Of(string language) => _byLanguage[language];

    /// The text for <paramref name="key"/> in the current UI language.
    public string this[string key] => Get(Languages.Current, key);

    public string this[string key, params object?[] args] =>
        string.Format(CultureInfo.CurrentCulture, Get(Languages.Current, key), args);

    public string Get(string language, string key) =>
        _byLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text) ? text
        : _byLanguage["en"].TryGetValue(key, out var english) ? english
        : key;

    public bool Has(string key) => _byLanguage["en"].ContainsKey(key);
}
