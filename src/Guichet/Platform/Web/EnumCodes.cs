namespace Guichet.Platform.Web;

/// Enum values as the API writes and reads them: camelCase codes ("callBackPromised"), as the JSON
/// enum converter writes them. Reading is exact: numbers, other casings and unknown names are
/// refused with the list of codes, so a client learns what to send.
internal static class EnumCodes
{
    public static string Code<T>(T value) where T : struct, Enum => Camel(value.ToString());

    public static IEnumerable<string> Codes<T>() where T : struct, Enum => Enum.GetNames<T>().Select(Camel);

    /// The value named by <paramref name="text"/>; a missing one is "required", an unknown one
    /// "unknown-code", added to <paramref name="errors"/> under <paramref name="field"/>.
    public static T? Read<T>(string? text, string field, List<InvalidParam> errors) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new(field, "required", Hint<T>()));
            return null;
        }
        foreach (var value in Enum.GetValues<T>())
            if (string.Equals(Code(value), text, StringComparison.Ordinal)) return value;
        errors.Add(new(field, "unknown-code", Hint<T>()));
        return null;
    }

    private static string Hint<T>() where T : struct, Enum => "Use one of: " + string.Join(", ", Codes<T>()) + ".";

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
