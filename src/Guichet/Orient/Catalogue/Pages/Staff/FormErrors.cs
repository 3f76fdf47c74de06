using System.Text.RegularExpressions;
using Guichet.Platform.Localization;
using Guichet.Platform.Web;

namespace Guichet.Orient.Catalogue.Pages.Staff;

/// The invalid fields of an editor form, in the user's language: one message per field next to
/// it, and the same with the field's name in the error summary, which links to the field. Field
/// names are the JSON paths of the API ("evidence[1].fr"); element ids are those paths with every
/// run of other characters turned into a hyphen ("evidence-1-fr").
internal sealed partial class FormErrors(Texts texts)
{
    private readonly Dictionary<string, string> _summary = [];
    private readonly Dictionary<string, string> _fields = [];

    public IReadOnlyDictionary<string, string> Summary => _summary;

    public int Count => _summary.Count;

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotIdCharacters();

    [GeneratedRegex(@"^(?<name>[A-Za-z]+)(\[(?<index>\d+)\])?$")]
    private static partial Regex Segment();

    public static string Id(string field) => NotIdCharacters().Replace(field, "-").Trim('-');

    /// The message shown next to the field, or null.
    public string? this[string field] => _fields.GetValueOrDefault(Id(field));

    public bool Has(string field) => _fields.ContainsKey(Id(field));

    /// Adds the refusal's invalid parameters; <paramref name="anchor"/> maps a parameter to the
    /// form field that shows it (a keyword to its language's keyword box, a row to its first input).
    public void Add(IEnumerable<InvalidParam> errors, Func<string, string>? anchor = null)
    {
        foreach (var error in errors)
            Add(anchor?.Invoke(error.Name) ?? error.Name, error.Code, error.Name);
    }

    /// A refusal about the whole form rather than one field: summarised, linked to the page's main content.
    public void AddGeneral(string code)
    {
        if (_summary.ContainsKey("main")) return;
        _summary["main"] = texts.Has("error." + code) ? texts["error." + code] : texts["error.invalid-value"];
    }

    public void Add(string field, string code, string? labelOf = null)
    {
        var id = Id(field);
        if (_fields.ContainsKey(id)) return;
        var message = texts.Has("error." + code) ? texts["error." + code] : texts["error.invalid-value"];
        _fields[id] = message;
        _summary[id] = texts["catalogue.error.line", Label(labelOf ?? field), message];
    }

    /// "evidence[1].fr" → "Required document 2 – French".
    public string Label(string field)
    {
        var parts = new List<string>();
        foreach (var segment in field.Split('.'))
        {
            if (LocalizedText.Languages.Contains(segment))
            {
                parts.Add(texts["language." + segment]);
                continue;
            }
            var match = Segment().Match(segment);
            if (!match.Success)
            {
                parts.Add(segment);
                continue;
            }
            var name = match.Groups["name"].Value;
            var label = texts.Has("catalogue.field." + name) ? texts["catalogue.field." + name] : name;
            if (!match.Groups["index"].Success)
            {
                parts.Add(label);
                continue;
            }
            var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            // The first period is the regular week; the others are the seasons, numbered from 1.
            parts.Add(name == "periods" ? (index == 0 ? texts["catalogue.hours.regular"] : texts["catalogue.hours.season", index])
                : texts.Has($"catalogue.field.{name}-item") ? texts[$"catalogue.field.{name}-item", index + 1]
                : $"{label} {index + 1}");
        }
        return string.Join(" – ", parts);
    }
}
