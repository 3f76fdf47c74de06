using System.Data.Common;
using Guichet.Improve.Mining;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guichet.Improve.Measures;

/// What the journal says about one case file, folded from its events (days in Brussels time of the
/// business time: the received date of a letter, the notification date of a decision).
internal sealed class CaseFacts(string id)
{
    public readonly string Id = id;
    public string? CaseType;
    public string? Unit;
    public DateOnly? Received;
    public DateOnly? DueOn;
    public DateOnly? Closed;
    public DateOnly? SuspendedOn;
    public int SuspendedDays;
    public string? Contact;
}

internal sealed class ContactFacts(string id)
{
    public readonly string Id = id;
    public string? Channel, Service, Unit;
    public DateOnly? Received;
    public DateOnly? RespondBy;
    /// The first answer to the customer: answered at first contact, a case opened, referred, called back.
    public DateOnly? Responded;
    public string? Outcome;
    public int? ResponseWorkingDays;
}

internal sealed class TicketFacts(string id)
{
    public readonly string Id = id;
    public string? Service;
    public DateOnly? Called;
    public int? WaitedSeconds;
}

internal sealed class AppointmentFacts(string id)
{
    public readonly string Id = id;
    public string? Service;
    public DateTimeOffset? Start;
    public bool Cancelled, CheckedIn, Missed;
}

internal sealed class AdviceFacts(string id)
{
    public readonly string Id = id;
    public string? Case, AskedUnit;
    public DateOnly? Given;
    public bool Kept;
}

internal sealed class ComplaintFacts(string id)
{
    public readonly string Id = id;
    public string? Service, Unit, Channel, Case;
    public DateOnly? Received;
    public bool AcknowledgedLate;
    public DateOnly? Answered;
    public bool AnsweredLate;
}

internal sealed class SurveyFacts(string id)
{
    public readonly string Id = id;
    public string? Service, Unit, Channel, Case;
    public DateOnly? Requested;
    public DateOnly? Answered;
    public int? Score;
}

/// The facts of every measured object, by id. Read only under the journal's gate.
internal sealed class MeasureFacts
{
    public readonly Dictionary<string, CaseFacts> Cases = new(StringComparer.Ordinal);
    public readonly Dictionary<string, ContactFacts> Contacts = new(StringComparer.Ordinal);
    public readonly Dictionary<string, TicketFacts> Tickets = new(StringComparer.Ordinal);
    public readonly Dictionary<string, AppointmentFacts> Appointments = new(StringComparer.Ordinal);
    public readonly Dictionary<string, AdviceFacts> Advice = new(StringComparer.Ordinal);
    public readonly Dictionary<string, ComplaintFacts> Complaints = new(StringComparer.Ordinal);
    public readonly Dictionary<string, SurveyFacts> Surveys = new(StringComparer.Ordinal);
    public long Events;
}

/// The measured facts of the journal, kept in memory on each node and brought up to date
/// incrementally like the live mining cache (`JournalWatermark`): each read first folds the process
/// events recorded since the last one (one SQL statement over the primary key, the same on both
/// providers, only the activities a measurement reads), then computes from memory. A full reload
/// every day lets the retention job's deletions through.
internal sealed class MeasureJournal(TimeProvider time)
{
    private static readonly TimeSpan Reload = TimeSpan.FromDays(1);

    /// The activities a measurement reads; the others are not loaded.
    public static readonly string[] Activities =
    [
        "deliver.case.opened", "deliver.case.assigned", "deliver.case.status-changed", "deliver.case.suspended", "deliver.case.resumed",
        "deliver.case.extended", "deliver.case.completed", "deliver.decision.issued", "deliver.advice.requested", "deliver.advice.given",
        "welcome.contact.received", "welcome.contact.routed", "welcome.contact.answered", "welcome.contact.case-opened", "welcome.contact.referred",
        "welcome.contact.called-back", "welcome.ticket.issued", "welcome.ticket.called",
        "welcome.appointment.booked", "welcome.appointment.rescheduled", "welcome.appointment.cancelled", "welcome.appointment.checked-in", "welcome.appointment.missed",
        "follow.complaint.registered", "follow.complaint.assigned", "follow.complaint.acknowledged", "follow.complaint.answered",
        "follow.survey.requested", "follow.survey.answered",
    ];

    private readonly SemaphoreSlim gate = new(1, 1);
    private (DateTimeOffset LoadedAt, JournalWatermark Watermark, MeasureFacts Facts) state = (DateTimeOffset.MinValue, new(), new());

