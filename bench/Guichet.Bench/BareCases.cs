using Guichet.Deliver.Cases;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Guichet.Bench;

/// The baseline: the same queries and the same rows as the app, written by hand with the bare
/// driver (Npgsql, Microsoft.Data.Sqlite), pooled connections, no ORM, no HTTP. "Audit" adds the
/// event-log rows the app writes for the same request (one durable commit), so that the ratio
/// compares the same work; without it, the bare read alone.
internal interface IBareCases : IAsyncDisposable
{
    Task<int> ListAsync(Guid unit, (DateOnly Due, Guid Id)? after, string? partyNumber, string? auditActor);
    Task<bool> DetailAsync(Guid unit, Guid id, string? auditActor);
    Task CreateAsync(Case c, IReadOnlyList<string> partyNumbers, string actor, string attributes);
    /// The next case number of the year from the app's counter, taken the way the app takes it
    /// (one upsert of its own): the bare rows then never collide with the app's.
    Task<int> NextNumberAsync(int year);
}

internal static class BareSql
{
    public const string CaseColumns = """c."Id", c."CaseTypeId", c."ClosedAt", c."CompleteOn", c."CreatedAt", c."DueOn", c."Extension", c."HandlerId", c."Language", c."Number", c."Parties", c."ReceivedOn", c."ServiceId", c."Status", c."Subject", c."Suspensions", c."UnitId", c."UpdatedAt" """;

    /// The work list as the app asks for it: the unit's cases by the indexed sort key (the due
    /// date, or 9999-12-31 before the clock starts), id as tie-breaker, one more than the page to
    /// know whether there is a next one; a party number as an id lookup. The codes of the case
    /// types come from a second query, as in the app.
    public static string List(bool after, bool partyNumber) => $"""
        SELECT {CaseColumns}, c."DueSort" AS due
        FROM deliver_cases c
        WHERE c."UnitId" = @unit
        {(partyNumber ? """AND c."Id" IN (SELECT n."CaseId" FROM deliver_case_party_numbers n WHERE n."Number" = @number)""" : "")}
        {(after ? """AND c."DueSort" >= @due AND (c."DueSort" > @due OR c."Id" > @id)""" : "")}
        ORDER BY c."DueSort", c."Id"
        LIMIT 51
        """;

    public const string Detail = $"""
        SELECT {CaseColumns}, t."Code", t."Content"
        FROM deliver_cases c JOIN deliver_case_types t ON t."Id" = c."CaseTypeId"
        WHERE c."Id" = @id AND c."UnitId" = @unit
        """;

    public const string TypeCodes = """SELECT "Id", "Code" FROM deliver_case_types WHERE "Id" IN (SELECT value FROM json_each(@ids))""";
}

internal sealed class PostgresBareCases(string cs) : IBareCases
{
    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(cs);

