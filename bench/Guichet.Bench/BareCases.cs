using System.Text.Json;
using Guichet.Deliver;
using Guichet.Deliver.Cases;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Guichet.Bench;

/// The baseline: the same queries and the same rows as the app, written by hand with the bare
/// driver (Npgsql, Microsoft.Data.Sqlite), pooled connections, no ORM, no HTTP. "Audit" adds the
/// journal rows the app writes for the same request (one durable commit): a list page is one
/// access event whose attribute lists the cases shown, a case read one access event naming the
/// case, its unit and its customers (pseudonyms, computed from the parties as the app does), so
/// that the ratio compares the same work; without it, the bare read alone.
internal interface IBareCases : IAsyncDisposable
{
    Task<int> ListAsync(Guid unit, (DateOnly Due, Guid Id)? after, string? partyNumber, string? auditActor);
    Task<bool> DetailAsync(Guid unit, Guid id, string? auditActor);
    Task CreateAsync(BareCase c);
    /// The next case number of the year from the app's counter, taken the way the app takes it
    /// (one upsert of its own): the bare rows then never collide with the app's.
    Task<int> NextNumberAsync(int year);
}

/// A case as POST /api/v1/cases writes it: the case and its party numbers, its status link, the
/// acknowledgement mail's outbox row (when the applicant has an e-mail address) and the
/// deliver.case.opened event with its objects, in one transaction.
internal sealed record BareCase(Case Case, IReadOnlyList<string> PartyNumbers, string StatusLinkHash, DateTimeOffset StatusLinkExpires,
    BareMail? Acknowledgement, string Actor, string Attributes, BenchObject[] Objects);

/// An outbox row: the mail as JSON, its summary, and the event to record when it is sent.
internal sealed record BareMail(string Payload, string Summary, string OnSent);

internal static class BareSql
{
    /// The case objects of a case read: the parties (column "Parties", as EF maps it) give the customers.
    public static BenchObject[] CaseObjects(BenchJournal journal, Guid id, Guid unit, string parties) =>
        journal.CaseObjects(id, unit, JsonSerializer.Deserialize<List<CaseParty>>(parties, JsonColumn.Options) ?? []);

    /// The attributes of one list page's access event (CaseList): the ids shown and their count.
    public static string ListAttributes(List<string> ids) => BenchJournal.Attributes(new Dictionary<string, object?> { ["cases"] = ids, ["count"] = ids.Count });

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

internal sealed class PostgresBareCases(string cs, BenchJournal journal) : IBareCases
{
    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(cs);

    public async Task<int> ListAsync(Guid unit, (DateOnly Due, Guid Id)? after, string? partyNumber, string? auditActor)
    {
        await using var conn = await source.OpenConnectionAsync();
        var ids = new List<string>(51);
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
            await AuditAsync(conn, auditActor, DeliverActivities.CaseListViewed, BareSql.ListAttributes(ids), []);
        return ids.Count;
    }

