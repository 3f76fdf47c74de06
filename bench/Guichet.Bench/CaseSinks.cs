using System.Globalization;
using System.Text.Json;
using Guichet.Deliver.Cases;
using Guichet.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Guichet.Bench;

/// The tables the generator fills, and their columns in the order the sinks write them.
internal static class CaseTables
{
    public static readonly string[] Names = ["deliver_cases", "deliver_case_party_numbers", "platform_event_log", "platform_event_log_objects"];

    public const string CaseColumns = "\"Id\", \"Number\", \"CaseTypeId\", \"ServiceId\", \"UnitId\", \"HandlerId\", \"Status\", \"Language\", \"Subject\", \"ReceivedOn\", \"CompleteOn\", \"Suspensions\", \"Extension\", \"Parties\", \"DueOn\", \"DueSort\", \"CreatedAt\", \"UpdatedAt\", \"ClosedAt\"";
    public const string PartyNumberColumns = "\"Id\", \"CaseId\", \"Number\"";
    public const string EventColumns = "\"Id\", " + BenchJournal.EventColumns;
    public const string ObjectColumns = BenchJournal.ObjectColumns;

    // The JSON columns exactly as JsonColumn's converter writes them (null stays NULL, as in EF).
    public static string Suspensions(Case c) => JsonSerializer.Serialize(c.Suspensions, JsonColumn.Options);
    public static string? Extension(Case c) => c.Extension is null ? null : JsonSerializer.Serialize(c.Extension, JsonColumn.Options);
    public static string Parties(Case c) => JsonSerializer.Serialize(c.Parties, JsonColumn.Options);
}

/// PostgreSQL: binary COPY into the four tables over four connections at once, with their
/// indexes and foreign keys dropped during the load and rebuilt after it (the usual way to
/// load a large table), then VACUUM ANALYZE so the planner and the visibility map are as they
/// would be after autovacuum on a live system.
internal sealed class PostgresCaseSink : ICaseSink, IAsyncDisposable
{
    private readonly string cs;
    private readonly List<NpgsqlConnection> connections = [];
    private NpgsqlBinaryImporter cases = null!, partyNumbers = null!, events = null!, objects = null!;
    private List<string> restore = [];

    private PostgresCaseSink(string cs) => this.cs = cs;

