namespace Guichet.Improve.Mining;

/// How far an in-memory reader of the journal has come: every event id at or below the watermark is
/// loaded; events above it already loaded are kept with their recorded time until they settle. An
/// event id older than a minute at its recorded time is taken as committed: lower ids are never seen
/// later (a PostgreSQL transaction may commit a lower id after a higher one, but not a minute later).
/// Shared by the live mining cache and the measurements' cache.
internal sealed class JournalWatermark
{
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    private readonly SortedDictionary<long, long> tail = [];

    /// Read the events with an id above this one.
    public long After { get; private set; }

    /// The event was loaded by an earlier read (above the watermark): skip it.
    public bool Seen(long id) => tail.ContainsKey(id);

    /// An event was just loaded, with its recorded time in ticks; settled is now minus Settle.
    public void Loaded(long id, long recordedTicks, long settledTicks)
    {
        if (tail.Count == 0 && recordedTicks <= settledTicks) After = id; // everything below it is in
        else tail[id] = recordedTicks;
    }

    /// After a read: the watermark moves up over the settled events, to the first that is not.
    public void Advance(long settledTicks)
    {
        while (tail.Count > 0 && tail.First() is var (first, recorded) && recorded <= settledTicks)
        {
            After = first;
            tail.Remove(first);
        }
    }

    public static long Ticks(object value) => value switch
    {
        long ticks => ticks,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).Ticks,
        DateTimeOffset o => o.UtcTicks,
        _ => throw new InvalidOperationException($"Unexpected time value {value.GetType()}"),
    };
}
