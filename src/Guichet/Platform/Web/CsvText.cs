namespace Guichet.Platform.Web;

/// CSV as the platform's exports write it (RFC 4180): every cell quoted, quotes doubled, and a
/// leading =, +, - or @ prefixed with an apostrophe so that a spreadsheet never reads a cell as a
/// formula (CSV injection).
internal static class CsvText
{
    public static string Cell(string? value)
    {
        var s = value ?? "";
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@') s = "'" + s;
        return "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Row(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));
}