    public static async Task<PostgresCaseSink> OpenAsync(string cs)
    {
        var sink = new PostgresCaseSink(cs);
        sink.restore = await DropIndexesAsync(cs);
        async Task<NpgsqlBinaryImporter> Copy(string table, string columns)
        {
            var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            sink.connections.Add(conn);
            return await conn.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)");
        }
        sink.cases = await Copy("deliver_cases", CaseTables.CaseColumns);
        sink.partyNumbers = await Copy("deliver_case_party_numbers", CaseTables.PartyNumberColumns);
        sink.events = await Copy("platform_event_log", CaseTables.EventColumns);
        sink.objects = await Copy("platform_event_log_objects", CaseTables.ObjectColumns);
        return sink;
    }

    /// Drops the foreign keys, keys and indexes of the four tables (and the foreign keys that point
    /// at them) and returns the statements that recreate them as they were, in a workable order.
    private static async Task<List<string>> DropIndexesAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        const string tables = "ARRAY['deliver_cases'::regclass, 'deliver_case_party_numbers'::regclass, 'platform_event_log'::regclass, 'platform_event_log_objects'::regclass]";
        var constraints = new List<(string Table, string Name, string Definition, char Kind)>();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype
            FROM pg_constraint WHERE contype IN ('p', 'f', 'u') AND (conrelid = ANY({tables}) OR confrelid = ANY({tables}))
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) constraints.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetChar(3)));
        var indexes = new List<(string Name, string Definition)>();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = ANY({tables})
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u'))
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) indexes.Add((r.GetString(0), r.GetString(1)));

        string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var drop = new List<string>();
        drop.AddRange(constraints.Where(c => c.Kind == 'f').Select(c => $"ALTER TABLE {c.Table} DROP CONSTRAINT {Quote(c.Name)}"));
        drop.AddRange(constraints.Where(c => c.Kind != 'f').Select(c => $"ALTER TABLE {c.Table} DROP CONSTRAINT {Quote(c.Name)}"));
        drop.AddRange(indexes.Select(i => $"DROP INDEX {i.Name}"));
        foreach (var statement in drop)
        {
            await using var cmd = new NpgsqlCommand(statement, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var restore = new List<string>();
        restore.AddRange(constraints.Where(c => c.Kind != 'f').Select(c => $"ALTER TABLE {c.Table} ADD CONSTRAINT {Quote(c.Name)} {c.Definition}"));
        restore.AddRange(indexes.Select(i => i.Definition));
        restore.AddRange(constraints.Where(c => c.Kind == 'f').Select(c => $"ALTER TABLE {c.Table} ADD CONSTRAINT {Quote(c.Name)} {c.Definition}"));
        return restore;
    }

    public void Case(Case c)
    {
        var w = cases;
        w.StartRow();
        w.Write(c.Id, NpgsqlDbType.Uuid);
        w.Write(c.Number, NpgsqlDbType.Text);
        w.Write(c.CaseTypeId, NpgsqlDbType.Uuid);
        w.Write(c.ServiceId, NpgsqlDbType.Uuid);
        w.Write(c.UnitId, NpgsqlDbType.Uuid);
        if (c.HandlerId is { } h) w.Write(h, NpgsqlDbType.Uuid); else w.WriteNull();
        w.Write(c.Status, NpgsqlDbType.Text);
        w.Write(c.Language, NpgsqlDbType.Text);
        w.Write(c.Subject, NpgsqlDbType.Text);
        w.Write(c.ReceivedOn, NpgsqlDbType.Date);
        if (c.CompleteOn is { } complete) w.Write(complete, NpgsqlDbType.Date); else w.WriteNull();
        w.Write(CaseTables.Suspensions(c), NpgsqlDbType.Text);
        if (CaseTables.Extension(c) is { } extension) w.Write(extension, NpgsqlDbType.Text); else w.WriteNull();
        w.Write(CaseTables.Parties(c), NpgsqlDbType.Text);
        if (c.DueOn is { } due) w.Write(due, NpgsqlDbType.Date); else w.WriteNull();
        w.Write(c.DueSort, NpgsqlDbType.Date);
        w.Write(c.CreatedAt, NpgsqlDbType.TimestampTz);
        w.Write(c.UpdatedAt, NpgsqlDbType.TimestampTz);
        if (c.ClosedAt is { } closed) w.Write(closed, NpgsqlDbType.TimestampTz); else w.WriteNull();
    }

    public void PartyNumber(long id, Guid caseId, string number)
    {
        partyNumbers.StartRow();
        partyNumbers.Write(id, NpgsqlDbType.Bigint);
        partyNumbers.Write(caseId, NpgsqlDbType.Uuid);
        partyNumbers.Write(number, NpgsqlDbType.Text);
    }

    public void Event(long id, DateTimeOffset at, DateTimeOffset occurredAt, string kind, string actor, string activity, string attributes)
    {
        events.StartRow();
        events.Write(id, NpgsqlDbType.Bigint);
        events.Write(at, NpgsqlDbType.TimestampTz);
        events.Write(occurredAt, NpgsqlDbType.TimestampTz);
        events.Write(kind, NpgsqlDbType.Text);
        events.Write(actor, NpgsqlDbType.Text);
        events.Write(activity, NpgsqlDbType.Text);
        events.Write(attributes, NpgsqlDbType.Text);
    }

    public void EventObject(long eventId, string objectType, string objectId, string qualifier)
    {
        objects.StartRow();
        objects.Write(eventId, NpgsqlDbType.Bigint);
        objects.Write(objectType, NpgsqlDbType.Text);
        objects.Write(objectId, NpgsqlDbType.Text);
        objects.Write(qualifier, NpgsqlDbType.Text);
    }

    /// Ends the COPYs, rebuilds what was dropped, moves the identity sequences past the ids
    /// written, and analyses. Returns the time the rebuild took.
    public async Task<TimeSpan> CompleteAsync()
    {
        foreach (var importer in new[] { cases, partyNumbers, events, objects })
        {
            await importer.CompleteAsync();
            await importer.DisposeAsync();
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        async Task Run(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync();
        }
        await Run("SET maintenance_work_mem = '1GB'");
        foreach (var statement in restore) await Run(statement);
        await Run("""SELECT setval(pg_get_serial_sequence('platform_event_log', 'Id'), (SELECT max("Id") FROM platform_event_log))""");
        await Run("""SELECT setval(pg_get_serial_sequence('deliver_case_party_numbers', 'Id'), (SELECT max("Id") FROM deliver_case_party_numbers))""");
        // As the app keeps them: the per-year number counters.
        await Run("""INSERT INTO deliver_case_number_counters ("Year", "Last") SELECT CAST(substr("Number", 1, 4) AS INTEGER), MAX(CAST(substr("Number", 6) AS INTEGER)) FROM deliver_cases GROUP BY substr("Number", 1, 4) ON CONFLICT ("Year") DO UPDATE SET "Last" = excluded."Last" """);
        await Run("VACUUM (ANALYZE) deliver_cases, deliver_case_party_numbers, platform_event_log, platform_event_log_objects");
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in connections) await c.DisposeAsync();
    }
}