    public async Task<bool> DetailAsync(Guid unit, Guid id, string? auditActor)
    {
        await using var conn = await source.OpenConnectionAsync();
        string? parties = null;
        await using (var cmd = new NpgsqlCommand(BareSql.Detail, conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = id });
            cmd.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Uuid) { Value = unit });
            await using var r = await cmd.ExecuteReaderAsync();
            var values = new object[r.FieldCount];
            while (await r.ReadAsync())
            {
                r.GetValues(values);
                parties = r.GetString(10);
            }
        }
        if (parties is null) return false;
        if (auditActor is not null)
            await AuditAsync(conn, auditActor, DeliverActivities.CaseViewed, BenchJournal.Attributes(null), BareSql.CaseObjects(journal, id, unit, parties));
        return true;
    }

    /// One event and its objects in one statement (one durable commit).
    private static async Task AuditAsync(NpgsqlConnection conn, string actor, Activity activity, string attributes, BenchObject[] objects)
    {
        await using var cmd = new NpgsqlCommand(PostgresEvent.Sql("@at", "@kind", "@actor", "@activity", "@attributes", "@types", "@ids", "@roles"), conn);
        var now = DateTimeOffset.UtcNow;
        cmd.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = now });
        foreach (var p in PostgresEvent.Parameters(activity, actor, attributes, objects)) cmd.Parameters.Add(p);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task CreateAsync(BareCase bare)
    {
        var c = bare.Case;
        await using var conn = await source.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(conn, tx);
        var insert = new NpgsqlBatchCommand($"INSERT INTO deliver_cases ({CaseTables.CaseColumns}) VALUES ({string.Join(", ", Enumerable.Range(1, 19).Select(i => "$" + i))})");
        object N(object? v) => v ?? DBNull.Value;
        foreach (var (value, type) in new (object?, NpgsqlDbType)[]
        {
            (c.Id, NpgsqlDbType.Uuid), (c.Number, NpgsqlDbType.Varchar), (c.CaseTypeId, NpgsqlDbType.Uuid), (c.ServiceId, NpgsqlDbType.Uuid), (c.UnitId, NpgsqlDbType.Uuid),
            (c.HandlerId, NpgsqlDbType.Uuid), (c.Status, NpgsqlDbType.Varchar), (c.Language, NpgsqlDbType.Varchar), (c.Subject, NpgsqlDbType.Varchar),
            (c.ReceivedOn, NpgsqlDbType.Date), (c.CompleteOn, NpgsqlDbType.Date), (CaseTables.Suspensions(c), NpgsqlDbType.Text), (CaseTables.Extension(c), NpgsqlDbType.Text),
            (CaseTables.Parties(c), NpgsqlDbType.Text), (c.DueOn, NpgsqlDbType.Date), (c.DueSort, NpgsqlDbType.Date), (c.CreatedAt, NpgsqlDbType.TimestampTz), (c.UpdatedAt, NpgsqlDbType.TimestampTz), (c.ClosedAt, NpgsqlDbType.TimestampTz),
        })
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = N(value) });
        batch.BatchCommands.Add(insert);
        foreach (var n in bare.PartyNumbers)
        {
            var p = new NpgsqlBatchCommand("""INSERT INTO deliver_case_party_numbers ("CaseId", "Number") VALUES ($1, $2)""");
            p.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = c.Id });
            p.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = n });
            batch.BatchCommands.Add(p);
        }
        var link = new NpgsqlBatchCommand("""INSERT INTO deliver_status_links ("Id", "CaseId", "TokenHash", "CreatedAt", "ExpiresAt") VALUES ($1, $2, $3, $4, $5)""");
        link.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = Guid.NewGuid() });
        link.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = c.Id });
        link.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = bare.StatusLinkHash });
        link.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = c.CreatedAt });
        link.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = bare.StatusLinkExpires });
        batch.BatchCommands.Add(link);
        if (bare.Acknowledgement is { } mail)
        {
            var o = new NpgsqlBatchCommand("""INSERT INTO platform_outbox ("Id", "Kind", "Payload", "OnSent", "Summary", "CreatedAt", "NextAttemptAt", "Attempts") VALUES ($1, 'mail', $2, $3, $4, $5, $5, 0)""");
            o.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = Guid.NewGuid() });
            o.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = mail.Payload });
            o.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = mail.OnSent });
            o.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = mail.Summary });
            o.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = c.CreatedAt });
            batch.BatchCommands.Add(o);
        }
        var e = new NpgsqlBatchCommand(PostgresEvent.Sql("$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8"));
        e.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = c.CreatedAt });
        foreach (var p in PostgresEvent.Parameters(DeliverActivities.CaseOpened, bare.Actor, bare.Attributes, bare.Objects, positional: true)) e.Parameters.Add(p);
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

