namespace Guichet.Improve.Mining;

/// What a process-mining tool's "paths" and "variants" sliders do: keep the most frequent variants
/// until they cover a share of the cases, then drop the edges rarer than a share of the most
/// frequent edge. 100 and 0 keep everything.
internal sealed record PathFilter(double VariantCoverage = 100, double EdgeShare = 0)
{
    public static readonly PathFilter All = new();

    public bool IsValid => VariantCoverage is > 0 and <= 100 && EdgeShare is >= 0 and <= 100;
}

/// An activity of the graph: how often it happened, in how many cases.
internal sealed record MapNode(string Activity, int Frequency, int Cases);

/// A directly-follows edge; From is null for a case's start, To null for its end (those edges
/// have no duration). Durations in seconds between the two events.
internal sealed record MapEdge(string? From, string? To, int Frequency, double? MedianSeconds, double? P90Seconds, double TotalSeconds);

/// A variant: one sequence of activities and the cases that followed it exactly.
internal sealed record MapVariant(int Rank, IReadOnlyList<string> Activities, int Cases, double Coverage, double MedianCaseSeconds);

/// Consecutive events of a case done by two different units.
internal sealed record MapHandover(string FromUnit, string ToUnit, int Frequency, double MedianSeconds, double P90Seconds, double TotalSeconds);

/// An activity done more than once in a case.
internal sealed record MapRework(string Activity, int Cases, int Repetitions);

/// Every view of a selection of cases: the directly-follows graph, its variants, where time goes
/// (edges and hand-overs ranked by median time), and rework. Cases and Events count what the filter
/// kept, TotalCases and TotalEvents the selection before it.
internal sealed record ProcessMap(
    int Cases, int Events, int TotalCases, int TotalEvents, int TotalVariants,
    IReadOnlyList<MapNode> Nodes, IReadOnlyList<MapEdge> Edges, IReadOnlyList<MapVariant> Variants,
    IReadOnlyList<MapEdge> Bottlenecks, IReadOnlyList<MapHandover> Handovers, IReadOnlyList<MapRework> Rework)
{
    public static ProcessMap Of(MiningLog log, PathFilter? filter = null, IReadOnlyList<int>? cases = null) =>
        ProcessMining.Map(log, filter ?? PathFilter.All, cases);
}

/// The computations, over the columnar log: one pass for variants, one over the kept cases for the
/// graph, hand-overs and rework. Linear in the events, plus a sort of each edge's durations.
internal static class ProcessMining
{
    private const double TicksPerSecond = TimeSpan.TicksPerSecond;

    public static ProcessMap Map(MiningLog log, PathFilter filter, IReadOnlyList<int>? selection)
    {
        var cases = selection ?? Enumerable.Range(0, log.CaseCount).ToArray();
        var totalEvents = 0;
        foreach (var c in cases) totalEvents += log.CaseStart[c + 1] - log.CaseStart[c];

        // Variants: cases grouped by their exact sequence of activities.
        var variantOf = new Dictionary<TraceKey, int>(new TraceKeyComparer(log));
        var variantCases = new List<List<int>>();
        foreach (var c in cases)
        {
            var key = new TraceKey(c, Hash(log, c));
            if (!variantOf.TryGetValue(key, out var v))
            {
                v = variantCases.Count;
                variantOf.Add(key, v);
                variantCases.Add([]);
            }
            variantCases[v].Add(c);
        }
        var ranked = Enumerable.Range(0, variantCases.Count).OrderByDescending(v => variantCases[v].Count).ThenBy(v => v).ToList();

        // The variant filter: the most frequent first, until they cover the share asked for.
        var keptVariants = new List<int>();
        var covered = 0;
        foreach (var v in ranked)
        {
            if (keptVariants.Count > 0 && covered * 100.0 >= filter.VariantCoverage * cases.Count - 1e-9) break;
            keptVariants.Add(v);
            covered += variantCases[v].Count;
        }
        var kept = keptVariants.SelectMany(v => variantCases[v]).ToList();
        var keptEvents = 0;
        foreach (var c in kept) keptEvents += log.CaseStart[c + 1] - log.CaseStart[c];

        var variants = keptVariants.Select((v, rank) =>
        {
            var first = variantCases[v][0];
            var durations = variantCases[v].Select(c => Duration(log, c)).ToArray();
            Array.Sort(durations);
            return new MapVariant(rank + 1,
                [.. Enumerable.Range(log.CaseStart[first], log.CaseStart[first + 1] - log.CaseStart[first]).Select(i => log.Activities[log.Activity[i]])],
                variantCases[v].Count, cases.Count == 0 ? 0 : Math.Round(100.0 * variantCases[v].Count / cases.Count, 2),
                Percentile(durations, 0.5));
        }).ToList();

        // The graph, hand-overs and rework over the kept cases.
        var nodeFrequency = new int[log.Activities.Count];
        var nodeCases = new int[log.Activities.Count];
        var edges = new Dictionary<long, List<long>>();
        var handovers = new Dictionary<long, List<long>>();
        var reworkCases = new int[log.Activities.Count];
        var reworkRepetitions = new int[log.Activities.Count];
        var seen = new int[log.Activities.Count];
        var occurrences = new int[log.Activities.Count];
        var stamp = 0;
        var n = log.Activities.Count;
        foreach (var c in kept)
        {
            var from = log.CaseStart[c];
            var to = log.CaseStart[c + 1];
            if (from == to) continue;
            stamp++;
            Add(edges, EdgeKey(n, -1, log.Activity[from]), 0);
            for (var i = from; i < to; i++)
            {
                var a = log.Activity[i];
                nodeFrequency[a]++;
                if (seen[a] != stamp) { seen[a] = stamp; occurrences[a] = 1; nodeCases[a]++; }
                else
                {
                    reworkRepetitions[a]++;
                    // A case counts once: at the second occurrence, where rework starts.
                    if (++occurrences[a] == 2) reworkCases[a]++;
                }
                if (i + 1 < to)
                {
                    var gap = log.Time[i + 1] - log.Time[i];
                    Add(edges, EdgeKey(n, a, log.Activity[i + 1]), gap);
                    var (u1, u2) = (log.Unit[i], log.Unit[i + 1]);
                    if (u1 >= 0 && u2 >= 0 && u1 != u2) Add(handovers, ((long)u1 << 32) | (uint)u2, gap);
                }
            }
            Add(edges, EdgeKey(n, log.Activity[to - 1], -2), 0);
        }

        var allEdges = edges.Select(e =>
        {
            var (f, t) = Unkey(n, e.Key);
            var durations = e.Value.ToArray();
            var inner = f >= 0 && t >= 0;
            if (inner) Array.Sort(durations);
            return new MapEdge(f >= 0 ? log.Activities[f] : null, t >= 0 ? log.Activities[t] : null, durations.Length,
                inner ? Percentile(durations, 0.5) : null, inner ? Percentile(durations, 0.9) : null, durations.Sum() / TicksPerSecond);
        }).ToList();
        var maxFrequency = allEdges.Count == 0 ? 0 : allEdges.Max(e => e.Frequency);
        var shownEdges = allEdges
            .Where(e => e.Frequency * 100.0 >= filter.EdgeShare * maxFrequency - 1e-9)
            .OrderByDescending(e => e.Frequency).ThenBy(e => e.From ?? "", StringComparer.Ordinal).ThenBy(e => e.To ?? "\uffff", StringComparer.Ordinal)
            .ToList();

        var nodes = Enumerable.Range(0, n).Where(a => nodeFrequency[a] > 0)
            .Select(a => new MapNode(log.Activities[a], nodeFrequency[a], nodeCases[a]))
            .OrderByDescending(x => x.Frequency).ThenBy(x => x.Activity, StringComparer.Ordinal).ToList();

        var bottlenecks = allEdges.Where(e => e.MedianSeconds is not null && e.TotalSeconds > 0)
            .OrderByDescending(e => e.MedianSeconds).ThenByDescending(e => e.Frequency).ThenBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).Take(20).ToList();

