namespace Guichet.Orient.Search;

/// Groups of terms that mean the same for a reader ("permis de bâtir", "permis d'urbanisme"),
/// from synonyms.json. A text that holds any phrase of a group is indexed under the group too,
/// and a query that holds one searches for the group, so any phrase finds every other.
internal sealed class Synonyms
{
    private sealed record Group(string Language, List<string> Terms);

    private sealed record File(List<Group> Groups);

    /// Each phrase as its terms, with the index of its group; longest phrases first, so that
    /// "carte d'identité enfant" wins over "carte d'identité".
    public IReadOnlyList<(string[] Terms, int Group)> Phrases { get; }

    public Synonyms() : this(Read()) { }

    public Synonyms(IEnumerable<IEnumerable<string>> groups)
    {
        var phrases = new List<(string[], int)>();
        var g = 0;
        foreach (var group in groups)
        {
            foreach (var phrase in group)
            {
                var terms = Tokens.Of(phrase).ToArray();
                if (terms.Length > 0) phrases.Add((terms, g));
            }
            g++;
        }
        Phrases = [.. phrases.OrderByDescending(p => p.Item1.Length).ThenByDescending(p => p.Item1.Sum(t => t.Length))];
        _byFirstTerm = Phrases.GroupBy(p => p.Terms[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    private readonly Dictionary<string, (string[] Terms, int Group)[]> _byFirstTerm;

    public static string GroupTerm(int group) => "~" + group.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<IEnumerable<string>> Read()
    {
        var assembly = typeof(Synonyms).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Search.synonyms.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        var file = JsonSerializer.Deserialize<File>(stream, JsonColumn.Options)!;
        return file.Groups.Select(x => x.Terms);
    }

    /// The groups whose phrases occur in <paramref name="terms"/>, with where they start and how
    /// many terms they cover. <paramref name="fuzzy"/> lets a query term with a typo still count.
    public IEnumerable<(int Group, int Start, int Length)> Find(IReadOnlyList<string> terms, bool fuzzy) =>
        fuzzy ? FindFuzzy(terms) : FindExact(terms);

    /// Exact phrases only, looked up by their first term: fast enough for indexing every text.
    private IEnumerable<(int Group, int Start, int Length)> FindExact(IReadOnlyList<string> terms)
    {
        List<int>? found = null;
        for (var start = 0; start < terms.Count; start++)
        {
            if (!_byFirstTerm.TryGetValue(terms[start], out var candidates)) continue;
            foreach (var (phrase, group) in candidates)
            {
                if (start + phrase.Length > terms.Count || (found?.Contains(group) ?? false)) continue;
                var all = true;
                for (var k = 1; k < phrase.Length && all; k++) all = terms[start + k] == phrase[k];
                if (!all) continue;
                (found ??= []).Add(group);
                yield return (group, start, phrase.Length);
            }
        }
    }

    private IEnumerable<(int Group, int Start, int Length)> FindFuzzy(IReadOnlyList<string> terms)
    {
        var found = new HashSet<int>();
        foreach (var (phrase, group) in Phrases)
        {
            if (found.Contains(group) || phrase.Length > terms.Count) continue;
            for (var start = 0; start + phrase.Length <= terms.Count; start++)
            {
                var all = true;
                for (var k = 0; k < phrase.Length && all; k++)
                    all = Same(terms[start + k], phrase[k]);
                if (!all) continue;
                found.Add(group);
                yield return (group, start, phrase.Length);
                break;
            }
        }
    }

    private static bool Same(string term, string phraseTerm) =>
        term == phraseTerm
        || (Tokens.AllowedTypos(phraseTerm) > 0 && Tokens.Distance(term, phraseTerm, Tokens.AllowedTypos(phraseTerm)) <= Tokens.AllowedTypos(phraseTerm));
}
