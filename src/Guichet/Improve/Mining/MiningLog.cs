namespace Guichet.Improve.Mining;

/// An event log laid out for mining: activities and units interned as small integers, each case's
/// events contiguous and in time order (three parallel arrays), cases addressed by offsets. Built
/// once, read by every view; nothing in it changes.
internal sealed class MiningLog
{
    public IReadOnlyList<string> Activities { get; }
    public IReadOnlyList<string> Units { get; }
    public IReadOnlyList<string> CaseIds { get; }

    /// Case c's events are [CaseStart[c], CaseStart[c + 1]).
    public int[] CaseStart { get; }
    public int[] Activity { get; }
    /// UTC ticks.
    public long[] Time { get; }
    /// -1 when the event names no unit (or resource).
    public int[] Unit { get; }

    public int CaseCount => CaseIds.Count;
    public int EventCount => Activity.Length;

    internal MiningLog(IReadOnlyList<string> activities, IReadOnlyList<string> units, IReadOnlyList<string> caseIds, int[] caseStart, int[] activity, long[] time, int[] unit)
    {
        Activities = activities;
        Units = units;
        CaseIds = caseIds;
        CaseStart = caseStart;
        Activity = activity;
        Time = time;
        Unit = unit;
    }

    public static readonly MiningLog Empty = new MiningLogBuilder().Build();
}

/// Collects events in any order and lays them out as a MiningLog: cases in the order first seen,
/// events of a case by time (ties keep the order they came in).
internal sealed class MiningLogBuilder
{
    private readonly Interner activities = new();
    private readonly Interner units = new();
    private readonly Dictionary<string, int> caseIndex = new(StringComparer.Ordinal);
    private readonly List<string> caseIds = [];
    private readonly List<List<(int Activity, long Time, int Unit)>> traces = [];
    private int events;

    public int EventCount => events;
    public int CaseCount => caseIds.Count;

    public void Add(string caseId, string activity, DateTimeOffset time, string? unit) =>
        Add(caseId, activity, time.UtcTicks, unit);

    public void Add(string caseId, string activity, long utcTicks, string? unit)
    {
        if (!caseIndex.TryGetValue(caseId, out var c))
        {
            c = caseIds.Count;
            caseIndex.Add(caseId, c);
            caseIds.Add(caseId);
            traces.Add([]);
        }
        traces[c].Add((activities.Of(activity), utcTicks, string.IsNullOrEmpty(unit) ? -1 : units.Of(unit)));
        events++;
    }

    public MiningLog Build()
    {
        var start = new int[caseIds.Count + 1];
        var activity = new int[events];
        var time = new long[events];
        var unit = new int[events];
        var i = 0;
        for (var c = 0; c < traces.Count; c++)
        {
            start[c] = i;
            var trace = traces[c];
            if (!IsSorted(trace))
            {
                // A stable sort: events at the same instant keep the order the log gave them.
                var ordered = trace.Select((e, k) => (e, k)).OrderBy(x => x.e.Time).ThenBy(x => x.k).Select(x => x.e).ToList();
                trace = ordered;
            }
            foreach (var (a, t, u) in trace)
            {
                activity[i] = a;
                time[i] = t;
                unit[i] = u;
                i++;
            }
        }
        start[caseIds.Count] = i;
        return new MiningLog(activities.Names, units.Names, caseIds, start, activity, time, unit);
    }

    private static bool IsSorted(List<(int Activity, long Time, int Unit)> trace)
    {
        for (var k = 1; k < trace.Count; k++)
            if (trace[k].Time < trace[k - 1].Time) return false;
        return true;
    }
}

/// Strings to small integers, in the order first seen.
internal sealed class Interner
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    public List<string> Names { get; } = [];

    public int Of(string name)
    {
        if (index.TryGetValue(name, out var id)) return id;
        id = Names.Count;
        index.Add(name, id);
        Names.Add(name);
        return id;
    }
}
