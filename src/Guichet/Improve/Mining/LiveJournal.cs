using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guichet.Improve.Mining;

/// Which part of the live journal to mine: the cases of a case type (or of every case type of a
/// service) received in a period (the business time of deliver.case.opened), as far as the user's
/// unit scope reaches.
internal sealed record LiveSelection(IReadOnlyCollection<string> CaseTypes, DateTimeOffset From, DateTimeOffset To, bool AllUnits, IReadOnlyCollection<string> Units);

/// The journal's process events by case, kept in memory on each node and brought up to date
/// incrementally: each read first loads the events recorded since the last one (one SQL statement
/// streaming five columns over the primary key, the same on both providers), then selects cases from
/// memory. The first read after a start loads the whole process journal once; a full reload every
/// day lets the retention job's deletions through. The case notion is the `case` object (roles
/// subject and case); the unit of an event is its `unit` object in role unit.
internal sealed class LiveJournal(TimeProvider time)
{
    private const string CaseOpened = "deliver.case.opened";

    private static readonly TimeSpan Reload = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private State state = new(DateTimeOffset.MinValue);

    private sealed class State(DateTimeOffset loadedAt)
    {
        public readonly DateTimeOffset LoadedAt = loadedAt;
        public readonly Interner Activities = new();
        public readonly Interner Units = new();
        public readonly Interner CaseTypes = new();
        public readonly Dictionary<string, LiveCase> Cases = new(StringComparer.Ordinal);
        public readonly JournalWatermark Watermark = new();
        public long Events;
    }

    private sealed class LiveCase(string id)
    {
        public readonly string Id = id;
        public int CaseType = -1;
        public long Received = long.MaxValue;
        public int Unit = -1;
        public readonly List<LiveEvent> Events = [];
    }

    private readonly record struct LiveEvent(long Id, int Activity, long Time, int Unit);

    /// How many events and cases the cache holds (for the benchmark and the page's footnote).
    public (long Events, int Cases) Size => (state.Events, state.Cases.Count);

    /// The selected cases as a mining log, after loading what was recorded since the last read.
    public async Task<(MiningLog Log, IReadOnlyList<long> EventIds)> SelectAsync(GuichetDb db, LiveSelection selection, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await RefreshAsync(db, ct);
            var s = state;
            var types = selection.CaseTypes.Select(t => s.CaseTypes.Names.IndexOf(t)).Where(i => i >= 0).ToHashSet();
            var units = selection.Units.Select(u => s.Units.Names.IndexOf(u)).Where(i => i >= 0).ToHashSet();
            var (from, to) = (selection.From.UtcTicks, selection.To.UtcTicks);
            var builder = new MiningLogBuilder();
            var ids = new List<long>();
            foreach (var c in s.Cases.Values)
            {
                if (c.CaseType < 0 || !types.Contains(c.CaseType) || c.Received < from || c.Received >= to) continue;
                if (!selection.AllUnits && !units.Contains(c.Unit)) continue;
                foreach (var e in c.Events)
                {
                    builder.Add(c.Id, s.Activities.Names[e.Activity], e.Time, e.Unit >= 0 ? s.Units.Names[e.Unit] : null);
                    ids.Add(e.Id);
                }
            }
            return (builder.Build(), ids);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RefreshAsync(GuichetDb db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now - state.LoadedAt > Reload) state = new State(now);
        var s = state;
        var settled = (now - JournalWatermark.Settle).UtcTicks;
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = """
                SELECT e."Id", e."At", e."OccurredAt", e."Activity", o."ObjectType", o."ObjectId",
                       CASE WHEN e."Activity" = 'deliver.case.opened' THEN e."Attributes" END
                FROM platform_event_log e
                JOIN platform_event_log_objects o ON o."EventId" = e."Id"
                WHERE e."Id" > @after AND e."Kind" = 'process'
                  AND ((o."ObjectType" = 'case' AND o."Qualifier" IN ('subject', 'case')) OR (o."ObjectType" = 'unit' AND o."Qualifier" = 'unit'))
                ORDER BY e."Id"
                """;
            var after = command.CreateParameter();
            after.ParameterName = "@after";
            after.Value = s.Watermark.After;
            command.Parameters.Add(after);
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);

            long current = -1;
            long at = 0, occurred = 0;
            var activity = -1;
            string? attributes = null;
            var cases = new List<string>(2);
            var unit = -1;
            var skip = false;
            void Flush()
            {
                if (current < 0 || skip) return;
                s.Watermark.Loaded(current, at, settled);
                foreach (var id in cases) AddEvent(s, id, current, activity, occurred, unit, attributes);
            }
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                if (id != current)
                {
                    Flush();
                    current = id;
                    skip = s.Watermark.Seen(id);
                    cases.Clear();
                    unit = -1;
                    at = JournalWatermark.Ticks(reader.GetValue(1));
                    occurred = JournalWatermark.Ticks(reader.GetValue(2));
                    activity = s.Activities.Of(reader.GetString(3));
                    attributes = null;
                }
                var type = reader.GetString(4);
                var objectId = reader.GetString(5);
                if (type == "case") { if (!cases.Contains(objectId)) cases.Add(objectId); }
                else unit = s.Units.Of(objectId);
                if (!reader.IsDBNull(6)) attributes = reader.GetString(6);
            }
            Flush();
            s.Watermark.Advance(settled);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    private static void AddEvent(State s, string caseId, long id, int activity, long occurred, int unit, string? attributes)
    {
        if (!s.Cases.TryGetValue(caseId, out var c)) s.Cases.Add(caseId, c = new LiveCase(caseId));
        var e = new LiveEvent(id, activity, occurred, unit);
        // Events come by id; business time may be earlier (a letter received last week): keep time order.
        var i = c.Events.Count;
        while (i > 0 && (c.Events[i - 1].Time > occurred || (c.Events[i - 1].Time == occurred && c.Events[i - 1].Id > id))) i--;
        c.Events.Insert(i, e);
        s.Events++;
        if (unit >= 0 && (c.Events.Count == 1 || i == c.Events.Count - 1)) c.Unit = unit;
        if (attributes is not null && s.Activities.Names[activity] == CaseOpened)
        {
            c.Received = occurred;
            try
            {
                using var json = JsonDocument.Parse(attributes);
                if (json.RootElement.TryGetProperty("caseType", out var t) && t.ValueKind == JsonValueKind.String) c.CaseType = s.CaseTypes.Of(t.GetString()!);
            }
            catch (JsonException)
            {
                // A journal row the platform wrote itself; an unreadable one leaves the case untyped.
            }
        }
    }
}
