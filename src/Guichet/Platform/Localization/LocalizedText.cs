using System.Text.Json.Serialization;

namespace Guichet.Platform.Localization;

/// A text in the four languages Guichet speaks. Any of them may be missing; the organisation's
/// primary language is the fallback (see <see cref="Resolve"/>).
[JsonConverter(typeof(LocalizedTextJsonConverter))]
internal sealed record LocalizedText
{
    [JsonPropertyName("fr")] public string? Fr { get; init; }
    [JsonPropertyName("nl")] public string? Nl { get; init; }
    [JsonPropertyName("de")] public string? De { get; init; }
    [JsonPropertyName("en")] public string? En { get; init; }

    public static readonly IReadOnlyList<string> Languages = ["fr", "nl", "de", "en"];

    public string? this[string language] => language switch
    {
        "fr" => Fr,
        "nl" => Nl,
        "de" => De,
        "en" => En,
        _ => null,
    };

    public LocalizedText With(string language, string? text) => language switch
    {
        "fr" => this with { Fr = text },
        "nl" => this with { Nl = text },
        "de" => this with { De = text },
        "en" => this with { En = text },
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown language."),
    };

    public bool Has(string language) => !string.IsNullOrWhiteSpace(this[language]);

    public bool IsEmpty => Languages.All(l => !Has(l));

    /// The text in <paramref name="language"/>, else in <paramref name="fallback"/>, else in any
    /// language; <c>Language</c> says which one was used so pages can say so.
    public (string Text, string Language) Resolve(string language, string fallback)
    {
        if (Has(language)) return (this[language]!, language);
        if (Has(fallback)) return (this[fallback]!, fallback);
        foreach (var l in Languages)
            if (Has(l)) return (this[l]!, l);
        return ("", language);
    }

    public static LocalizedText Of(string fr, string nl, string de, string en) => new() { Fr = fr, Nl = nl, De = de, En = en };
}
