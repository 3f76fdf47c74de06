namespace Guichet.Deliver.CaseTypes;

/// What a case type must satisfy before it is saved; every problem is reported with its field.
internal static class CaseTypeRules
{
    /// The languages of procedure (coordinated laws of 18 July 1966): decisions and notices exist in these.
    public static readonly IReadOnlyList<string> ProcedureLanguages = ["fr", "nl", "de"];

    public static List<InvalidParam> Validate(CaseTypeContent c, string primaryLanguage)
    {
        if (MissingParts(c) is { Count: > 0 } missing) return missing;

        var errors = new List<InvalidParam>();
        void Text(string field, LocalizedText? text)
        {
            if (text is null || !text.Has(primaryLanguage)) errors.Add(new(field, "missing-primary-language", $"A text in {primaryLanguage}, the organisation's primary language, is required."));
        }
        Text("name", c.Name);
        if (c.Clock.Days is < 1 or > 3650) errors.Add(new("clock.days", "out-of-range", "From 1 to 3650 days."));
        if (c.Clock.WarningPercent is < 1 or > 100) errors.Add(new("clock.warningPercent", "out-of-range", "From 1 to 100."));
        if (c.InternalNormDays < 1 || c.InternalNormDays > c.Clock.Days)
            errors.Add(new("internalNormDays", "out-of-range", "At least 1 and at most the statutory days: the internal norm is what makes the promise hold."));
        if (c.ExtensionDays is < 1 or > 3650) errors.Add(new("extensionDays", "out-of-range", "From 1 to 3650 days, or none."));
        var reasonCodes = new HashSet<string>();
        for (var i = 0; i < c.SuspensionReasons.Count; i++)
        {
            if (!IsCode(c.SuspensionReasons[i].Code) || !reasonCodes.Add(c.SuspensionReasons[i].Code))
                errors.Add(new($"suspensionReasons[{i}].code", "invalid-code", "A unique code of lower-case letters, digits and hyphens."));
            Text($"suspensionReasons[{i}].label", c.SuspensionReasons[i].Label);
        }
        for (var i = 0; i < c.RequiredDocuments.Count; i++) Text($"requiredDocuments[{i}]", c.RequiredDocuments[i]);

        if (c.Statuses.Count == 0) errors.Add(new("statuses", "required", "At least one status."));
        var codes = new HashSet<string>();
        for (var i = 0; i < c.Statuses.Count; i++)
        {
            var s = c.Statuses[i];
            if (!IsCode(s.Code) || !codes.Add(s.Code)) errors.Add(new($"statuses[{i}].code", "invalid-code", "A unique code of lower-case letters, digits and hyphens."));
            Text($"statuses[{i}].customerText", s.CustomerText);
            if (s.ExpectedDays is < 0 or > 3650) errors.Add(new($"statuses[{i}].expectedDays", "out-of-range", "From 0 to 3650 days."));
            if (s.Final && s.Next.Count > 0) errors.Add(new($"statuses[{i}].next", "final-status-has-next", "A final status leads nowhere."));
        }
        for (var i = 0; i < c.Statuses.Count; i++)
            for (var j = 0; j < c.Statuses[i].Next.Count; j++)
                if (!codes.Contains(c.Statuses[i].Next[j])) errors.Add(new($"statuses[{i}].next[{j}]", "unknown-status", "Not a status of this case type."));
        if (c.Statuses.Count > 0 && !c.Statuses.Any(s => s.Final)) errors.Add(new("statuses", "no-final-status", "At least one status ends the case."));
        if (c.Statuses.Count > 0 && !c.Statuses.Any(s => s.Decision)) errors.Add(new("statuses", "no-decision-status", "One status is where a decision takes the case."));
        for (var i = 0; i < c.Statuses.Count; i++)
            if (c.Statuses[i].Decision && !c.Statuses[i].Final) errors.Add(new($"statuses[{i}].final", "decision-status-not-final", "A decision ends the case: its status is final."));

        if (c.UnitIds.Count == 0) errors.Add(new("unitIds", "required", "At least one unit handles these cases."));
        if (c.Outcomes.Count == 0) errors.Add(new("outcomes", "required", "At least one decision outcome."));
        foreach (var (outcome, i) in c.Outcomes.Select((o, i) => (o, i)))
            if (!Enum.IsDefined(outcome)) errors.Add(new($"outcomes[{i}]", "unknown-code", "Use granted, refused, partiallyGranted or inadmissible."));

        // The appeal block must exist in every language a case of this type can be conducted in.
        var a = c.Appeal;
        foreach (var language in ProcedureLanguages)
        {
            if (!a.Body.Has(language)) errors.Add(new($"appeal.body.{language}", "required", "The appeal body, in each language of procedure."));
            if (!a.Form.Has(language)) errors.Add(new($"appeal.form.{language}", "required", "The form of the appeal, in each language of procedure."));
            if (!a.Address.Has(language)) errors.Add(new($"appeal.address.{language}", "required", "Where to send the appeal, in each language of procedure."));
        }
        if (a.DeadlineDays is < 1 or > 365) errors.Add(new("appeal.deadlineDays", "out-of-range", "From 1 to 365 days."));
        return errors;
    }

    public static bool IsCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= 50 && code.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && code[0] != '-';

    private static List<InvalidParam> MissingParts(CaseTypeContent c)
    {
        // JSON can say null where the type says "required": report it instead of failing on it.
        var missing = new List<InvalidParam>();
        if (c.Name is null) missing.Add(new("name", "required", "The case type's name."));
        if (c.Clock is null) missing.Add(new("clock", "required", "The statutory processing time."));
        if (c.Statuses is null || c.Statuses.Any(s => s is null || s.Code is null || s.Next is null || s.Next.Any(n => n is null)))
            missing.Add(new("statuses", "required", "The statuses, each with a code and its next statuses."));
        if (c.UnitIds is null) missing.Add(new("unitIds", "required", "The units that handle these cases."));
        if (c.Appeal is null || c.Appeal.Body is null || c.Appeal.Form is null || c.Appeal.Address is null) missing.Add(new("appeal", "required", "The appeal body, form, deadline and address."));
        if (c.SuspensionReasons is null || c.SuspensionReasons.Any(r => r is null || r.Code is null)) missing.Add(new("suspensionReasons", "required", "A list, possibly empty."));
        if (c.RequiredDocuments is null || c.RequiredDocuments.Any(d => d is null)) missing.Add(new("requiredDocuments", "required", "A list, possibly empty."));
        if (c.Outcomes is null) missing.Add(new("outcomes", "required", "The decision outcomes."));
        if (c.LegalGroundTemplates is null || c.LegalGroundTemplates.Any(d => d is null)) missing.Add(new("legalGroundTemplates", "required", "A list, possibly empty."));
        return missing;
    }
}
