namespace Guichet.Orient.Catalogue.Pages.Staff;

/// One labelled input of an editor form, rendered by _Field.cshtml. Lang marks the language of
/// what is typed in (a Dutch name), which may differ from the page's.
internal sealed record Field(string Name, string Label, string? Value, string? Error)
{
    public string Type { get; init; } = "text";
    public string? Lang { get; init; }
    public string? Hint { get; init; }
    public bool Multiline { get; init; }
    public bool LabelHidden { get; init; }
    public string? Autocomplete { get; init; }
    public string? CssClass { get; init; }

    public string Id => FormErrors.Id(Name);
}

/// A choice in a select or a group of checkboxes; Lang when its label is not in the page's language.
internal sealed record Choice(string Value, string Label, string? Lang = null);

/// A group of checkboxes in a fieldset, rendered by _Checkboxes.cshtml; the first box carries the
/// group's id so that the error summary can link to it.
internal sealed record CheckboxGroup(string Name, string Legend, IReadOnlyList<Choice> Choices, IReadOnlyCollection<string> Selected, string? Error)
{
    public string? Hint { get; init; }

    public string Id => FormErrors.Id(Name);
}

internal static class Labels
{
    /// "français" as a label on its own reads "Français".
    public static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.CurrentCulture) + text[1..];
}