        var units = handovers.Select(h =>
        {
            var durations = h.Value.ToArray();
            Array.Sort(durations);
            return new MapHandover(log.Units[(int)(h.Key >> 32)], log.Units[(int)(h.Key & 0xffffffff)], durations.Length,
                Percentile(durations, 0.5), Percentile(durations, 0.9), durations.Sum() / TicksPerSecond);
        }).OrderByDescending(h => h.MedianSeconds).ThenByDescending(h => h.Frequency).ThenBy(h => h.FromUnit, StringComparer.Ordinal).ThenBy(h => h.ToUnit, StringComparer.Ordinal).Take(20).ToList();

        var rework = Enumerable.Range(0, n).Where(a => reworkCases[a] > 0)
            .Select(a => new MapRework(log.Activities[a], reworkCases[a], reworkRepetitions[a]))
            .OrderByDescending(r => r.Cases).ThenByDescending(r => r.Repetitions).ThenBy(r => r.Activity, StringComparer.Ordinal).ToList();

        return new ProcessMap(kept.Count, keptEvents, cases.Count, totalEvents, variantCases.Count, nodes, shownEdges, variants, bottlenecks, units, rework);
    }

    private static double Duration(MiningLog log, int c)
    {
        var (from, to) = (log.CaseStart[c], log.CaseStart[c + 1]);
        return from == to ? 0 : (log.Time[to - 1] - log.Time[from]) / TicksPerSecond;
    }

    private static void Add(Dictionary<long, List<long>> map, long key, long value)
    {
        if (!map.TryGetValue(key, out var list)) map.Add(key, list = []);
        list.Add(value);
    }

    // Start is activity -1 (row n), end is -2 (column n).
    private static long EdgeKey(int n, int from, int to) => (long)(from < 0 ? n : from) * (n + 1) + (to < 0 ? n : to);

    private static (int From, int To) Unkey(int n, long key)
    {
        var f = (int)(key / (n + 1));
        var t = (int)(key % (n + 1));
        return (f == n ? -1 : f, t == n ? -2 : t);
    }

    /// Linear interpolation between closest ranks (as numpy's default), of sorted values.
    internal static double Percentile(long[] sortedTicks, double p) =>
        Percentile(Array.ConvertAll(sortedTicks, t => t / TicksPerSecond), p);

    internal static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private static int Hash(MiningLog log, int c)
    {
        var hash = new HashCode();
        for (var i = log.CaseStart[c]; i < log.CaseStart[c + 1]; i++) hash.Add(log.Activity[i]);
        return hash.ToHashCode();
    }

    private readonly record struct TraceKey(int Case, int Hash);

    private sealed class TraceKeyComparer(MiningLog log) : IEqualityComparer<TraceKey>
    {
        public bool Equals(TraceKey x, TraceKey y) => x.Hash == y.Hash &&
            log.Activity.AsSpan(log.CaseStart[x.Case], log.CaseStart[x.Case + 1] - log.CaseStart[x.Case])
                .SequenceEqual(log.Activity.AsSpan(log.CaseStart[y.Case], log.CaseStart[y.Case + 1] - log.CaseStart[y.Case]));

        public int GetHashCode(TraceKey key) => key.Hash;
    }
}
