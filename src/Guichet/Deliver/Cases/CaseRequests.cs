namespace Guichet.Deliver.Cases;

/// The body of POST /api/v1/cases. Everything is optional in the type so that a missing field is
/// reported by name (400 with invalidParams) rather than as unreadable JSON. ContactId: the
/// contact of the register the case is opened from; it becomes "case opened" in the same transaction.
internal sealed record OpenCaseRequest(
    string? CaseType, Guid? UnitId, string? Language, string? Subject, DateOnly? ReceivedOn, bool? Complete, IReadOnlyList<PartyRequest?>? Parties,
    Guid? ContactId = null);

internal sealed record PartyRequest(string? Role, string? Kind, string? Name, string? Number, string? Email, string? Phone, string? Address);

internal sealed record StatusRequest(string? Status);

internal sealed record SuspendRequest(string? Reason, DateOnly? On);

internal sealed record DateRequest(DateOnly? On);

internal sealed record ExtendRequest(string? Reason);

internal sealed record AssignRequest(Guid? UnitId, Guid? HandlerId);

internal sealed record NoteRequest(string? Text);

internal static class CaseRequestRules
{
    public const int MaxSubject = 500, MaxName = 200, MaxContact = 254, MaxAddress = 500, MaxParties = 10;

    /// How far back a received date may lie (a case's clock counts at most ten years, too).
    public const int MaxAgeYears = 10;

    public static List<CaseParty> Parties(IReadOnlyList<PartyRequest?>? parties, List<InvalidParam> errors)
    {
        var result = new List<CaseParty>();
        if (parties is null || parties.Count == 0)
        {
            errors.Add(new("parties", "required", "At least the applicant."));
            return result;
        }
        if (parties.Count > MaxParties) errors.Add(new("parties", "too-many", $"At most {MaxParties} parties."));
        for (var i = 0; i < parties.Count; i++)
        {
            var field = $"parties[{i}]";
            if (parties[i] is not { } p)
            {
                errors.Add(new(field, "required", "A party, not null."));
                continue;
            }
            var role = EnumCodes.Read<PartyRole>(p.Role, $"{field}.role", errors);
            var kind = EnumCodes.Read<PartyKind>(p.Kind, $"{field}.kind", errors);
            CaseInput.Text(errors, $"{field}.name", p.Name, MaxName, "The party's name.");
            string? number = null;
            if (!string.IsNullOrWhiteSpace(p.Number) && kind is { } k)
            {
                number = PartyNumbers.Normalize(k, p.Number, out var code);
                if (number is null) errors.Add(new($"{field}.number", code!, k == PartyKind.Person
                    ? "Not a valid Belgian national number (11 digits with a valid check)."
                    : "Not a valid Belgian enterprise number (10 digits with a valid check)."));
            }
            if (p.Email is { Length: > 0 } email && (email.Length > MaxContact || !email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal)))
                errors.Add(new($"{field}.email", "invalid-email", "Not an e-mail address."));
            CaseInput.Length(errors, $"{field}.phone", p.Phone, 50);
            CaseInput.Length(errors, $"{field}.address", p.Address, MaxAddress);
            if (role is { } r && kind is { } kd && !string.IsNullOrWhiteSpace(p.Name))
                result.Add(new CaseParty(r, kd, p.Name.Trim(), number, NullIfEmpty(p.Email), NullIfEmpty(p.Phone), NullIfEmpty(p.Address)));
        }
        if (parties.Count(p => p?.Role == "applicant") != 1) errors.Add(new("parties", "one-applicant", "Exactly one applicant."));
        return result;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// The checks the use cases of Deliver make on what they are sent, with the same codes and words
/// everywhere: a text that is required and has a maximum length, an optional one, a date.
internal static class CaseInput
{
    /// A required text: "required" (with <paramref name="what"/> as the reason) or "too-long".
    public static void Text(List<InvalidParam> errors, string field, string? text, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new(field, "required", what));
        else Length(errors, field, text, max);
    }

    /// An optional text: "too-long" only.
    public static void Length(List<InvalidParam> errors, string field, string? text, int max)
    {
        if (text?.Length > max) errors.Add(new(field, "too-long", $"At most {max} characters."));
    }

    /// A date of something that already happened: "date-in-future" after today.
    public static void NotAfter(List<InvalidParam> errors, string field, DateOnly? date, DateOnly today)
    {
        if (date > today) errors.Add(new(field, "date-in-future", "Not after today."));
    }
}
