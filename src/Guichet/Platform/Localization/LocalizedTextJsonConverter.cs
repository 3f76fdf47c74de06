using System.Text.Json.Serialization;

namespace Guichet.Platform.Localization;

/// Thrown while reading JSON that names a language Guichet does not speak; the API answers it
/// with the code `unknown-language`.
internal sealed class UnknownLanguageException(string language)
    : JsonException($"Unknown language '{language}': use fr, nl, de or en.")
{
    public string Language { get; } = language;
}

/// Reads { "fr": "...", "nl": "...", ... } strictly: an unknown language is an error, not ignored.
internal sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A localized text is an object such as {\"fr\": \"...\", \"nl\": \"...\"}.");
        var text = new LocalizedText();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var language = reader.GetString()!;
            reader.Read();
            if (!LocalizedText.Languages.Contains(language)) throw new UnknownLanguageException(language);
            string? value = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.String => Web.RequestReading.ReadText(ref reader), // the platform's rule on text (no NUL, valid UTF-8)
                _ => throw new JsonException($"The text in '{language}' must be a string."),
            };
            text = text.With(language, value);
        }
        return text;
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var language in LocalizedText.Languages)
            if (value[language] is { } text) writer.WriteString(language, text);
        writer.WriteEndObject();
    }
}
