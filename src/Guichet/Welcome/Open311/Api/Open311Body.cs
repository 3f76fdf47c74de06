namespace Guichet.Welcome.Open311.Api;

/// Reads a posted service request: form-encoded (the spec), multipart, or a JSON object (the same
/// names; attributes as `attribute[code]` keys or an `attribute` object). Values become strings:
/// the rules that follow check them the same way whatever the format.
internal static class Open311Body
{
    private const string AttributePrefix = "attribute[";

    public static async Task<(Dictionary<string, string>? Fields, Dictionary<string, string>? Attributes, (int Status, string Description)? Error)> ReadAsync(
        HttpRequest request, CancellationToken ct)
    {
        var raw = new List<KeyValuePair<string, string>>();
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                raw.AddRange(form.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())));
            }
            else if (request.ContentType is { } type && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase)))
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, null, (400, "The body must be a JSON object."));
                foreach (var p in document.RootElement.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Object && p.Name == "attribute")
                    {
                        foreach (var a in p.Value.EnumerateObject())
                            if (Scalar(a.Value) is { } v) raw.Add(KeyValuePair.Create(AttributePrefix + a.Name + "]", v));
                            else return (null, null, (400, $"attribute.{a.Name} must be a string or a number."));
                    }
                    else if (p.Value.ValueKind != JsonValueKind.Null)
                    {
                        if (Scalar(p.Value) is { } v) raw.Add(KeyValuePair.Create(p.Name, v));
                        else return (null, null, (400, $"{p.Name} must be a string or a number."));
                    }
                }
            }
            else return (null, null, (StatusCodes.Status415UnsupportedMediaType, "Send application/x-www-form-urlencoded, multipart/form-data or application/json."));
        }
        catch (JsonException) { return (null, null, (400, "The body is not valid JSON.")); }
        catch (InvalidOperationException) { return (null, null, (400, "The body is not valid UTF-8.")); } // a string that cannot be decoded
        catch (InvalidDataException) { return (null, null, (400, "The form body cannot be read.")); }
        catch (BadHttpRequestException e) { return (null, null, (e.StatusCode, "The body cannot be read.")); }

        // This body is read by hand (Open311 takes forms and JSON alike), so the platform's rule on
        // text is applied here too (RequestReading).
        if (raw.Any(f => Platform.Web.RequestReading.HasNul(f.Key) || Platform.Web.RequestReading.HasNul(f.Value)))
            return (null, null, (400, Platform.Web.RequestReading.Reason(Platform.Web.RequestReading.InvalidCharacter)));
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            if (key.StartsWith(AttributePrefix, StringComparison.Ordinal) && key.EndsWith(']'))
            {
                if (!string.IsNullOrWhiteSpace(value)) attributes[key[AttributePrefix.Length..^1]] = value.Trim();
            }
            else fields[key] = value;
        }
        return (fields, attributes, null);
    }

    private static string? Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
