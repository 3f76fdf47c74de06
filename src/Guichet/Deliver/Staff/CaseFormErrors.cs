using System.Text.RegularExpressions;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;

namespace Guichet.Deliver.Staff;

/// The problems of a case form in the user's language: a message next to each field and, in
/// the error summary at the top, the same message after the field's name, linking to the field.
/// Fields are named like the API's JSON paths ("parties[0].name"); element ids are those paths
/// with every run of other characters turned into a hyphen ("parties-0-name"). Messages come
/// from "cases.error.{code}", field names from "cases.label.{id}".
internal sealed partial class CaseFormErrors(Texts texts)
{
    private readonly Dictionary<string, string> _summary = [];
    private readonly Dictionary<string, string> _fields = [];

    public IReadOnlyDictionary<string, string> Summary => _summary;

    public int Count => _summary.Count;

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotIdCharacters();

    public static string Id(string field) => NotIdCharacters().Replace(field, "-").Trim('-');

    /// The message shown next to the field, or null.
    public string? this[string field] => _fields.GetValueOrDefault(Id(field));

    public bool Has(string field) => _fields.ContainsKey(Id(field));

    /// The message for a code, worded for the field where that helps ("cases.error.{code}.{id}").
    public string Message(string code, string? id = null) =>
        id is not null && texts.Has($"cases.error.{code}.{id}") ? texts[$"cases.error.{code}.{id}"]
        : texts.Has("cases.error." + code) ? texts["cases.error." + code]
        : texts["cases.error.invalid-value"];

    /// Adds a use case's invalid parameters; <paramref name="anchor"/> maps a parameter to the
    /// field that shows it (a list-wide problem to the list's first field).
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
        _summary[id] = texts.Has("cases.label." + id) ? texts["cases.error-line", texts["cases.label." + id], message] : message;
    }

    /// A refusal about a whole form rather than one field, linked to where the form is.
    public void AddGeneral(string code, string anchorId = "main")
    {
        if (!_summary.ContainsKey(anchorId)) _summary[anchorId] = Message(code);
    }
}
