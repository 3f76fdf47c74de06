using System.Text.RegularExpressions;

namespace Guichet.Platform.Web.Forms;

// The pieces of a staff form, shared by every stage's pages: a field, radios, checkboxes and a
// select, each rendered by its partial in this folder, and the errors shown next to the fields and
// in the error summary. Fields are named like the API's JSON paths ("parties[0].name"); element
// ids are those paths with every run of other characters turned into a hyphen ("parties-0-name").

/// One labelled input, rendered by _Field.cshtml. Lang marks the language of what is typed in
/// (a decision is written in the language of procedure, whatever the page's).
internal sealed record FormField(string Name, string Label, string? Value, string? Error)
{
    public string Type { get; init; } = "text";
    public string? Lang { get; init; }
    public string? Hint { get; init; }
    public bool Multiline { get; init; }
    public int Rows { get; init; } = 4;
    /// For a field in a row of a table-like group, whose column heading says what it is.
    public bool LabelHidden { get; init; }
    public string? Autocomplete { get; init; }
    public string? CssClass { get; init; }
    public string? InputMode { get; init; }
    public bool Autofocus { get; init; }

    public string Id => FieldErrors.Id(Name);
}

/// A choice of a select or a group of radios; Lang when its label is not in the page's language.
internal sealed record FormChoice(string Value, string Label, string? Lang = null)
{
    public string? Hint { get; init; }
}

/// A group of radios in a fieldset, rendered by _Radios.cshtml; the first radio carries the
/// group's id so that the error summary can link to it.
internal sealed record FormRadios(string Name, string Legend, IReadOnlyList<FormChoice> Choices, string? Selected, string? Error)
{
    public string? Hint { get; init; }
    public bool Inline { get; init; }

    public string Id => FieldErrors.Id(Name);

    public string IdOf(int index) => index == 0 ? Id : $"{Id}-{FieldErrors.Id(Choices[index].Value)}";
}

/// A group of checkboxes in a fieldset, rendered by _Checkboxes.cshtml; the first box carries the
/// group's id so that the error summary can link to it.
internal sealed record FormCheckboxes(string Name, string Legend, IReadOnlyList<FormChoice> Choices, IReadOnlyCollection<string> Selected, string? Error)
{
    public string? Hint { get; init; }

    public string Id => FieldErrors.Id(Name);

    public string IdOf(int index) => index == 0 ? Id : $"{Id}-{FieldErrors.Id(Choices[index].Value)}";
}

/// A select, rendered by _Select.cshtml; an empty first option when Empty is set.
internal sealed record FormSelect(string Name, string Label, IReadOnlyList<FormChoice> Choices, string? Selected, string? Error)
{
    public string? Empty { get; init; }
    public string? Hint { get; init; }

    public string Id => FieldErrors.Id(Name);
}

/// The problems of a form in the user's language: a message next to each field and, in the error
/// summary at the top, the same message after the field's name, linking to the field. Messages
/// come from "{prefix}.error.{code}" (or "{prefix}.error.{code}.{id}" where a field words it
/// better; "{prefix}.error.invalid-value", else "error.invalid-value", for a code without words),
/// field names from "{prefix}.label.{id}" — or, with <see cref="PathLabels"/>, from the field's path.
internal sealed partial class FieldErrors(Texts texts, string prefix)
{
    private readonly Dictionary<string, string> _summary = [];
    private readonly Dictionary<string, string> _fields = [];

    public IReadOnlyDictionary<string, string> Summary => _summary;

    public int Count => _summary.Count;

    /// For forms whose fields are JSON paths through lists ("evidence[1].fr"), too many to name one
    /// by one: a field is named segment by segment, "{prefix}.label.{name}" for a name,
    /// "{prefix}.label.{name}-item" with the item's number (else the name and the number) for an
    /// item of a list, the language's name for a language ("Document 2 – French").
    public bool PathLabels { get; init; }

    /// With PathLabels: the name of item <c>index</c> of a list when it is not "its kind and its
    /// number" (the first period of opening hours is the regular week), else null.
    public Func<string, int, string?>? ItemLabel { get; init; }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotIdCharacters();

    [GeneratedRegex(@"^(?<name>[A-Za-z]+)(\[(?<index>\d+)\])?$")]
    private static partial Regex PathSegment();

    public static string Id(string field) => NotIdCharacters().Replace(field, "-").Trim('-');

    /// The message shown next to the field, or null.
    public string? this[string field] => _fields.GetValueOrDefault(Id(field));

    public bool Has(string field) => _fields.ContainsKey(Id(field));

    public string Message(string code, string? id = null) =>
        id is not null && texts.Has($"{prefix}.error.{code}.{id}") ? texts[$"{prefix}.error.{code}.{id}"]
        : texts.Has($"{prefix}.error.{code}") ? texts[$"{prefix}.error.{code}"]
        : texts.Has($"{prefix}.error.invalid-value") ? texts[$"{prefix}.error.invalid-value"]
        : texts["error.invalid-value"];

    /// Adds a use case's invalid parameters; <paramref name="anchor"/> maps a parameter to the
    /// field that shows it (a list-wide problem to the list's first field). With PathLabels the
    /// summary names the parameter itself ("Time slot 3", not the slot's first field).
    public void Add(IEnumerable<InvalidParam> errors, Func<string, string>? anchor = null)
    {
        foreach (var error in errors) Add(anchor?.Invoke(error.Name) ?? error.Name, error.Code, error.Name);
    }

    public void Add(string field, string code, string? labelOf = null)
    {
        var id = Id(field);
        if (_fields.ContainsKey(id)) return;
        var message = Message(code, id);
        _fields[id] = message;
        var label = PathLabels ? Label(labelOf ?? field) : texts.Has($"{prefix}.label.{id}") ? texts[$"{prefix}.label.{id}"] : null;
        _summary[id] = label is null ? message : texts[$"{prefix}.error-line", label, message];
    }

    /// A refusal about a whole form rather than one field, linked to where the form is.
    public void AddGeneral(string code, string anchorId = "main")
    {
        if (!_summary.ContainsKey(anchorId)) _summary[anchorId] = Message(code);
    }

    /// The field's name as PathLabels builds it: "evidence[1].fr" → "Document 2 – French".
    public string Label(string field)
    {
        var parts = new List<string>();
        foreach (var segment in field.Split('.'))
        {
            var match = PathSegment().Match(segment);
            if (LocalizedText.Languages.Contains(segment)) parts.Add(texts["language." + segment]);
            else if (!match.Success) parts.Add(segment);
            else parts.Add(SegmentLabel(match.Groups["name"].Value,
                match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) : null));
        }
        return string.Join(" – ", parts);
    }

    private string SegmentLabel(string name, int? index)
    {
        var label = texts.Has($"{prefix}.label.{name}") ? texts[$"{prefix}.label.{name}"] : name;
        if (index is not { } i) return label;
        return ItemLabel?.Invoke(name, i)
            ?? (texts.Has($"{prefix}.label.{name}-item") ? texts[$"{prefix}.label.{name}-item", i + 1] : $"{label} {i + 1}");
    }
}
