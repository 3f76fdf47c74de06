using System.Security.Cryptography;
using System.Text.Json;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Welcome;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Guichet.Bench;

/// One booking's rows as the app writes them in one transaction: the appointment, the seat it
/// holds (the unique index on service, start and seat refuses a second holder), the journal
/// event with its three objects by role, and the confirmation mail's outbox row (with the event
/// to record when it is sent).
internal sealed record BareBooking(Guid ServiceId, Guid ChannelId, DateTimeOffset Start, DateTimeOffset End, int Seat, string OutboxKind, string OutboxPayload, string OutboxSummary);

/// One kiosk ticket's rows: the ticket (unique office, day, letter, number) and its journal event.
internal sealed record BareTicket(Guid OfficeId, Guid ServiceId, DateOnly Day, string Letter);

/// The baselines of the Welcome scenarios: the same reads and rows as the app, written by hand
/// with the bare driver (Npgsql, Microsoft.Data.Sqlite), pooled connections, no ORM, no HTTP.
internal interface IBareWelcome : IAsyncDisposable
{
    /// Seats held per start time of a service between two instants (the free-slot read).
    Task<Dictionary<long, int>> HeldAsync(Guid serviceId, DateTimeOffset first, DateTimeOffset last);

    /// Seat numbers held at one start time.
    Task<HashSet<int>> SeatsAsync(Guid serviceId, DateTimeOffset start);

    /// False when the seat was taken first (unique violation), as the app's TrySave.
    Task<bool> TryBookAsync(BareBooking b);

    /// Takes the next number of the day's letter from the app's counter (as the app does).
    Task IssueAsync(BareTicket t);

    public static IBareWelcome Create(BenchDatabase db) => db.IsPostgres ? new PostgresBareWelcome(db.BareConnectionString) : new SqliteBareWelcome(db.BareConnectionString);

    public static string TokenHash() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// The app's ticket-number counter key and upsert (Welcome/Queue/QueueNumberCounter).
    public static string CounterKey(BareTicket t) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.OfficeId:N}|{t.Day:yyyy-MM-dd}|{t.Letter}");

    public static string NextNumberSql(string key) => $"""
        INSERT INTO welcome_queue_number_counters ("Key", "Last") VALUES ({key}, 1)
        ON CONFLICT ("Key") DO UPDATE SET "Last" = welcome_queue_number_counters."Last" + 1
        RETURNING "Last"
        """;

    public static string BookingAttributes(BareBooking b) =>
        JsonSerializer.Serialize<IReadOnlyDictionary<string, object?>>(new Dictionary<string, object?> { ["start"] = b.Start, ["seat"] = b.Seat }, JsonColumn.Options);

    public static string TicketAttributes(BareTicket t, string code) =>
        JsonSerializer.Serialize<IReadOnlyDictionary<string, object?>>(new Dictionary<string, object?> { ["code"] = code, ["service"] = t.ServiceId, ["priority"] = "none" }, JsonColumn.Options);

    /// The objects of the booking's event (AppointmentBook.Objects).
    public static BenchObject[] BookingObjects(Guid appointment, BareBooking b) =>
        [new("appointment", appointment.ToString(), Role.Subject), new("service", b.ServiceId.ToString(), Role.Service), new("channel", b.ChannelId.ToString(), Role.Channel)];

    /// The objects of the ticket's event (QueueWork.Objects, no desk yet).
    public static BenchObject[] TicketObjects(Guid ticket, BareTicket t) =>
        [new("queue-ticket", ticket.ToString(), Role.Subject), new("queue-office", t.OfficeId.ToString(), Role.Office), new("service", t.ServiceId.ToString(), Role.Service)];

    /// What the outbox records when the confirmation is sent (AppointmentMail).
    public static string ConfirmationSent(Guid appointment) =>
        JsonSerializer.Serialize(PendingEvent.MailSent("appointment-confirmation", new EventLogObject("appointment", appointment.ToString(), Role.Appointment)), JsonColumn.Options);
}

internal sealed class PostgresBareWelcome(string cs) : IBareWelcome
{
    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(cs);