    /// Brings the facts up to date, then computes under the gate (the facts change only inside it).
    public async Task<T> ReadAsync<T>(GuichetDb db, Func<MeasureFacts, T> compute, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await RefreshAsync(db, ct);
            return compute(state.Facts);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RefreshAsync(GuichetDb db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now - state.LoadedAt > Reload) state = (now, new JournalWatermark(), new MeasureFacts());
        var (_, watermark, facts) = state;
        var settled = (now - JournalWatermark.Settle).UtcTicks;
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var names = string.Join(", ", Activities.Select(a => "'" + a + "'"));
            command.CommandText = $"""
                SELECT e."Id", e."At", e."OccurredAt", e."Activity", e."Attributes", o."ObjectType", o."ObjectId", o."Qualifier"
                FROM platform_event_log e
                LEFT JOIN platform_event_log_objects o ON o."EventId" = e."Id"
                WHERE e."Id" > @after AND e."Kind" = 'process' AND e."Activity" IN ({names})
                ORDER BY e."Id"
                """;
            var after = command.CreateParameter();
            after.ParameterName = "@after";
            after.Value = watermark.After;
            command.Parameters.Add(after);
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);

            long current = -1, at = 0, occurred = 0;
            string activity = "", attributes = "{}";
            var objects = new List<(string Type, string Id, string Role)>(6);
            var skip = false;
            void Flush()
            {
                if (current < 0 || skip) return;
                watermark.Loaded(current, at, settled);
                Fold(facts, activity, occurred, attributes, objects);
                facts.Events++;
            }
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                if (id != current)
                {
                    Flush();
                    current = id;
                    skip = watermark.Seen(id);
                    objects.Clear();
                    if (skip) continue; // loaded by an earlier read, above the watermark: its columns are not read again
                    at = JournalWatermark.Ticks(reader.GetValue(1));
                    occurred = JournalWatermark.Ticks(reader.GetValue(2));
                    activity = reader.GetString(3);
                    attributes = reader.GetString(4);
                }
                else if (skip) continue;
                if (!reader.IsDBNull(5)) objects.Add((reader.GetString(5), reader.GetString(6), reader.GetString(7)));
            }
            Flush();
            watermark.Advance(settled);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    /// One event into the facts of its objects.
    internal static void Fold(MeasureFacts facts, string activity, long occurred, string attributes, IReadOnlyList<(string Type, string Id, string Role)> objects)
    {
        string? Object(string type, params string[] roles) => objects.FirstOrDefault(o => o.Type == type && roles.Contains(o.Role)).Id;
        JsonElement a;
        try
        {
            using var json = JsonDocument.Parse(attributes);
            a = json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return; // a journal row the platform wrote itself; an unreadable one measures nothing
        }
        if (a.ValueKind != JsonValueKind.Object) return;
        string? Text(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        bool? Flag(string name) => a.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
        int? Int(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
        DateOnly? Date(string name) => DateOnly.TryParseExact(Text(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var day = BrusselsTime.LocalDate(new DateTimeOffset(occurred, TimeSpan.Zero));
        T Get<T>(Dictionary<string, T> map, string id, Func<string, T> make)
        {
            if (!map.TryGetValue(id, out var f)) map.Add(id, f = make(id));
            return f;
        }

        var stage = activity[..activity.IndexOf('.')];
        if (stage == "deliver" && !activity.StartsWith("deliver.advice.", StringComparison.Ordinal))
        {
            if (Object("case", "subject") is not { } caseId) return;
            var c = Get(facts.Cases, caseId, id => new CaseFacts(id));
            if (Date("dueOn") is { } due) c.DueOn = due;
            switch (activity)
            {
                case "deliver.case.opened":
                    c.Received = day;
                    c.CaseType = Text("caseType");
                    c.Unit = Text("unit") ?? Object("unit", "unit");
                    c.Contact = Text("contact");
                    break;
                case "deliver.case.assigned":
                    c.Unit = Text("unit") ?? Object("unit", "unit") ?? c.Unit;
                    break;
                case "deliver.case.status-changed" when Flag("closed") is { } closed:
                    c.Closed = closed ? day : null;
                    break;
                case "deliver.decision.issued":
                    c.Closed = day; // a decision moves the case to its decided (closed) status
                    break;
                case "deliver.case.suspended":
                    c.SuspendedOn ??= Date("on") ?? day;
                    break;
                case "deliver.case.resumed" when c.SuspendedOn is { } since:
                    c.SuspendedDays += Math.Max(0, (Date("on") ?? day).DayNumber - since.DayNumber);
                    c.SuspendedOn = null;
                    break;
            }
            return;
        }
        switch (activity)
        {
            case "deliver.advice.requested" when Text("advice") is { } adviceId:
            {
                var f = Get(facts.Advice, adviceId, id => new AdviceFacts(id));
                f.Case = Object("case", "subject");
                f.AskedUnit = Object("unit", "asked-unit");
                break;
            }
            case "deliver.advice.given" when Text("advice") is { } adviceId:
            {
                var f = Get(facts.Advice, adviceId, id => new AdviceFacts(id));
                f.Case ??= Object("case", "subject");
                f.AskedUnit ??= Object("unit", "asked-unit");
                f.Given = day;
                f.Kept = Flag("kept") ?? false;
                break;
            }
            case "welcome.contact.received" when Object("contact", "subject") is { } id:
            {
                var f = Get(facts.Contacts, id, i => new ContactFacts(i));
                f.Received = day;
                f.Channel = Text("channel");
                f.Service = Text("service") ?? Object("service", "service");
                f.Unit = Text("unit") ?? Object("unit", "unit");
                f.RespondBy = Date("respondBy");
                break;
            }
            case "welcome.contact.routed" when Object("contact", "subject") is { } id:
            {
                var f = Get(facts.Contacts, id, i => new ContactFacts(i));
                f.Unit = Text("unit") ?? f.Unit;
                f.Service = Text("service") ?? f.Service;
                break;
            }
            case "welcome.contact.answered" or "welcome.contact.case-opened" or "welcome.contact.referred" or "welcome.contact.called-back"
                when Object("contact", "subject") is { } id:
            {
                var f = Get(facts.Contacts, id, i => new ContactFacts(i));
                if (f.Responded is not null) break;
                f.Responded = day;
                f.Outcome = activity["welcome.contact.".Length..];
                f.ResponseWorkingDays = Int("responseWorkingDays");
                break;
            }
            case "welcome.ticket.issued" when Object("queue-ticket", "subject") is { } id:
                Get(facts.Tickets, id, i => new TicketFacts(i)).Service = Object("service", "service");
                break;
            case "welcome.ticket.called" when Object("queue-ticket", "subject") is { } id:
            {
                var f = Get(facts.Tickets, id, i => new TicketFacts(i));
                f.Service ??= Object("service", "service");
                if (f.Called is not null) break; // a recall, or a call after a transfer: the first wait counts
                f.Called = day;
                f.WaitedSeconds = Int("waitedSeconds");
                break;
            }
            case "welcome.appointment.booked" or "welcome.appointment.rescheduled" when Object("appointment", "subject") is { } id:
            {
                var f = Get(facts.Appointments, id, i => new AppointmentFacts(i));
                f.Service = Object("service", "service");
                if (a.TryGetProperty("start", out var s) && s.ValueKind == JsonValueKind.String && s.TryGetDateTimeOffset(out var start)) f.Start = start;
                break;
            }
            case "welcome.appointment.cancelled" when Object("appointment", "subject") is { } id:
                Get(facts.Appointments, id, i => new AppointmentFacts(i)).Cancelled = true;
                break;
            case "welcome.appointment.checked-in" when Object("appointment", "subject") is { } id:
                Get(facts.Appointments, id, i => new AppointmentFacts(i)).CheckedIn = true;
                break;
            case "welcome.appointment.missed" when Object("appointment", "subject") is { } id:
                Get(facts.Appointments, id, i => new AppointmentFacts(i)).Missed = true;
                break;
            case "follow.complaint.registered" when Object("complaint", "subject") is { } id:
            {
                var f = Get(facts.Complaints, id, i => new ComplaintFacts(i));
                f.Received = day;
                f.Service = Object("service", "service");
                f.Unit = Object("unit", "unit");
                f.Case = Object("case", "case");
                f.Channel = Text("channel");
                break;
            }
            case "follow.complaint.assigned" when Object("complaint", "subject") is { } id:
                Get(facts.Complaints, id, i => new ComplaintFacts(i)).Unit = Text("unit") ?? Object("unit", "unit");
                break;
            case "follow.complaint.acknowledged" when Object("complaint", "subject") is { } id:
                Get(facts.Complaints, id, i => new ComplaintFacts(i)).AcknowledgedLate = Flag("late") ?? false;
                break;
            case "follow.complaint.answered" when Object("complaint", "subject") is { } id:
            {
                var f = Get(facts.Complaints, id, i => new ComplaintFacts(i));
                f.Answered = day;
                f.AnsweredLate = Flag("late") ?? false;
                break;
            }
            case "follow.survey.requested" when Object("survey", "subject") is { } id:
            {
                var f = Get(facts.Surveys, id, i => new SurveyFacts(i));
                f.Requested = day;
                f.Service = Object("service", "service");
                f.Unit = Object("unit", "unit");
                f.Case = Object("case", "case");
                f.Channel = Text("channel");
                break;
            }
            case "follow.survey.answered" when Object("survey", "subject") is { } id:
            {
                var f = Get(facts.Surveys, id, i => new SurveyFacts(i));
                f.Answered = day;
                f.Score = Int("score");
                break;
            }
        }
    }
}
