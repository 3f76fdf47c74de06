namespace Guichet.Platform.Web.Forms;

/// Reads plain HTML forms whose fields are named like the API's JSON paths
/// ("name.fr", "evidence[0].nl"); blank means absent; repeated rows left blank are dropped.
internal static class FormReader
{
    /// More rows than any form renders: a request with more is not from our pages.
    public const int MaxRows = 200;

    public static string? Value(IFormCollection form, string field)
    {
        var value = form[field].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    public static LocalizedText Text(IFormCollection form, string field)
    {
        var text = new LocalizedText();
        foreach (var language in LocalizedText.Languages)
            text = text.With(language, Value(form, $"{field}.{language}"));
        return text;
    }

    public static LocalizedText? OptionalText(IFormCollection form, string field)
    {
        var text = Text(form, field);
        return text.IsEmpty ? null : text;
    }

    public static IReadOnlyList<string> Values(IFormCollection form, string field) =>
        [.. form[field].Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct()];

    public static Guid? Id(IFormCollection form, string field) =>
        Value(form, field) is { } text ? (Guid.TryParse(text, out var id) ? id : Guid.Empty) : null;

    /// A decimal number as people type it in Belgium or elsewhere ("50,39" or "50.39").
    public static bool TryNumber(string? text, out double value) =>
        double.TryParse(text?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// How many rows of the list <paramref name="prefix"/> ("evidence", "periods[0].hours") the
    /// form sent: the highest index + 1.
    public static int RowCount(IFormCollection form, string prefix)
    {
        var count = 0;
        foreach (var key in form.Keys)
        {
            if (key.Length <= prefix.Length + 2 || !key.StartsWith(prefix + "[", StringComparison.Ordinal)) continue;
            var end = key.IndexOf(']', prefix.Length + 1);
            if (end > 0 && int.TryParse(key.AsSpan(prefix.Length + 1, end - prefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                count = Math.Max(count, Math.Min(i + 1, MaxRows));
        }
        return count;
    }
}
