namespace Guichet.Orient.Cpsv;

// A reader for the JSON-LD that Guichet's export writes, and for the usual hand-written variants
// of it: a document with an inline @context (prefixes and simple term definitions, with "@id",
// "@type": "@id" or a datatype, "@container": "@language") and a @graph of node objects whose
// values are strings, value objects (@value with @language or @type, "@json" included), node
// references or embedded nodes. Remote contexts, @base/@vocab, @reverse and named graphs are not
// supported: they are refused with a clear error rather than half-read. No RDF library is used
// (ADR 0006); this is the subset of JSON-LD 1.1 expansion the import needs.

internal sealed class LdNode(string id, string path)
{
    public string Id { get; } = id;

    /// Where the node is in the document ("@graph[3]"), for error messages.
    public string Path { get; } = path;

    public HashSet<string> Types { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<LdValue>> Properties { get; } = new(StringComparer.Ordinal);

    public bool Is(string typeIri) => Types.Contains(typeIri);

    public IReadOnlyList<LdValue> Values(string property) =>
        Properties.TryGetValue(property, out var values) ? values : [];

    internal void Add(string property, LdValue value)
    {
        if (!Properties.TryGetValue(property, out var values)) Properties[property] = values = [];
        values.Add(value);
    }
}

/// One value: a literal (Text with Language or Datatype), a JSON literal, or a node (Iri, with the
/// node itself when it is embedded or present in the graph).
internal sealed record LdValue(string? Iri, string? Text, string? Language, string? Datatype, JsonElement? Json, LdNode? Node)
{
    public bool IsLiteral => Iri is null && Node is null;
}

internal sealed class JsonLdGraph
{
    private readonly Dictionary<string, LdNode> _byId = new(StringComparer.Ordinal);
    private readonly List<LdNode> _nodes = [];
    private readonly Dictionary<string, Term> _terms = new(StringComparer.Ordinal);
    private readonly List<InvalidParam> _errors;
    private int _blank;

    private sealed record Term(string Iri, string? Coercion, bool LanguageMap);

    private JsonLdGraph(List<InvalidParam> errors) => _errors = errors;

    /// The named nodes (top-level or embedded) in document order; a node given twice is merged
    /// into its first place.
    public IReadOnlyList<LdNode> Nodes => _nodes;

    public LdNode? Find(string iri) => _byId.GetValueOrDefault(iri);

