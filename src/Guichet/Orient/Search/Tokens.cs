using System.Text;

namespace Guichet.Orient.Search;

/// Turns text into search terms: lower case, accents removed ("bâtir" → "batir", "Straße" →
/// "strasse"), split on anything that is not a letter or digit (so "d'urbanisme" gives "d" and
/// "urbanisme"), and the little words of the four languages left out.
internal static class Tokens
{
    // Articles, prepositions and conjunctions that carry no meaning for finding a service.
    private static readonly HashSet<string> StopWords =
    [
        // fr
        "le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "et", "ou", "en", "au", "aux", "a", "pour", "par", "sur", "mon", "ma", "mes", "je", "j", "qu", "que",
        // nl
        "het", "een", "van", "voor", "op", "te", "in", "met", "mijn", "ik", "en",
        // de
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "fur", "von", "zu", "im", "mit", "meine", "mein", "ich",
        // en
        "the", "an", "of", "and", "for", "to", "on", "my", "i", "with",
    ];

    public static List<string> Of(string? text, bool keepStopWords = false)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0) start = i;
            else if (!isWordChar && start >= 0)
            {
                var word = folded[start..i];
                if (keepStopWords || !StopWords.Contains(word)) result.Add(word);
                start = -1;
            }
        }
        return result;
    }

    /// The terms of a query; when a query holds only little words ("de"), they are kept.
    public static List<string> OfQuery(string? text)
    {
        var terms = Of(text);
        return terms.Count > 0 ? terms : Of(text, keepStopWords: true);
    }

    /// Lower case without diacritics.
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                    break;
                default:
                    if (c == 'ß') sb.Append("ss");
                    else if (c == 'œ') sb.Append("oe");
                    else if (c == 'æ') sb.Append("ae");
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// Edit distance with adjacent transpositions counted as one edit (optimal string
    /// alignment), or max + 1 as soon as it is known to exceed <paramref name="max"/>.
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return max + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }

    /// How many typos a term of this length tolerates: none up to 3 letters, one up to 7, two beyond.
    public static int AllowedTypos(string term) => term.Length <= 3 ? 0 : term.Length <= 7 ? 1 : 2;
}