    public async Task<int> ListAsync(Guid unit, (DateOnly Due, Guid Id)? after, string? partyNumber, string? auditActor)
    {
        await using var conn = await source.OpenConnectionAsync();
        var ids = new List<string>(51);
        var numbers = new List<string>(51);
        var types = new HashSet<Guid>();
        await using (var cmd = new NpgsqlCommand(BareSql.List(after is not null, partyNumber is not null), conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Uuid) { Value = unit });
            if (partyNumber is not null) cmd.Parameters.Add(new NpgsqlParameter("number", NpgsqlDbType.Varchar) { Value = partyNumber });
            if (after is { } k)
            {
                cmd.Parameters.Add(new NpgsqlParameter("due", NpgsqlDbType.Date) { Value = k.Due });
                cmd.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = k.Id });
            }
            await using var r = await cmd.ExecuteReaderAsync();
            var values = new object[r.FieldCount];
            while (await r.ReadAsync())
            {
                r.GetValues(values);
                if (ids.Count < 50)
                {
                    ids.Add(r.GetGuid(0).ToString());
                    numbers.Add(r.GetString(9));
                    types.Add(r.GetGuid(1));
                }
            }
        }
        if (types.Count > 0)
        {
            await using var codes = new NpgsqlCommand("""SELECT "Id", "Code" FROM deliver_case_types WHERE "Id" = ANY(@ids)""", conn);
            codes.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = types.ToArray() });
            await using var r = await codes.ExecuteReaderAsync();
            while (await r.ReadAsync()) { _ = r.GetString(1); }
        }
        if (auditActor is not null && ids.Count > 0)
            await AuditAsync(conn, auditActor, "deliver.case-list.viewed", [.. ids.Select(_ => "case")], [.. ids], [.. numbers]);
        return ids.Count;
    }

    public async Task<bool> DetailAsync(Guid unit, Guid id, string? auditActor)
    {
        await using var conn = await source.OpenConnectionAsync();
        string? number = null;
        await using (var cmd = new NpgsqlCommand(BareSql.Detail, conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = id });
            cmd.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Uuid) { Value = unit });
            await using var r = await cmd.ExecuteReaderAsync();
            var values = new object[r.FieldCount];
            while (await r.ReadAsync())
            {
                r.GetValues(values);
                number = r.GetString(9);
            }
        }
        if (number is null) return false;
        if (auditActor is not null)
            await AuditAsync(conn, auditActor, "deliver.case.viewed", ["case", "unit"], [id.ToString(), unit.ToString()], [number, ""]);
        return true;
    }

    /// One event and its objects in one statement (one durable commit).
    private static async Task AuditAsync(NpgsqlConnection conn, string actor, string activity, string[] types, string[] ids, string[] qualifiers)
    {
        await using var cmd = new NpgsqlCommand("""
            WITH e AS (INSERT INTO platform_event_log ("At", "Actor", "Activity", "Attributes") VALUES (@at, @actor, @activity, '{}') RETURNING "Id")
            INSERT INTO platform_event_log_objects ("EventId", "ObjectType", "ObjectId", "Qualifier")
            SELECT e."Id", o.t, o.i, o.q FROM e, unnest(@types, @ids, @qualifiers) AS o(t, i, q)
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = DateTimeOffset.UtcNow });
        cmd.Parameters.Add(new NpgsqlParameter("actor", NpgsqlDbType.Varchar) { Value = actor });
        cmd.Parameters.Add(new NpgsqlParameter("activity", NpgsqlDbType.Varchar) { Value = activity });
        cmd.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = types });
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = ids });
        cmd.Parameters.Add(new NpgsqlParameter("qualifiers", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = qualifiers });
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task CreateAsync(Case c, IReadOnlyList<string> partyNumbers, string actor, string attributes)
    {
        await using var conn = await source.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(conn, tx);
        var insert = new NpgsqlBatchCommand($"INSERT INTO deliver_cases ({CaseTables.CaseColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)");
        object N(object? v) => v ?? DBNull.Value;
        foreach (var (value, type) in new (object?, NpgsqlDbType)[]
        {
            (c.Id, NpgsqlDbType.Uuid), (c.Number, NpgsqlDbType.Varchar), (c.CaseTypeId, NpgsqlDbType.Uuid), (c.ServiceId, NpgsqlDbType.Uuid), (c.UnitId, NpgsqlDbType.Uuid),
            (c.HandlerId, NpgsqlDbType.Uuid), (c.Status, NpgsqlDbType.Varchar), (c.Language, NpgsqlDbType.Varchar), (c.Subject, NpgsqlDbType.Varchar),
            (c.ReceivedOn, NpgsqlDbType.Date), (c.CompleteOn, NpgsqlDbType.Date), (CaseTables.Suspensions(c), NpgsqlDbType.Text), (CaseTables.Extension(c), NpgsqlDbType.Text),
            (CaseTables.Parties(c), NpgsqlDbType.Text), (c.DueOn, NpgsqlDbType.Date), (c.CreatedAt, NpgsqlDbType.TimestampTz), (c.UpdatedAt, NpgsqlDbType.TimestampTz), (c.ClosedAt, NpgsqlDbType.TimestampTz),
        })
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = N(value) });
        batch.BatchCommands.Add(insert);
        foreach (var n in partyNumbers)
        {
            var p = new NpgsqlBatchCommand("""INSERT INTO deliver_case_party_numbers ("CaseId", "Number") VALUES ($1, $2)""");
            p.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = c.Id });
            p.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = n });
            batch.BatchCommands.Add(p);
        }
        var e = new NpgsqlBatchCommand("""
            WITH e AS (INSERT INTO platform_event_log ("At", "Actor", "Activity", "Attributes") VALUES ($1, $2, 'case.opened', $3) RETURNING "Id")
            INSERT INTO platform_event_log_objects ("EventId", "ObjectType", "ObjectId", "Qualifier")
            SELECT e."Id", o.t, o.i, o.q FROM e, (VALUES ('case', $4, $5), ('unit', $6, '')) AS o(t, i, q)
            """);
        e.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = c.CreatedAt });
        e.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = actor });
        e.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = attributes });
        e.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = c.Id.ToString() });
        e.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = c.Number });
        e.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = c.UnitId.ToString() });
        batch.BatchCommands.Add(e);
        await batch.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    public async Task<int> NextNumberAsync(int year)
    {
        await using var cmd = source.CreateCommand("""
            INSERT INTO deliver_case_number_counters ("Year", "Last") VALUES ($1, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = deliver_case_number_counters."Last" + 1
            RETURNING "Last"
            """);
        cmd.Parameters.AddWithValue(year);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}

internal sealed class SqliteBareCases(string cs) : IBareCases
{
    private static string G(Guid g) => SqliteCaseSink.G(g);

    private async Task<SqliteConnection> OpenAsync()
    {
        var conn = new SqliteConnection(cs);
        await conn.OpenAsync();
        return conn;
    }

    public async Task<int> ListAsync(Guid unit, (DateOnly Due, Guid Id)? after, string? partyNumber, string? auditActor)
    {
        await using var conn = await OpenAsync();
        var ids = new List<string>(51);
        var numbers = new List<string>(51);
        var types = new HashSet<string>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = BareSql.List(after is not null, partyNumber is not null);
            cmd.Parameters.AddWithValue("@unit", G(unit));
            if (partyNumber is not null) cmd.Parameters.AddWithValue("@number", partyNumber);
            if (after is { } k)
            {
                cmd.Parameters.AddWithValue("@due", SqliteCaseSink.D(k.Due));
                cmd.Parameters.AddWithValue("@id", G(k.Id));
            }
            await using var r = await cmd.ExecuteReaderAsync();
            var values = new object[r.FieldCount];
            while (await r.ReadAsync())
            {
                r.GetValues(values);
                if (ids.Count < 50)
                {
                    ids.Add(r.GetString(0).ToLowerInvariant());
                    numbers.Add(r.GetString(9));
                    types.Add(r.GetString(1));
                }
            }
        }
        if (types.Count > 0)
        {
            await using var codes = conn.CreateCommand();
            codes.CommandText = BareSql.TypeCodes;
            codes.Parameters.AddWithValue("@ids", System.Text.Json.JsonSerializer.Serialize(types));
            await using var r = await codes.ExecuteReaderAsync();
            while (await r.ReadAsync()) { _ = r.GetString(1); }
        }
        if (auditActor is not null && ids.Count > 0)
            await AuditAsync(conn, auditActor, "deliver.case-list.viewed", [.. ids.Select(_ => "case")], [.. ids], [.. numbers]);
        return ids.Count;
    }

    public async Task<bool> DetailAsync(Guid unit, Guid id, string? auditActor)
    {
        await using var conn = await OpenAsync();
        string? number = null;
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = BareSql.Detail;
            cmd.Parameters.AddWithValue("@id", G(id));
            cmd.Parameters.AddWithValue("@unit", G(unit));
            await using var r = await cmd.ExecuteReaderAsync();
            var values = new object[r.FieldCount];
            while (await r.ReadAsync())
            {
                r.GetValues(values);
                number = r.GetString(9);
            }
        }
        if (number is null) return false;
        if (auditActor is not null)
            await AuditAsync(conn, auditActor, "deliver.case.viewed", ["case", "unit"], [id.ToString(), unit.ToString()], [number, ""]);
        return true;
    }

    private static async Task AuditAsync(SqliteConnection conn, string actor, string activity, string[] types, string[] ids, string[] qualifiers)
    {
        await using var tx = conn.BeginTransaction();
        long eventId;
        await using (var e = conn.CreateCommand())
        {
            e.Transaction = tx;
            e.CommandText = """INSERT INTO platform_event_log ("At", "Actor", "Activity", "Attributes") VALUES (@at, @actor, @activity, '{}') RETURNING "Id" """;
            e.Parameters.AddWithValue("@at", DateTimeOffset.UtcNow.UtcTicks);
            e.Parameters.AddWithValue("@actor", actor);
            e.Parameters.AddWithValue("@activity", activity);
            eventId = (long)(await e.ExecuteScalarAsync())!;
        }
        await InsertObjectsAsync(conn, tx, eventId, types, ids, qualifiers);
        await tx.CommitAsync();
    }

    private static async Task InsertObjectsAsync(SqliteConnection conn, SqliteTransaction tx, long eventId, string[] types, string[] ids, string[] qualifiers)
    {
        await using var o = conn.CreateCommand();
        o.Transaction = tx;
        o.CommandText = """INSERT INTO platform_event_log_objects ("EventId", "ObjectType", "ObjectId", "Qualifier") VALUES (@e, @t, @i, @q)""";
        var pe = o.Parameters.AddWithValue("@e", eventId);
        var pt = o.Parameters.Add("@t", SqliteType.Text);
        var pi = o.Parameters.Add("@i", SqliteType.Text);
        var pq = o.Parameters.Add("@q", SqliteType.Text);
        for (var k = 0; k < ids.Length; k++)
        {
            pt.Value = types[k];
            pi.Value = ids[k];
            pq.Value = qualifiers[k];
            await o.ExecuteNonQueryAsync();
        }
    }

    public async Task CreateAsync(Case c, IReadOnlyList<string> partyNumbers, string actor, string attributes)
    {
        await using var conn = await OpenAsync();
        await using var tx = conn.BeginTransaction();
        await using (var insert = conn.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO deliver_cases ({CaseTables.CaseColumns}) VALUES ({string.Join(", ", Enumerable.Range(0, 18).Select(i => "@p" + i))})";
            object?[] values =
            [
                G(c.Id), c.Number, G(c.CaseTypeId), G(c.ServiceId), G(c.UnitId), c.HandlerId is { } h ? G(h) : null, c.Status, c.Language, c.Subject,
                SqliteCaseSink.D(c.ReceivedOn), c.CompleteOn is { } complete ? SqliteCaseSink.D(complete) : null, CaseTables.Suspensions(c), CaseTables.Extension(c), CaseTables.Parties(c),
                c.DueOn is { } due ? SqliteCaseSink.D(due) : null, c.CreatedAt.UtcTicks, c.UpdatedAt.UtcTicks, c.ClosedAt?.UtcTicks,
            ];
            for (var i = 0; i < values.Length; i++) insert.Parameters.AddWithValue("@p" + i, values[i] ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync();
        }
        foreach (var n in partyNumbers)
        {
            await using var p = conn.CreateCommand();
            p.Transaction = tx;
            p.CommandText = """INSERT INTO deliver_case_party_numbers ("CaseId", "Number") VALUES (@c, @n)""";
            p.Parameters.AddWithValue("@c", G(c.Id));
            p.Parameters.AddWithValue("@n", n);
            await p.ExecuteNonQueryAsync();
        }
        long eventId;
        await using (var e = conn.CreateCommand())
        {
            e.Transaction = tx;
            e.CommandText = """INSERT INTO platform_event_log ("At", "Actor", "Activity", "Attributes") VALUES (@at, @actor, 'case.opened', @attributes) RETURNING "Id" """;
            e.Parameters.AddWithValue("@at", c.CreatedAt.UtcTicks);
            e.Parameters.AddWithValue("@actor", actor);
            e.Parameters.AddWithValue("@attributes", attributes);
            eventId = (long)(await e.ExecuteScalarAsync())!;
        }
        await InsertObjectsAsync(conn, tx, eventId, ["case", "unit"], [c.Id.ToString(), c.UnitId.ToString()], [c.Number, ""]);
        await tx.CommitAsync();
    }

    public async Task<int> NextNumberAsync(int year)
    {
        await using var conn = await OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            INSERT INTO deliver_case_number_counters ("Year", "Last") VALUES (@year, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = deliver_case_number_counters."Last" + 1
            RETURNING "Last"
            """;
        cmd.Parameters.AddWithValue("@year", year);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