    /// The graph of <paramref name="root"/>, or null with errors when it is not JSON-LD this reader understands.
    public static JsonLdGraph? Read(JsonElement root, List<InvalidParam> errors)
    {
        var graph = new JsonLdGraph(errors);
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$", "not-json-ld", "A JSON-LD document is a JSON object with \"@context\" and \"@graph\"."));
            return null;
        }
        if (root.TryGetProperty("@context", out var context) && !graph.ReadContext(context))
            return null;
        if (!root.TryGetProperty("@graph", out var nodes) || nodes.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("@graph", "not-json-ld", "The document has no \"@graph\" array of nodes."));
            return null;
        }
        var before = errors.Count;
        var index = 0;
        foreach (var node in nodes.EnumerateArray())
        {
            var path = $"@graph[{index++}]";
            if (node.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(path, "not-json-ld", "Every item of \"@graph\" is a node object."));
                continue;
            }
            graph.ReadNode(node, path, topLevel: true);
        }
        graph.Link();
        return errors.Count > before ? null : graph;
    }

    private bool ReadContext(JsonElement context)
    {
        switch (context.ValueKind)
        {
            case JsonValueKind.Object:
                var before = _errors.Count;
                foreach (var entry in context.EnumerateObject())
                {
                    if (entry.Name.StartsWith('@'))
                    {
                        if (entry.Name is "@version") continue;
                        _errors.Add(new($"@context.{entry.Name}", "unsupported-context", $"\"{entry.Name}\" in the context is not supported: write absolute IRIs or prefixes."));
                        continue;
                    }
                    switch (entry.Value.ValueKind)
                    {
                        case JsonValueKind.String:
                            _terms[entry.Name] = new Term(entry.Value.GetString()!, null, false);
                            break;
                        case JsonValueKind.Object when entry.Value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String:
                            var coercion = entry.Value.TryGetProperty("@type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                            var languageMap = entry.Value.TryGetProperty("@container", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() == "@language";
                            _terms[entry.Name] = new Term(id.GetString()!, coercion, languageMap);
                            break;
                        default:
                            _errors.Add(new($"@context.{entry.Name}", "unsupported-context", "A term is defined by an IRI or by an object with \"@id\"."));
                            break;
                    }
                }
                // Second pass: terms may use prefixes defined after them; coercions may be compact.
                foreach (var (name, term) in _terms.ToList())
                    _terms[name] = term with
                    {
                        Iri = ExpandIri(term.Iri) ?? term.Iri,
                        Coercion = term.Coercion is null or "@id" or "@json" or "@vocab" ? term.Coercion : ExpandIri(term.Coercion) ?? term.Coercion,
                    };
                return _errors.Count == before;
            case JsonValueKind.Array:
                foreach (var item in context.EnumerateArray())
                    if (!ReadContext(item)) return false;
                return true;
            case JsonValueKind.Null:
                return true;
            default:
                _errors.Add(new("@context", "unsupported-context", "Only an inline @context is supported; a remote context is not fetched."));
                return false;
        }
    }

    /// An absolute IRI for a compact IRI, a term or an absolute IRI; null when it cannot be one.
    private string? ExpandIri(string value)
    {
        if (value.StartsWith("_:", StringComparison.Ordinal)) return value;
        if (_terms.TryGetValue(value, out var term)) return term.Iri;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var prefix = value[..colon];
        var rest = value[(colon + 1)..];
        if (!rest.StartsWith("//", StringComparison.Ordinal) && _terms.TryGetValue(prefix, out var ns)) return ns.Iri + rest;
        return Uri.TryCreate(value, UriKind.Absolute, out _) ? value : null;
    }

    private LdNode ReadNode(JsonElement element, string path, bool topLevel)
    {
        string id;
        if (element.TryGetProperty("@id", out var idElement))
        {
            var raw = idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : "";
            var expanded = ExpandIri(raw);
            if (expanded is null)
            {
                _errors.Add(new($"{path}.@id", "invalid-iri", $"\"{raw}\" is not an absolute IRI."));
                expanded = "_:invalid" + ++_blank;
            }
            id = expanded;
        }
        else
        {
            if (topLevel && element.EnumerateObject().Any(p => p.Name == "@type"))
                _errors.Add(new($"{path}.@id", "required", "A typed node needs an \"@id\" so that it can be referenced."));
            id = "_:b" + ++_blank;
        }

        var node = _byId.GetValueOrDefault(id);
        if (node is null)
        {
            node = new LdNode(id, path);
            _byId[id] = node;
            if (!id.StartsWith("_:", StringComparison.Ordinal)) _nodes.Add(node);
        }

        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "@id" or "@context":
                    continue;
                case "@type":
                    foreach (var type in Items(property.Value))
                    {
                        var iri = type.ValueKind == JsonValueKind.String ? ExpandIri(type.GetString()!) : null;
                        if (iri is null) _errors.Add(new($"{path}.@type", "invalid-iri", "A type is an IRI."));
                        else node.Types.Add(iri);
                    }
                    continue;
                case "@reverse" or "@graph" or "@included" or "@nest":
                    _errors.Add(new($"{path}.{property.Name}", "unsupported-json-ld", $"\"{property.Name}\" is not supported in a node."));
                    continue;
            }
            if (property.Name.StartsWith('@')) continue;
            var term = _terms.GetValueOrDefault(property.Name);
            var propertyIri = term?.Iri ?? ExpandIri(property.Name);
            if (propertyIri is null) continue; // not mapped to an IRI: JSON-LD drops it, so do we
            var propertyPath = $"{path}.{property.Name}";
            if (term is { LanguageMap: true } && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in property.Value.EnumerateObject())
                    foreach (var text in Items(entry.Value))
                        if (text.ValueKind == JsonValueKind.String)
                            node.Add(propertyIri, new LdValue(null, text.GetString(), entry.Name, null, null, null));
                continue;
            }
            var i = 0;
            foreach (var item in Items(property.Value))
                ReadValue(node, propertyIri, item, term?.Coercion, $"{propertyPath}[{i++}]");
        }
        return node;
    }

    private void ReadValue(LdNode node, string property, JsonElement item, string? coercion, string path)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.Null:
                return;
            case JsonValueKind.String when coercion is "@id" or "@vocab":
                var iri = ExpandIri(item.GetString()!);
                if (iri is null) _errors.Add(new(path, "invalid-iri", $"\"{item.GetString()}\" is not an absolute IRI."));
                else node.Add(property, new LdValue(iri, null, null, null, null, null));
                return;
            case JsonValueKind.String:
                node.Add(property, new LdValue(null, item.GetString(), null, coercion is "@json" ? null : coercion ?? Ns.Xsd + "string", null, null));
                return;
            case JsonValueKind.Number:
                node.Add(property, new LdValue(null, item.GetRawText(), null, item.GetRawText().Contains('.', StringComparison.Ordinal) || item.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase) ? Ns.Xsd + "double" : Ns.Xsd + "integer", null, null));
                return;
            case JsonValueKind.True or JsonValueKind.False:
                node.Add(property, new LdValue(null, item.GetRawText(), null, Ns.Xsd + "boolean", null, null));
                return;
            case JsonValueKind.Object when item.TryGetProperty("@value", out var value):
            {
                var type = item.TryGetProperty("@type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (type == "@json")
                {
                    node.Add(property, new LdValue(null, null, null, Ns.Rdf + "JSON", value.Clone(), null));
                    return;
                }
                var language = item.TryGetProperty("@language", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
                var datatype = type is null ? null : ExpandIri(type);
                var text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                    _ => null,
                };
                if (value.ValueKind == JsonValueKind.Null) return;
                if (text is null) _errors.Add(new(path, "not-json-ld", "\"@value\" is a string, a number or a boolean."));
                else node.Add(property, new LdValue(null, text, language, language is null ? datatype ?? Ns.Xsd + "string" : null, null, null));
                return;
            }
            case JsonValueKind.Object when coercion == "@json":
                node.Add(property, new LdValue(null, null, null, Ns.Rdf + "JSON", item.Clone(), null));
                return;
            case JsonValueKind.Object when item.TryGetProperty("@list", out var list) || item.TryGetProperty("@set", out list):
                var i = 0;
                foreach (var member in Items(list)) ReadValue(node, property, member, coercion, $"{path}[{i++}]");
                return;
            case JsonValueKind.Object:
            {
                var onlyId = item.TryGetProperty("@id", out _) && item.EnumerateObject().All(p => p.Name == "@id");
                if (onlyId)
                {
                    var reference = item.GetProperty("@id");
                    var target = reference.ValueKind == JsonValueKind.String ? ExpandIri(reference.GetString()!) : null;
                    if (target is null) _errors.Add(new(path, "invalid-iri", "A reference is {\"@id\": \"<absolute IRI>\"}."));
                    else node.Add(property, new LdValue(target, null, null, null, null, null));
                    return;
                }
                var embedded = ReadNode(item, path, topLevel: false);
                node.Add(property, new LdValue(embedded.Id.StartsWith("_:", StringComparison.Ordinal) ? null : embedded.Id, null, null, null, null, embedded));
                return;
            }
            default:
                _errors.Add(new(path, "not-json-ld", "An array cannot be nested in an array."));
                return;
        }
    }

    /// References to nodes of the document carry the node, so that readers can follow them.
    private void Link()
    {
        foreach (var node in _byId.Values)
            foreach (var values in node.Properties.Values)
                for (var i = 0; i < values.Count; i++)
                    if (values[i] is { Iri: { } iri, Node: null } && _byId.TryGetValue(iri, out var target))
                        values[i] = values[i] with { Node = target };
    }

    private static IEnumerable<JsonElement> Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];
}
