namespace Guichet.Deliver.Staff;

/// One labelled input of a case form, rendered by _Field.cshtml. Lang marks the language of
/// what is typed in (a decision is written in the language of procedure, whatever the page's).
internal sealed record CaseField(string Name, string Label, string? Value, string? Error)
{
    public string Type { get; init; } = "text";
    public string? Lang { get; init; }
    public string? Hint { get; init; }
    public bool Multiline { get; init; }
    public int Rows { get; init; } = 4;
    public string? Autocomplete { get; init; }
    public string? CssClass { get; init; }

    public string Id => CaseFormErrors.Id(Name);
}

/// A choice of a select or a group of radios; Lang when its label is not in the page's language.
internal sealed record CaseChoice(string Value, string Label, string? Lang = null)
{
    public string? Hint { get; init; }
}

/// A group of radios in a fieldset, rendered by _Radios.cshtml; the first radio carries the
/// group's id so that the error summary can link to it.
internal sealed record CaseRadios(string Name, string Legend, IReadOnlyList<CaseChoice> Choices, string? Selected, string? Error)
{
    public string? Hint { get; init; }
    public bool Inline { get; init; }

    public string Id => CaseFormErrors.Id(Name);

    public string IdOf(int index) => index == 0 ? Id : $"{Id}-{CaseFormErrors.Id(Choices[index].Value)}";
}

/// A select, rendered by _Select.cshtml; an empty first option when Empty is set.
internal sealed record CaseSelect(string Name, string Label, IReadOnlyList<CaseChoice> Choices, string? Selected, string? Error)
{
    public string? Empty { get; init; }
    public string? Hint { get; init; }

    public string Id => CaseFormErrors.Id(Name);
}
