using System.Text.RegularExpressions;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;

namespace Guichet.Welcome.Contacts.Staff;

// The form pieces of the contact pages. Welcome comes before Deliver in the customer process, so
// these pages do not borrow Deliver's partials; they follow the same markup.

/// One labelled input, rendered by _Field.cshtml. Lang marks the language of what is typed in.
internal sealed record ContactField(string Name, string Label, string? Value, string? Error)
{
    public string Type { get; init; } = "text";
    public string? Lang { get; init; }
    public string? Hint { get; init; }
    public bool Multiline { get; init; }
    public int Rows { get; init; } = 4;
    public string? Autocomplete { get; init; }
    public string? CssClass { get; init; }
    public string? InputMode { get; init; }
    public bool Autofocus { get; init; }

    public string Id => ContactFormErrors.Id(Name);
}

/// A choice of a select or a group of radios; Lang when its label is not in the page's language.
internal sealed record ContactChoice(string Value, string Label, string? Lang = null)
{
    public string? Hint { get; init; }
}

/// A group of radios in a fieldset, rendered by _Radios.cshtml; the first radio carries the
/// group's id so that the error summary can link to it.
internal sealed record ContactRadios(string Name, string Legend, IReadOnlyList<ContactChoice> Choices, string? Selected, string? Error)
{
    public string? Hint { get; init; }
    public bool Inline { get; init; }

    public string Id => ContactFormErrors.Id(Name);

    public string IdOf(int index) => index == 0 ? Id : $"{Id}-{ContactFormErrors.Id(Choices[index].Value)}";
}

/// A select, rendered by _Select.cshtml; an empty first option when Empty is set.
internal sealed record ContactSelect(string Name, string Label, IReadOnlyList<ContactChoice> Choices, string? Selected, string? Error)
{
    public string? Empty { get; init; }
    public string? Hint { get; init; }

    public string Id => ContactFormErrors.Id(Name);
}

/// The problems of a contact form in the user's language: a message next to each field and, in
/// the error summary at the top, the same message after the field's name, linking to the field.
/// Fields are named like the API's JSON paths ("onBehalfOf.name"); element ids are those paths
/// with every run of other characters turned into a hyphen. Messages come from
/// "contacts.error.{code}" (or "contacts.error.{code}.{id}"), field names from "contacts.label.{id}".
internal sealed partial class ContactFormErrors(Texts texts)
{
    private readonly Dictionary<string, string> _summary = [];
    private readonly Dictionary<string, string> _fields = [];

    public IReadOnlyDictionary<string, string> Summary => _summary;

    public int Count => _summary.Count;

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotIdCharacters();

    public static string Id(string field) => NotIdCharacters().Replace(field, "-").Trim('-');

    public string? this[string field] => _fields.GetValueOrDefault(Id(field));

    public string Message(string code, string? id = null) =>
        id is not null && texts.Has($"contacts.error.{code}.{id}") ? texts[$"contacts.error.{code}.{id}"]
        : texts.Has("contacts.error." + code) ? texts["contacts.error." + code]
        : texts["contacts.error.invalid-value"];

    public void Add(IEnumerable<InvalidParam> errors, Func<string, string>? anchor = null)
    {
        foreach (var error in errors) Add(anchor?.Invoke(error.Name) ?? error.Name, error.Code);
    }

    public void Add(string field, string code)
    {
        var id = Id(field);
        if (_fields.ContainsKey(id)) return;
        var message = Message(code, id);
        _fields[id] = message;
        _summary[id] = texts.Has("contacts.label." + id) ? texts["contacts.error-line", texts["contacts.label." + id], message] : message;
    }
}
