using System.Text;

namespace Guichet.Improve.Mining;

/// Which columns of a CSV hold the case, the activity and the timestamp (and, if any, the resource,
/// the group and the lifecycle). The defaults are the XES names a CSV export usually keeps.
internal sealed record CsvMapping(string Case = "case:concept:name", string Activity = "concept:name", string Timestamp = "time:timestamp",
    string? Resource = "org:resource", string? Group = "org:group", string? Lifecycle = "lifecycle:transition");

/// A CSV event log (RFC 4180 quoting; comma or semicolon, told by the header line), one event a row.
internal static class CsvLog
{
    public static Result<ImportedLog> Read(Stream stream, CsvMapping mapping)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header)) return Result<ImportedLog>.Refused(LogRefusals.Empty);
        var separator = header.Count(ch => ch == ';') > header.Count(ch => ch == ',') ? ';' : ',';
        var names = Split(header, separator, reader, out _);
        if (names is null) return Result<ImportedLog>.Refused(LogRefusals.Malformed("line 1"));
        int Column(string? name) => name is null ? -1 : names.FindIndex(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));
        var (c, a, t) = (Column(mapping.Case), Column(mapping.Activity), Column(mapping.Timestamp));
        foreach (var (index, name) in new[] { (c, mapping.Case), (a, mapping.Activity), (t, mapping.Timestamp) })
            if (index < 0) return Result<ImportedLog>.Refused(LogRefusals.ColumnMissing(name));
        var (r, g, l) = (Column(mapping.Resource), Column(mapping.Group), Column(mapping.Lifecycle));

        var events = new List<LogEvent>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            var startLine = line;
            var fields = Split(text, separator, reader, out var extraLines);
            line += extraLines;
            if (fields is null || fields.Count != names.Count) return Result<ImportedLog>.Refused(LogRefusals.Malformed($"line {startLine}"));
            if (string.IsNullOrWhiteSpace(fields[a])) return Result<ImportedLog>.Refused(LogRefusals.ActivityMissing($"line {startLine}"));
            if (!DateTimeOffset.TryParse(fields[t], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                return Result<ImportedLog>.Refused(LogRefusals.TimestampMissing($"line {startLine}"));
            if (events.Count >= XesLog.MaxEvents) return Result<ImportedLog>.Refused(LogRefusals.TooLarge(XesLog.MaxEvents));
            events.Add(new LogEvent(fields[c], fields[a], time, Field(fields, l), Field(fields, r), Field(fields, g)));
        }
        return events.Count == 0 ? Result<ImportedLog>.Refused(LogRefusals.Empty) : new ImportedLog("csv", events);
    }

    private static string? Field(List<string> fields, int index) => index >= 0 && fields[index].Length > 0 ? fields[index] : null;

    /// One record; a quoted field may go on over the next lines. Null when a quote is left open.
    private static List<string>? Split(string line, char separator, TextReader more, out int extraLines)
    {
        extraLines = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (true)
        {
            if (i >= line.Length)
            {
                if (!quoted) break;
                if (more.ReadLine() is not { } next) return null;
                extraLines++;
                field.Append('\n');
                line = next;
                i = 0;
                continue;
            }
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                if (ch == '"') { quoted = false; i++; continue; }
                field.Append(ch);
            }
            else if (ch == '"' && field.Length == 0) quoted = true;
            else if (ch == separator) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
            i++;
        }
        fields.Add(field.ToString());
        return fields;
    }
}
