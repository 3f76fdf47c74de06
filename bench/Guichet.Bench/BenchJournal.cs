using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guichet.Deliver.Cases;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Bench;

/// The journal as the app writes it (ADR 0013), for the generators and the bare baselines: each
/// event with its recorded time (At) and business time (OccurredAt), its kind, the catalogue's
/// activity code, objects named by their role, and customers as pseudonyms under the key the app
/// made for this database. One place, so that every baseline writes the same shape as the app.
internal sealed class BenchJournal(byte[] key)
{
    /// The row of platform_secrets that holds the key (JournalKey's name for it).
    public const string KeyName = "journal-pseudonym-key";

    public const string EventColumns = "\"At\", \"OccurredAt\", \"Kind\", \"Actor\", \"Activity\", \"Attributes\"";
    public const string ObjectColumns = "\"EventId\", \"ObjectType\", \"ObjectId\", \"Qualifier\"";

    /// The key the app made at its first start (the demo seeding makes it before anything else).
    public static async Task<BenchJournal> ReadAsync(GuichetDb db)
    {
        var secret = await db.Set<PlatformSecret>().AsNoTracking().SingleOrDefaultAsync(s => s.Name == KeyName)
            ?? throw new InvalidOperationException($"No '{KeyName}' in platform_secrets: seed the database with the app first.");
        return new BenchJournal(Convert.FromBase64String(secret.Value));
    }

    /// As JournalKey.Pseudonym: "c-" and the first 16 bytes of the HMAC-SHA256 of the number's digits, in hex.
    public string Pseudonym(string number)
    {
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        return "c-" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(digits)), 0, 16);
    }

    /// The kind as EventLogConfiguration stores it ("process", "access", "administration").
    public static string Kind(Activity activity) => activity.Kind.ToString().ToLowerInvariant();

    /// Attributes as the app serialises them (EventLogEntry: JsonColumn's options; none is "{}").
    public static string Attributes(IReadOnlyDictionary<string, object?>? attributes) =>
        JsonSerializer.Serialize(attributes ?? new Dictionary<string, object?>(), JsonColumn.Options);

    /// A case's objects in every event about it (CaseWork.Objects): itself, its unit, its customers.
    public BenchObject[] CaseObjects(Guid caseId, Guid unitId, IEnumerable<CaseParty> parties) =>
        [new("case", caseId.ToString(), Role.Subject), new("unit", unitId.ToString(), Role.Unit),
            .. parties.Select(p => p.Number).OfType<string>().Distinct().Select(n => new BenchObject("customer", Pseudonym(n), Role.Customer))];
}

/// One object of an event: its type, id and role (the OCEL 2.0 qualifier).
internal sealed record BenchObject(string Type, string Id, string Role);

/// One journal event and its objects in one PostgreSQL statement (a data-modifying CTE runs once,
/// also when the event has no objects). At and OccurredAt are the same instant: what the bare
/// baselines record happens now.
internal static class PostgresEvent
{
    public static string Sql(string at, string kind, string actor, string activity, string attributes, string types, string ids, string roles) => $"""
        WITH e AS (INSERT INTO platform_event_log ({BenchJournal.EventColumns}) VALUES ({at}, {at}, {kind}, {actor}, {activity}, {attributes}) RETURNING "Id")
        INSERT INTO platform_event_log_objects ({BenchJournal.ObjectColumns})
        SELECT e."Id", o.t, o.i, o.q FROM e, unnest({types}::varchar[], {ids}::varchar[], {roles}::varchar[]) AS o(t, i, q)
        """;

    /// The parameters after the instant, in the order of Sql: kind, actor, activity, attributes, types, ids, roles.
    public static IEnumerable<Npgsql.NpgsqlParameter> Parameters(Activity activity, string actor, string attributes, BenchObject[] objects, bool positional = false)
    {
        Npgsql.NpgsqlParameter P(string name, NpgsqlTypes.NpgsqlDbType type, object value) =>
            positional ? new() { NpgsqlDbType = type, Value = value } : new(name, type) { Value = value };
        yield return P("kind", NpgsqlTypes.NpgsqlDbType.Varchar, BenchJournal.Kind(activity));
        yield return P("actor", NpgsqlTypes.NpgsqlDbType.Varchar, actor);
        yield return P("activity", NpgsqlTypes.NpgsqlDbType.Varchar, activity.Code);
        yield return P("attributes", NpgsqlTypes.NpgsqlDbType.Text, attributes);
        var array = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Varchar;
        yield return P("types", array, objects.Select(o => o.Type).ToArray());
        yield return P("ids", array, objects.Select(o => o.Id).ToArray());
        yield return P("roles", array, objects.Select(o => o.Role).ToArray());
    }
}

/// One journal event and its objects on SQLite (instants as UTC ticks, as the app's converter
/// stores them), in the caller's transaction.
internal static class SqliteEvent
{
    public static async Task InsertAsync(Microsoft.Data.Sqlite.SqliteConnection conn, Microsoft.Data.Sqlite.SqliteTransaction tx, DateTimeOffset at,
        Activity activity, string actor, string attributes, BenchObject[] objects)
    {
        long eventId;
        await using (var e = conn.CreateCommand())
        {
            e.Transaction = tx;
            e.CommandText = $"""INSERT INTO platform_event_log ({BenchJournal.EventColumns}) VALUES (@at, @at, @kind, @actor, @activity, @attributes) RETURNING "Id" """;
            e.Parameters.AddWithValue("@at", at.UtcTicks);
            e.Parameters.AddWithValue("@kind", BenchJournal.Kind(activity));
            e.Parameters.AddWithValue("@actor", actor);
            e.Parameters.AddWithValue("@activity", activity.Code);
            e.Parameters.AddWithValue("@attributes", attributes);
            eventId = (long)(await e.ExecuteScalarAsync())!;
        }
        if (objects.Length == 0) return;
        await using var o = conn.CreateCommand();
        o.Transaction = tx;
        o.CommandText = $"""INSERT INTO platform_event_log_objects ({BenchJournal.ObjectColumns}) VALUES (@e, @t, @i, @q)""";
        o.Parameters.AddWithValue("@e", eventId);
        var pt = o.Parameters.Add("@t", Microsoft.Data.Sqlite.SqliteType.Text);
        var pi = o.Parameters.Add("@i", Microsoft.Data.Sqlite.SqliteType.Text);
        var pq = o.Parameters.Add("@q", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var obj in objects)
        {
            pt.Value = obj.Type;
            pi.Value = obj.Id;
            pq.Value = obj.Role;
            await o.ExecuteNonQueryAsync();
        }
    }
}
