using System.Buffers;
using Guichet.Orient.Catalogue;

namespace Guichet.Orient.Search;

/// An immutable in-memory index of the published services: an inverted index of folded terms
/// (and synonym groups) with a weight per field, searched with typo and prefix tolerance and
/// ranked by term rarity × field weight × match quality × share of the query matched.
/// Built whole from a catalogue snapshot; ServiceSearch swaps in a new one when the catalogue changes.
internal sealed class SearchIndex
{
    // How much a term counts by where it stands.
    private const float NameWeight = 5f, KeywordWeight = 3f, CodeLabelWeight = 1.5f, DescriptionWeight = 1f, ProviderWeight = 0.7f, OutputWeight = 0.5f;
    // How much a term counts by how it matched the query term.
    private const float Exact = 1f, Prefix = 0.75f, CompoundPart = 0.6f, OneTypo = 0.6f, TwoTypos = 0.4f;
    // A term found only in another language than the reader's counts a little less.
    private const float OtherLanguage = 0.85f;
    private const int MaxQueryTerms = 12, MaxExpansions = 64;
    // The words of a phrase that matched a synonym group still count a little on their own, so
    // that "déclaration de naissance" puts the declaration before other births.
    private const float LiteralBonus = 0.5f;
    private const float AverageNameLength = 4f;

    private readonly record struct Posting(int Doc, float Weight, byte Languages);

    private readonly record struct Alternative(string Term, float Quality);