/// SQLite: prepared INSERTs in large transactions on one connection (without journal or sync
/// while loading: a failed load is simply started again), secondary indexes dropped during the
/// load and rebuilt after it, then ANALYZE, and the journal set back to WAL as the app runs it.
internal sealed class SqliteCaseSink : ICaseSink, IAsyncDisposable
{
    private readonly SqliteConnection conn;
    private SqliteTransaction tx;
    private readonly SqliteCommand cases, partyNumbers, events, objects;
    private readonly List<string> restore;
    private long rows;

    private SqliteCaseSink(SqliteConnection conn, List<string> restore)
    {
        this.conn = conn;
        this.restore = restore;
        tx = conn.BeginTransaction();
        cases = Prepare("deliver_cases", CaseTables.CaseColumns, 19);
        partyNumbers = Prepare("deliver_case_party_numbers", CaseTables.PartyNumberColumns, 3);
        events = Prepare("platform_event_log", CaseTables.EventColumns, 7);
        objects = Prepare("platform_event_log_objects", CaseTables.ObjectColumns, 4);
    }

    public static SqliteCaseSink Open(string path)
    {
        var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        conn.Open();
        Exec(conn, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF;");
        var restore = new List<string>();
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('deliver_cases', 'deliver_case_party_numbers', 'platform_event_log', 'platform_event_log_objects')";
            using var r = cmd.ExecuteReader();
            var names = new List<string>();
            while (r.Read())
            {
                names.Add(r.GetString(0));
                restore.Add(r.GetString(1));
            }
            r.Close();
            foreach (var name in names) Exec(conn, $"DROP INDEX \"{name}\"");
        }
        return new SqliteCaseSink(conn, restore);
    }

    private static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string table, string columns, int count)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({columns}) VALUES ({string.Join(", ", Enumerable.Range(0, count).Select(i => "$p" + i))})";
        for (var i = 0; i < count; i++) cmd.Parameters.Add(new SqliteParameter("$p" + i, null));
        cmd.Prepare();
        return cmd;
    }

    // EF's SQLite mapping: GUIDs as upper-case text, dates as yyyy-MM-dd, instants as UTC ticks.
    public static string G(Guid g) => g.ToString().ToUpperInvariant();
    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Run(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        cmd.ExecuteNonQuery();
        if (++rows % 2_000_000 == 0)
        {
            tx.Commit();
            tx = conn.BeginTransaction();
            foreach (var c in new[] { cases, partyNumbers, events, objects }) c.Transaction = tx;
        }
    }

    public void Case(Case c) => Run(cases,
        G(c.Id), c.Number, G(c.CaseTypeId), G(c.ServiceId), G(c.UnitId), c.HandlerId is { } h ? G(h) : null, c.Status, c.Language, c.Subject,
        D(c.ReceivedOn), c.CompleteOn is { } complete ? D(complete) : null, CaseTables.Suspensions(c), CaseTables.Extension(c), CaseTables.Parties(c),
        c.DueOn is { } due ? D(due) : null, D(c.DueSort), c.CreatedAt.UtcTicks, c.UpdatedAt.UtcTicks, c.ClosedAt?.UtcTicks);

    public void PartyNumber(long id, Guid caseId, string number) => Run(partyNumbers, id, G(caseId), number);

    public void Event(long id, DateTimeOffset at, DateTimeOffset occurredAt, string kind, string actor, string activity, string attributes) =>
        Run(events, id, at.UtcTicks, occurredAt.UtcTicks, kind, actor, activity, attributes);

    public void EventObject(long eventId, string objectType, string objectId, string qualifier) => Run(objects, eventId, objectType, objectId, qualifier);

    public TimeSpan Complete()
    {
        tx.Commit();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var statement in restore) Exec(conn, statement);
        // As the app keeps them: the per-year number counters.
        Exec(conn, """INSERT INTO deliver_case_number_counters ("Year", "Last") SELECT CAST(substr("Number", 1, 4) AS INTEGER), MAX(CAST(substr("Number", 6) AS INTEGER)) FROM deliver_cases GROUP BY substr("Number", 1, 4) ON CONFLICT ("Year") DO UPDATE SET "Last" = excluded."Last" """);
        Exec(conn, "ANALYZE");
        Exec(conn, "PRAGMA journal_mode=WAL");
        return clock.Elapsed;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var c in new[] { cases, partyNumbers, events, objects }) c.Dispose();
        conn.Dispose();
        return ValueTask.CompletedTask;
    }
}