    private static NpgsqlParameter P(object? value, NpgsqlDbType type) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };

    public async Task<Dictionary<long, int>> HeldAsync(Guid serviceId, DateTimeOffset first, DateTimeOffset last)
    {
        await using var cmd = source.CreateCommand("""SELECT "StartsAt", count(*)::int FROM welcome_appointment_seats WHERE "ServiceId" = $1 AND "StartsAt" >= $2 AND "StartsAt" <= $3 GROUP BY "StartsAt" """);
        cmd.Parameters.Add(P(serviceId, NpgsqlDbType.Uuid));
        cmd.Parameters.Add(P(first, NpgsqlDbType.TimestampTz));
        cmd.Parameters.Add(P(last, NpgsqlDbType.TimestampTz));
        var held = new Dictionary<long, int>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) held[r.GetFieldValue<DateTimeOffset>(0).UtcTicks] = r.GetInt32(1);
        return held;
    }

    public async Task<HashSet<int>> SeatsAsync(Guid serviceId, DateTimeOffset start)
    {
        await using var cmd = source.CreateCommand("""SELECT "Seat" FROM welcome_appointment_seats WHERE "ServiceId" = $1 AND "StartsAt" = $2""");
        cmd.Parameters.Add(P(serviceId, NpgsqlDbType.Uuid));
        cmd.Parameters.Add(P(start, NpgsqlDbType.TimestampTz));
        var seats = new HashSet<int>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) seats.Add(r.GetInt32(0));
        return seats;
    }

    public async Task<bool> TryBookAsync(BareBooking b)
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await using var conn = await source.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(conn, tx);
        var a = new NpgsqlBatchCommand("""
            INSERT INTO welcome_appointments ("Id", "ServiceId", "ChannelId", "StartsAt", "EndsAt", "Name", "Email", "Phone", "Language", "NationalNumber", "ManageTokenHash", "Status", "CreatedAt", "Sequence")
            VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, 'fr', NULL, $8, 'Booked', $9, 0)
            """);
        a.Parameters.Add(P(id, NpgsqlDbType.Uuid));
        a.Parameters.Add(P(b.ServiceId, NpgsqlDbType.Uuid));
        a.Parameters.Add(P(b.ChannelId, NpgsqlDbType.Uuid));
        a.Parameters.Add(P(b.Start, NpgsqlDbType.TimestampTz));
        a.Parameters.Add(P(b.End, NpgsqlDbType.TimestampTz));
        a.Parameters.Add(P("Jeanne Benchmark", NpgsqlDbType.Varchar));
        a.Parameters.Add(P("jeanne@example.be", NpgsqlDbType.Varchar));
        a.Parameters.Add(P(IBareWelcome.TokenHash(), NpgsqlDbType.Varchar));
        a.Parameters.Add(P(now, NpgsqlDbType.TimestampTz));
        batch.BatchCommands.Add(a);
        var s = new NpgsqlBatchCommand("""INSERT INTO welcome_appointment_seats ("Id", "ServiceId", "StartsAt", "Seat", "AppointmentId") VALUES ($1, $2, $3, $4, $5)""");
        s.Parameters.Add(P(Guid.NewGuid(), NpgsqlDbType.Uuid));
        s.Parameters.Add(P(b.ServiceId, NpgsqlDbType.Uuid));
        s.Parameters.Add(P(b.Start, NpgsqlDbType.TimestampTz));
        s.Parameters.Add(P(b.Seat, NpgsqlDbType.Integer));
        s.Parameters.Add(P(id, NpgsqlDbType.Uuid));
        batch.BatchCommands.Add(s);
        batch.BatchCommands.Add(Event(now, "anonymous", WelcomeActivities.AppointmentBooked, IBareWelcome.BookingAttributes(b), IBareWelcome.BookingObjects(id, b)));
        var o = new NpgsqlBatchCommand("""INSERT INTO platform_outbox ("Id", "Kind", "Payload", "OnSent", "Summary", "CreatedAt", "NextAttemptAt", "Attempts") VALUES ($1, $2, $3, $4, $5, $6, $6, 0)""");
        o.Parameters.Add(P(Guid.NewGuid(), NpgsqlDbType.Uuid));
        o.Parameters.Add(P(b.OutboxKind, NpgsqlDbType.Varchar));
        o.Parameters.Add(P(b.OutboxPayload, NpgsqlDbType.Text));
        o.Parameters.Add(P(IBareWelcome.ConfirmationSent(id), NpgsqlDbType.Text));
        o.Parameters.Add(P(b.OutboxSummary, NpgsqlDbType.Varchar));
        o.Parameters.Add(P(now, NpgsqlDbType.TimestampTz));
        batch.BatchCommands.Add(o);
        try
        {
            await batch.ExecuteNonQueryAsync();
            await tx.CommitAsync();
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    private static NpgsqlBatchCommand Event(DateTimeOffset at, string actor, Activity activity, string attributes, BenchObject[] objects)
    {
        var e = new NpgsqlBatchCommand(PostgresEvent.Sql("$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8"));
        e.Parameters.Add(P(at, NpgsqlDbType.TimestampTz));
        foreach (var p in PostgresEvent.Parameters(activity, actor, attributes, objects, positional: true)) e.Parameters.Add(p);
        return e;
    }

    public async Task IssueAsync(BareTicket t)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var conn = await source.OpenConnectionAsync();
            int last;
            // The app's counter, taken as the app takes it (one upsert of its own).
            await using (var next = new NpgsqlCommand(IBareWelcome.NextNumberSql("$1"), conn))
            {
                next.Parameters.Add(P(IBareWelcome.CounterKey(t), NpgsqlDbType.Varchar));
                last = Convert.ToInt32(await next.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) - 1;
            }
            var id = Guid.NewGuid();
            var now = DateTimeOffset.UtcNow;
            var code = t.Letter + "-" + (last + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            await using var tx = await conn.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(conn, tx);
            var i = new NpgsqlBatchCommand("""
                INSERT INTO welcome_queue_tickets ("Id", "OfficeId", "ServiceId", "Day", "Letter", "Number", "Code", "Priority", "Status", "Language", "TokenHash", "IssuedAt", "QueuedAt", "Recalls", "Transfers", "Version")
                VALUES ($1, $2, $3, $4, $5, $6, $7, 'None', 'Waiting', 'fr', $8, $9, $9, 0, 0, 0)
                """);
            i.Parameters.Add(P(id, NpgsqlDbType.Uuid));
            i.Parameters.Add(P(t.OfficeId, NpgsqlDbType.Uuid));
            i.Parameters.Add(P(t.ServiceId, NpgsqlDbType.Uuid));
            i.Parameters.Add(P(t.Day, NpgsqlDbType.Date));
            i.Parameters.Add(P(t.Letter, NpgsqlDbType.Varchar));
            i.Parameters.Add(P(last + 1, NpgsqlDbType.Integer));
            i.Parameters.Add(P(code, NpgsqlDbType.Varchar));
            i.Parameters.Add(P(IBareWelcome.TokenHash(), NpgsqlDbType.Varchar));
            i.Parameters.Add(P(now, NpgsqlDbType.TimestampTz));
            batch.BatchCommands.Add(i);
            batch.BatchCommands.Add(Event(now, "anonymous", WelcomeActivities.TicketIssued, IBareWelcome.TicketAttributes(t, code), IBareWelcome.TicketObjects(id, t)));
            try
            {
                await batch.ExecuteNonQueryAsync();
                await tx.CommitAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 20)
            {
                // Another client took this number: take the next one.
            }
        }
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}