    private readonly CatalogueEntry[] _entries;
    private readonly Dictionary<string, Posting[]> _postings;
    private readonly string[] _terms;          // sorted, for prefix lookups
    private readonly string[] _reversedTerms;  // sorted reversed terms, for compound endings ("...vergunning")
    private readonly Synonyms _synonyms;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Alternative[]> _expansions = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]> _byName = new(StringComparer.Ordinal);

    public IReadOnlyList<CatalogueEntry> Entries => _entries;

    public SearchIndex(IReadOnlyList<CatalogueEntry> entries, CodeLists codes, Synonyms synonyms)
    {
        _entries = [.. entries];
        _synonyms = synonyms;
        var builder = new Dictionary<string, Dictionary<int, (float Weight, byte Languages)>>(StringComparer.Ordinal);
        for (var doc = 0; doc < _entries.Length; doc++)
        {
            var e = _entries[doc];
            var c = e.Service.Content;
            foreach (var language in LocalizedText.Languages)
            {
                var bit = LanguageBit(language);
                void Add(string? text, float weight)
                {
                    var terms = Tokens.Of(text);
                    foreach (var term in terms) Put(builder, term, doc, weight, bit);
                    foreach (var (group, _, _) in synonyms.Find(terms, fuzzy: false)) Put(builder, Synonyms.GroupTerm(group), doc, weight, bit);
                }
                // A word weighs more in a short name than in a long one (BM25's length normalisation).
                Add(c.Name[language], NameWeight * 2f / (1f + Tokens.Of(c.Name[language]).Count / AverageNameLength));
                foreach (var keyword in c.Keywords[language]) Add(keyword, KeywordWeight);
                foreach (var code in c.Themes) Add(codes.Themes.GetValueOrDefault(code)?[language], CodeLabelWeight);
                foreach (var code in c.LifeEvents) Add(codes.LifeEvents.GetValueOrDefault(code)?[language], CodeLabelWeight);
                foreach (var code in c.BusinessEvents) Add(codes.BusinessEvents.GetValueOrDefault(code)?[language], CodeLabelWeight);
                Add(c.Description[language], DescriptionWeight);
                Add(c.Output?[language], OutputWeight);
                Add(e.Organisation.Name[language], ProviderWeight);
                Add(e.Unit?.Name[language], ProviderWeight);
            }
        }
        _postings = builder.ToDictionary(x => x.Key, x => x.Value.Select(p => new Posting(p.Key, p.Value.Weight, p.Value.Languages)).ToArray(), StringComparer.Ordinal);
        _terms = [.. _postings.Keys.Where(t => t[0] != '~').Order(StringComparer.Ordinal)];
        _reversedTerms = [.. _terms.Select(Reverse).Order(StringComparer.Ordinal)];
    }

    private static void Put(Dictionary<string, Dictionary<int, (float, byte)>> builder, string term, int doc, float weight, byte bit)
    {
        if (!builder.TryGetValue(term, out var docs)) builder[term] = docs = [];
        docs[doc] = docs.TryGetValue(doc, out var old) ? (Math.Max(old.Item1, weight), (byte)(old.Item2 | bit)) : (weight, bit);
    }

    private static byte LanguageBit(string language) => language switch { "fr" => 1, "nl" => 2, "de" => 4, _ => 8 };

    private static string Reverse(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    public SearchResults Search(SearchQuery query)
    {
        var wanted = query.Page * query.PageSize;
        var terms = Tokens.OfQuery(query.Text);
        if (terms.Count > MaxQueryTerms) terms = terms[..MaxQueryTerms];
        return terms.Count == 0 ? Browse(query) : Rank(query, terms, wanted);
    }

    /// No text: every service that passes the filters, by name in the reader's language.
    private SearchResults Browse(SearchQuery query)
    {
        var order = _byName.GetOrAdd(query.Language, language => [.. Enumerable.Range(0, _entries.Length)
            .OrderBy(i => Tokens.Fold(_entries[i].Service.Content.Name.Resolve(language, _entries[i].Organisation.PrimaryLanguage).Text), StringComparer.Ordinal)]);
        var matching = order.Where(i => Passes(_entries[i], query)).ToList();
        var page = matching.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(i => new SearchHit(_entries[i], 0)).ToList();
        return new SearchResults(query, matching.Count, page);
    }

    private SearchResults Rank(SearchQuery query, List<string> terms, int wanted)
    {
        // Each clause is one thing the reader asked for: a synonym group or one term, each with
        // the index terms that can stand for it.
        var clauses = new List<Alternative[]>();
        var covered = new bool[terms.Count];
        foreach (var (group, start, length) in _synonyms.Find(terms, fuzzy: true))
        {
            if (Enumerable.Range(start, length).Any(i => covered[i])) continue;
            for (var i = start; i < start + length; i++) covered[i] = true;
            clauses.Add([new Alternative(Synonyms.GroupTerm(group), Exact)]);
        }
        var bonuses = new List<Alternative[]>();
        for (var i = 0; i < terms.Count; i++)
            (covered[i] ? bonuses : clauses).Add(Expand(terms[i]));

        var n = _entries.Length;
        var scores = ArrayPool<float>.Shared.Rent(n);
        var matched = ArrayPool<int>.Shared.Rent(n);
        var best = ArrayPool<float>.Shared.Rent(n);
        // Pooled arrays come back as their last user left them.
        Array.Clear(scores, 0, n);
        Array.Clear(matched, 0, n);
        Array.Clear(best, 0, n);
        var touched = new List<int>();
        var clauseTouched = new List<int>();
        var languageBit = LanguageBit(query.Language);
        try
        {
            foreach (var clause in clauses)
            {
                foreach (var alternative in clause)
                {
                    if (!_postings.TryGetValue(alternative.Term, out var postings)) continue;
                    var idf = (float)Math.Log(1 + (n - postings.Length + 0.5) / (postings.Length + 0.5));
                    foreach (var p in postings)
                    {
                        var s = idf * p.Weight * alternative.Quality * ((p.Languages & languageBit) != 0 ? 1f : OtherLanguage);
                        if (best[p.Doc] == 0) clauseTouched.Add(p.Doc);
                        if (s > best[p.Doc]) best[p.Doc] = s;
                    }
                }
                foreach (var doc in clauseTouched)
                {
                    if (matched[doc] == 0 && scores[doc] == 0) touched.Add(doc);
                    scores[doc] += best[doc];
                    matched[doc]++;
                    best[doc] = 0;
                }
                clauseTouched.Clear();
            }

            foreach (var clause in bonuses)
            {
                foreach (var alternative in clause)
                {
                    if (!_postings.TryGetValue(alternative.Term, out var postings)) continue;
                    var idf = (float)Math.Log(1 + (n - postings.Length + 0.5) / (postings.Length + 0.5));
                    foreach (var p in postings)
                        if (matched[p.Doc] > 0) best[p.Doc] = Math.Max(best[p.Doc], idf * p.Weight * alternative.Quality * LiteralBonus);
                }
                foreach (var doc in touched)
                {
                    scores[doc] += best[doc];
                    best[doc] = 0;
                }
            }

            // At least half of what was asked must match; the more of it, the higher.
            var needed = (clauses.Count + 1) / 2;
            var top = new PriorityQueue<int, (float Score, int Doc)>(Comparer<(float Score, int Doc)>.Create((a, b) =>
                a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc)));
            var total = 0;
            foreach (var doc in touched)
            {
                if (matched[doc] < needed || !Passes(_entries[doc], query)) continue;
                total++;
                var coverage = (float)matched[doc] / clauses.Count;
                var final = scores[doc] * coverage * coverage;
                scores[doc] = final;
                if (top.Count < wanted) top.Enqueue(doc, (final, doc));
                else if (top.TryPeek(out _, out var lowest) && (final > lowest.Score || (final == lowest.Score && doc < lowest.Doc)))
                    top.EnqueueDequeue(doc, (final, doc));
            }
            var ranked = new List<SearchHit>(top.Count);
            while (top.TryDequeue(out var doc, out var key)) ranked.Add(new SearchHit(_entries[doc], Math.Round(key.Score, 4)));
            ranked.Reverse();
            var page = ranked.Skip((query.Page - 1) * query.PageSize).ToList();
            return new SearchResults(query, total, page);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(matched);
            ArrayPool<float>.Shared.Return(best);
        }
    }

    /// The index terms a query term stands for: itself, terms it begins (a word being typed),
    /// compounds it ends ("vergunning" in "omgevingsvergunning") and terms one or two typos away.
    private Alternative[] Expand(string term) => _expansions.Count > 50_000
        ? Compute(term)
        : _expansions.GetOrAdd(term, Compute);

    private Alternative[] Compute(string term)
    {
        var found = new Dictionary<string, float>(StringComparer.Ordinal);
        void Offer(string t, float quality)
        {
            if (!found.TryGetValue(t, out var q) || q < quality) found[t] = quality;
        }
        if (_postings.ContainsKey(term)) Offer(term, Exact);
        if (term.Length >= 3)
            foreach (var t in Range(_terms, term)) Offer(t, Prefix);
        if (term.Length >= 5)
            foreach (var r in Range(_reversedTerms, Reverse(term))) Offer(Reverse(r), CompoundPart);
        var typos = Tokens.AllowedTypos(term);
        if (typos > 0)
            foreach (var t in _terms)
            {
                if (Math.Abs(t.Length - term.Length) > typos || t == term) continue;
                var d = Tokens.Distance(term, t, typos);
                if (d <= typos) Offer(t, d == 1 ? OneTypo : TwoTypos);
            }
        return [.. found.OrderByDescending(x => x.Value).Take(MaxExpansions).Select(x => new Alternative(x.Key, x.Value))];
    }

    /// The terms of a sorted array that start with <paramref name="prefix"/> (but are longer).
    private static IEnumerable<string> Range(string[] sorted, string prefix)
    {
        var i = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        if (i < 0) i = ~i;
        for (; i < sorted.Length && sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            if (sorted[i].Length > prefix.Length) yield return sorted[i];
    }

    private static bool Passes(CatalogueEntry e, SearchQuery q)
    {
        var c = e.Service.Content;
        return (q.Audience is not { } audience || c.Audiences.Contains(audience))
            && (q.Theme is null || c.Themes.Contains(q.Theme))
            && (q.OrganisationId is not { } organisation || e.Organisation.Id == organisation)
            && (q.LifeEvent is null || c.LifeEvents.Contains(q.LifeEvent))
            && (q.BusinessEvent is null || c.BusinessEvents.Contains(q.BusinessEvent));
    }
}