internal sealed class SqliteBareCases(string cs, BenchJournal journal) : IBareCases
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
            await AuditAsync(conn, auditActor, DeliverActivities.CaseListViewed, BareSql.ListAttributes(ids), []);
        return ids.Count;
    }

    public async Task<bool> DetailAsync(Guid unit, Guid id, string? auditActor)
    {
        await using var conn = await OpenAsync();
        string? parties = null;
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
                parties = r.GetString(10);
            }
        }
        if (parties is null) return false;
        if (auditActor is not null)
            await AuditAsync(conn, auditActor, DeliverActivities.CaseViewed, BenchJournal.Attributes(null), BareSql.CaseObjects(journal, id, unit, parties));
        return true;
    }

    private static async Task AuditAsync(SqliteConnection conn, string actor, Activity activity, string attributes, BenchObject[] objects)
    {
        await using var tx = conn.BeginTransaction();
        await SqliteEvent.InsertAsync(conn, tx, DateTimeOffset.UtcNow, activity, actor, attributes, objects);
        await tx.CommitAsync();
    }

    public async Task CreateAsync(BareCase bare)
    {
        var c = bare.Case;
        await using var conn = await OpenAsync();
        await using var tx = conn.BeginTransaction();
        await using (var insert = conn.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO deliver_cases ({CaseTables.CaseColumns}) VALUES ({string.Join(", ", Enumerable.Range(0, 19).Select(i => "@p" + i))})";
            object?[] values =
            [
                G(c.Id), c.Number, G(c.CaseTypeId), G(c.ServiceId), G(c.UnitId), c.HandlerId is { } h ? G(h) : null, c.Status, c.Language, c.Subject,
                SqliteCaseSink.D(c.ReceivedOn), c.CompleteOn is { } complete ? SqliteCaseSink.D(complete) : null, CaseTables.Suspensions(c), CaseTables.Extension(c), CaseTables.Parties(c),
                c.DueOn is { } due ? SqliteCaseSink.D(due) : null, SqliteCaseSink.D(c.DueSort), c.CreatedAt.UtcTicks, c.UpdatedAt.UtcTicks, c.ClosedAt?.UtcTicks,
            ];
            for (var i = 0; i < values.Length; i++) insert.Parameters.AddWithValue("@p" + i, values[i] ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync();
        }
        foreach (var n in bare.PartyNumbers)
        {
            await using var p = conn.CreateCommand();
            p.Transaction = tx;
            p.CommandText = """INSERT INTO deliver_case_party_numbers ("CaseId", "Number") VALUES (@c, @n)""";
            p.Parameters.AddWithValue("@c", G(c.Id));
            p.Parameters.AddWithValue("@n", n);
            await p.ExecuteNonQueryAsync();
        }
        await using (var link = conn.CreateCommand())
        {
            link.Transaction = tx;
            link.CommandText = """INSERT INTO deliver_status_links ("Id", "CaseId", "TokenHash", "CreatedAt", "ExpiresAt") VALUES (@id, @c, @h, @at, @until)""";
            link.Parameters.AddWithValue("@id", G(Guid.NewGuid()));
            link.Parameters.AddWithValue("@c", G(c.Id));
            link.Parameters.AddWithValue("@h", bare.StatusLinkHash);
            link.Parameters.AddWithValue("@at", c.CreatedAt.UtcTicks);
            link.Parameters.AddWithValue("@until", bare.StatusLinkExpires.UtcTicks);
            await link.ExecuteNonQueryAsync();
        }
        if (bare.Acknowledgement is { } mail)
        {
            await using var o = conn.CreateCommand();
            o.Transaction = tx;
            o.CommandText = """INSERT INTO platform_outbox ("Id", "Kind", "Payload", "OnSent", "Summary", "CreatedAt", "NextAttemptAt", "Attempts") VALUES (@id, 'mail', @p, @s, @summary, @at, @at, 0)""";
            o.Parameters.AddWithValue("@id", G(Guid.NewGuid()));
            o.Parameters.AddWithValue("@p", mail.Payload);
            o.Parameters.AddWithValue("@s", mail.OnSent);
            o.Parameters.AddWithValue("@summary", mail.Summary);
            o.Parameters.AddWithValue("@at", c.CreatedAt.UtcTicks);
            await o.ExecuteNonQueryAsync();
        }
        await SqliteEvent.InsertAsync(conn, tx, c.CreatedAt, DeliverActivities.CaseOpened, bare.Actor, bare.Attributes, bare.Objects);
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
