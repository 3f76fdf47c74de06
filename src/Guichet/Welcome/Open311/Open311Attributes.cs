namespace Guichet.Welcome.Open311;

internal sealed record AttributeValue(string Key, string Name);

internal sealed record ServiceAttribute(bool Variable, string Code, string Datatype, bool Required, string? DatatypeDescription, int? Order, string? Description,
    IReadOnlyList<AttributeValue> Values);

internal sealed record ServiceDefinition(string ServiceCode, IReadOnlyList<ServiceAttribute> Attributes);

/// The attributes every service asks for over Open311, both optional: the customer's file number
/// when the report concerns an existing file, and how they want to be answered.
internal static class Open311Attributes
{
    public const string Reference = "reference", AnswerBy = "answer_by";
    public const int MaxReference = 100;
    public static readonly IReadOnlyList<string> AnswerByKeys = ["email", "phone", "letter"];

    public static IReadOnlyList<ServiceAttribute> For(Texts texts, string language) =>
    [
        new(true, Reference, "string", false, texts.Get(language, "open311.attr.reference.datatype"), 1, texts.Get(language, "open311.attr.reference"), []),
        new(true, AnswerBy, "singlevaluelist", false, null, 2, texts.Get(language, "open311.attr.answerBy"),
            [.. AnswerByKeys.Select(k => new AttributeValue(k, texts.Get(language, "open311.attr.answerBy." + k)))]),
    ];

    /// The attribute values posted as attribute[code]: each must be an attribute of the service,
    /// with a value of its list where it has one.
    public static List<string> Check(IReadOnlyDictionary<string, string> values)
    {
        var errors = new List<string>();
        foreach (var (code, value) in values)
        {
            if (code == Reference)
            {
                if (value.Length > MaxReference) errors.Add($"attribute[{Reference}] has at most {MaxReference} characters.");
            }
            else if (code == AnswerBy)
            {
                if (!AnswerByKeys.Contains(value)) errors.Add($"attribute[{AnswerBy}] must be one of: {string.Join(", ", AnswerByKeys)}.");
            }
            else errors.Add($"attribute[{code}] is not an attribute of this service.");
        }
        return errors;
    }
}
