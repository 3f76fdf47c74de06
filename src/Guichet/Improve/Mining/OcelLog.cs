namespace Guichet.Improve.Mining;

/// An OCEL 2.0 event: its type, its time and the objects it relates to, each with a qualifier.
internal sealed record OcelEvent(string Id, string Type, DateTimeOffset Time, IReadOnlyList<OcelRelation> Relationships);

internal sealed record OcelRelation(string ObjectId, string Qualifier);

internal sealed record OcelObject(string Id, string Type);

/// OCEL 2.0 JSON: read and flattened on the object type chosen as the case (an event related to two
/// objects of that type is in both cases), and written with its object and event types.
internal static class OcelLog
{
    public static Result<ImportedLog> Read(Stream stream, string? caseType)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return Result<ImportedLog>.Refused(LogRefusals.Malformed($"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}"));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return NotOcel("the root is not an object");
            if (!root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array) return NotOcel("no \"objects\" array");
            if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array) return NotOcel("no \"events\" array");

            var typeOf = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var o in objects.EnumerateArray())
            {
                index++;
                if (Text(o, "id") is not { } id || Text(o, "type") is not { } type) return NotOcel($"object {index} has no id or type");
                typeOf[id] = type;
            }
            var types = typeOf.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            caseType = string.IsNullOrWhiteSpace(caseType) ? (types.Contains("case") ? "case" : types.Count == 1 ? types[0] : null) : caseType.Trim();
            if (caseType is null || !types.Contains(caseType)) return Result<ImportedLog>.Refused(LogRefusals.ObjectTypeUnknown(types));

            var flat = new List<LogEvent>();
            index = 0;
            foreach (var e in events.EnumerateArray())
            {
                index++;
                if (Text(e, "id") is null || Text(e, "type") is not { } activity) return NotOcel($"event {index} has no id or type");
                if (Text(e, "time") is not { } timeText || !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                    return Result<ImportedLog>.Refused(LogRefusals.TimestampMissing($"event {index}"));
                if (!e.TryGetProperty("relationships", out var relations)) continue;
                if (relations.ValueKind != JsonValueKind.Array) return NotOcel($"the relationships of event {index} are not an array");
                string? unit = null;
                var cases = new List<string>();
                foreach (var r in relations.EnumerateArray())
                {
                    if (Text(r, "objectId") is not { } objectId) return NotOcel($"a relationship of event {index} has no objectId");
                    if (!typeOf.TryGetValue(objectId, out var type)) continue;
                    if (type == caseType && !cases.Contains(objectId)) cases.Add(objectId);
                    else if (type == "unit") unit ??= objectId;
                }
                if (flat.Count + cases.Count > XesLog.MaxEvents) return Result<ImportedLog>.Refused(LogRefusals.TooLarge(XesLog.MaxEvents));
                foreach (var c in cases) flat.Add(new LogEvent(c, activity, time, null, null, unit));
            }
            return flat.Count == 0 ? Result<ImportedLog>.Refused(LogRefusals.Empty) : new ImportedLog("ocel", flat);
        }
    }

    private static Result<ImportedLog> NotOcel(string what) => Result<ImportedLog>.Refused(LogRefusals.NotOcel(what));

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    public static void Write(Stream stream, IReadOnlyCollection<OcelObject> objects, IEnumerable<OcelEvent> events)
    {
        var eventList = events as IReadOnlyCollection<OcelEvent> ?? [.. events];
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartArray("objectTypes");
        foreach (var type in objects.Select(o => o.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) TypeEntry(json, type);
        json.WriteEndArray();
        json.WriteStartArray("eventTypes");
        foreach (var type in eventList.Select(e => e.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) TypeEntry(json, type);
        json.WriteEndArray();
        json.WriteStartArray("objects");
        foreach (var o in objects)
        {
            json.WriteStartObject();
            json.WriteString("id", o.Id);
            json.WriteString("type", o.Type);
            json.WriteStartArray("attributes");
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("events");
        foreach (var e in eventList)
        {
            json.WriteStartObject();
            json.WriteString("id", e.Id);
            json.WriteString("type", e.Type);
            json.WriteString("time", e.Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteStartArray("attributes");
            json.WriteEndArray();
            json.WriteStartArray("relationships");
            foreach (var r in e.Relationships)
            {
                json.WriteStartObject();
                json.WriteString("objectId", r.ObjectId);
                json.WriteString("qualifier", r.Qualifier);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void TypeEntry(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteStartArray("attributes");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// A flat log as OCEL: each case an object of the given type, each unit and resource an object
    /// too, every event related to them (qualifiers "case", "unit", "resource").
    public static void Write(Stream stream, IReadOnlyList<LogEvent> log, string caseType = "case")
    {
        var objects = new Dictionary<string, OcelObject>(StringComparer.Ordinal);
        string Object(string type, string id)
        {
            var key = type + ":" + id;
            objects.TryAdd(key, new OcelObject(key, type));
            return key;
        }
        var events = new List<OcelEvent>(log.Count);
        var n = 0;
        foreach (var e in log)
        {
            var relations = new List<OcelRelation> { new(Object(caseType, e.Case), "case") };
            if (e.Unit is { Length: > 0 } unit) relations.Add(new OcelRelation(Object("unit", unit), "unit"));
            if (e.Resource is { Length: > 0 } resource) relations.Add(new OcelRelation(Object("resource", resource), "resource"));
            events.Add(new OcelEvent($"e{++n}", e.Activity, e.Time, relations));
        }
        Write(stream, objects.Values, events);
    }
}