internal sealed class SqliteBareWelcome(string cs) : IBareWelcome
{
    // As EF Core stores them on SQLite: GUIDs as upper-case text, instants as UTC ticks, dates as text.
    private static string G(Guid g) => g.ToString().ToUpperInvariant();

    private async Task<SqliteConnection> OpenAsync()
    {
        var conn = new SqliteConnection(cs);
        await conn.OpenAsync();
        return conn;
    }

    private static bool IsUniqueViolation(SqliteException e) => e.SqliteErrorCode == 19 && e.SqliteExtendedErrorCode is 2067 or 1555;

    public async Task<Dictionary<long, int>> HeldAsync(Guid serviceId, DateTimeOffset first, DateTimeOffset last)
    {
        await using var conn = await OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """SELECT "StartsAt", count(*) FROM welcome_appointment_seats WHERE "ServiceId" = @s AND "StartsAt" >= @a AND "StartsAt" <= @b GROUP BY "StartsAt" """;
        cmd.Parameters.AddWithValue("@s", G(serviceId));
        cmd.Parameters.AddWithValue("@a", first.UtcTicks);
        cmd.Parameters.AddWithValue("@b", last.UtcTicks);
        var held = new Dictionary<long, int>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) held[r.GetInt64(0)] = r.GetInt32(1);
        return held;
    }

    public async Task<HashSet<int>> SeatsAsync(Guid serviceId, DateTimeOffset start)
    {
        await using var conn = await OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """SELECT "Seat" FROM welcome_appointment_seats WHERE "ServiceId" = @s AND "StartsAt" = @a""";
        cmd.Parameters.AddWithValue("@s", G(serviceId));
        cmd.Parameters.AddWithValue("@a", start.UtcTicks);
        var seats = new HashSet<int>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) seats.Add(r.GetInt32(0));
        return seats;
    }

    private static async Task ExecAsync(SqliteConnection conn, SqliteTransaction tx, string sql, params (string Name, object? Value)[] values)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<bool> TryBookAsync(BareBooking b)
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await using var conn = await OpenAsync();
        await using var tx = conn.BeginTransaction();
        try
        {
            await ExecAsync(conn, tx, """
                INSERT INTO welcome_appointments ("Id", "ServiceId", "ChannelId", "StartsAt", "EndsAt", "Name", "Email", "Phone", "Language", "NationalNumber", "ManageTokenHash", "Status", "CreatedAt", "Sequence")
                VALUES (@id, @s, @c, @a, @b, 'Jeanne Benchmark', 'jeanne@example.be', NULL, 'fr', NULL, @h, 'Booked', @now, 0)
                """, ("@id", G(id)), ("@s", G(b.ServiceId)), ("@c", G(b.ChannelId)), ("@a", b.Start.UtcTicks), ("@b", b.End.UtcTicks), ("@h", IBareWelcome.TokenHash()), ("@now", now.UtcTicks));
            await ExecAsync(conn, tx, """INSERT INTO welcome_appointment_seats ("Id", "ServiceId", "StartsAt", "Seat", "AppointmentId") VALUES (@id, @s, @a, @seat, @ap)""",
                ("@id", G(Guid.NewGuid())), ("@s", G(b.ServiceId)), ("@a", b.Start.UtcTicks), ("@seat", b.Seat), ("@ap", G(id)));
            await SqliteEvent.InsertAsync(conn, tx, now, WelcomeActivities.AppointmentBooked, "anonymous", IBareWelcome.BookingAttributes(b), IBareWelcome.BookingObjects(id, b));
            await ExecAsync(conn, tx, """INSERT INTO platform_outbox ("Id", "Kind", "Payload", "OnSent", "Summary", "CreatedAt", "NextAttemptAt", "Attempts") VALUES (@id, @k, @p, @o, @s, @now, @now, 0)""",
                ("@id", G(Guid.NewGuid())), ("@k", b.OutboxKind), ("@p", b.OutboxPayload), ("@o", IBareWelcome.ConfirmationSent(id)), ("@s", b.OutboxSummary), ("@now", now.UtcTicks));
            await tx.CommitAsync();
            return true;
        }
        catch (SqliteException e) when (IsUniqueViolation(e))
        {
            await tx.RollbackAsync();
            return false;
        }
    }

    public async Task IssueAsync(BareTicket t)
    {
        var day = t.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            await using var conn = await OpenAsync();
            int last;
            // The app's counter, taken as the app takes it (one upsert of its own).
            await using (var next = conn.CreateCommand())
            {
                next.CommandText = IBareWelcome.NextNumberSql("@k");
                next.Parameters.AddWithValue("@k", IBareWelcome.CounterKey(t));
                last = Convert.ToInt32(await next.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) - 1;
            }
            var id = Guid.NewGuid();
            var now = DateTimeOffset.UtcNow;
            var code = t.Letter + "-" + (last + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            await using var tx = conn.BeginTransaction();
            try
            {
                await ExecAsync(conn, tx, """
                    INSERT INTO welcome_queue_tickets ("Id", "OfficeId", "ServiceId", "Day", "Letter", "Number", "Code", "Priority", "Status", "Language", "TokenHash", "IssuedAt", "QueuedAt", "Recalls", "Transfers", "Version")
                    VALUES (@id, @o, @s, @d, @l, @n, @c, 'None', 'Waiting', 'fr', @h, @now, @now, 0, 0, 0)
                    """, ("@id", G(id)), ("@o", G(t.OfficeId)), ("@s", G(t.ServiceId)), ("@d", day), ("@l", t.Letter), ("@n", last + 1), ("@c", code), ("@h", IBareWelcome.TokenHash()), ("@now", now.UtcTicks));
                await SqliteEvent.InsertAsync(conn, tx, now, WelcomeActivities.TicketIssued, "anonymous", IBareWelcome.TicketAttributes(t, code), IBareWelcome.TicketObjects(id, t));
                await tx.CommitAsync();
                return;
            }
            catch (SqliteException e) when (IsUniqueViolation(e) && attempt < 20)
            {
                await tx.RollbackAsync();
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
