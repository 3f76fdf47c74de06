namespace Guichet.Platform.Identifiers;

internal static class IdentifierText
{
    /// The digits of an identifier as people type it: separators (space, dot, dash, slash) are
    /// dropped, an optional country prefix is accepted; anything else makes it null.
    public static string? DigitsOnly(string? text, string? allowPrefix)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return null;
        var span = text.AsSpan().Trim();
        if (allowPrefix is not null && span.StartsWith(allowPrefix, StringComparison.OrdinalIgnoreCase))
            span = span[allowPrefix.Length..];
        var digits = new System.Text.StringBuilder(span.Length);
        foreach (var c in span)
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is not (' ' or '.' or '-' or '/')) return null;
        }
        return digits.Length == 0 ? null : digits.ToString();
    }
}
