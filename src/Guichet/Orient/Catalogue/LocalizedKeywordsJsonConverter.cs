using System.Text.Json.Serialization;

namespace Guichet.Orient.Catalogue;

/// Reads { "fr": [...], "nl": [...], ... } as strictly as a LocalizedText: an unknown language is
/// an error (`unknown-language`), not silently dropped; a null list is an empty one.
internal sealed class LocalizedKeywordsJsonConverter : JsonConverter<LocalizedKeywords>
{
    public override LocalizedKeywords Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("Keywords are an object such as {\"fr\": [\"...\"], \"nl\": [\"...\"]}.");
        var keywords = new LocalizedKeywords();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var language = reader.GetString()!;
            reader.Read();
            if (!LocalizedText.Languages.Contains(language)) throw new UnknownLanguageException(language);
            IReadOnlyList<string> list = reader.TokenType == JsonTokenType.Null
                ? []
                : JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? [];
            keywords = language switch
            {
                "fr" => keywords with { Fr = list },
                "nl" => keywords with { Nl = list },
                "de" => keywords with { De = list },
                _ => keywords with { En = list },
            };
        }
        return keywords;
    }

    public override void Write(Utf8JsonWriter writer, LocalizedKeywords value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var language in LocalizedText.Languages)
        {
            writer.WritePropertyName(language);
            JsonSerializer.Serialize(writer, value[language], options);
        }
        writer.WriteEndObject();
    }
}
