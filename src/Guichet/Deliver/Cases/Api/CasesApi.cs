using System.Globalization;
using System.Security.Claims;
using System.Text;
using Guichet.Deliver.CaseTypes;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Deliver.Cases.Api;

/// Case files over HTTP, for staff with a bearer token: every endpoint sees only the cases of
/// the caller's unit (admins: all); another unit's case is 404.
internal static class CasesApi
{
    public const int MaxLimit = 200;

    public static WebApplication MapCasesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(DeliverModule.CaseWorkPolicy);
        api.MapPost("", Open).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403)
            .WithSummary("Opens a case of a case type (by code) for a party; the number, the status and the due date come back.");
        api.MapGet("", List).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403)
            .WithSummary("The work list: open and closed cases of the caller's unit by due date, filtered by status, unit, service, overdue=true, handler=me, closed=true|false, nationalNumber (or enterprise number); keyset paging with ?after= and ?limit= (1-200).");
        api.MapGet("/{id:guid}", Get).ProducesProblem(404).WithSummary("One case with its clock; the view is recorded in the event log.");
        api.MapPost("/{id:guid}/status", (Guid id, StatusRequest r, CaseWork w, ClaimsPrincipal u, CancellationToken ct) => Reply(w.MoveAsync(u, id, r, ct), w))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).WithSummary("Moves the case to a status its case type's model allows from the current one.");
        api.MapPost("/{id:guid}/suspend", (Guid id, SuspendRequest r, CaseWork w, ClaimsPrincipal u, CancellationToken ct) => Reply(w.SuspendAsync(u, id, r, ct), w))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).WithSummary("Stops the clock for a reason the case type allows (on= a date, default today).");
        api.MapPost("/{id:guid}/resume", (Guid id, DateRequest r, CaseWork w, ClaimsPrincipal u, CancellationToken ct) => Reply(w.ResumeAsync(u, id, r, ct), w))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).WithSummary("Restarts the clock; the due date moves by the time suspended.");
        api.MapPost("/{id:guid}/complete", (Guid id, DateRequest r, CaseWork w, ClaimsPrincipal u, CancellationToken ct) => Reply(w.CompleteAsync(u, id, r, ct), w))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).WithSummary("Marks the file complete; a clock counted from completeness starts.");
        api.MapPost("/{id:guid}/extend", (Guid id, ExtendRequest r, CaseWork w, ClaimsPrincipal u, CancellationToken ct) => Reply(w.ExtendAsync(u, id, r, ct), w))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).WithSummary("Extends the processing time once, by the case type's extension, with a reason.");
        api.MapPost("/{id:guid}/assign", (Guid id, AssignRequest r, CaseWork w, ClaimsPrincipal u, CancellationToken ct) => Reply(w.AssignAsync(u, id, r, ct), w))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).WithSummary("Gives the case to a unit involved in its case type, and optionally a handler.");
        api.MapPost("/{id:guid}/notes", AddNote).ProducesProblem(400).ProducesProblem(404).WithSummary("Adds an internal note.");
        api.MapGet("/{id:guid}/notes", Notes).ProducesProblem(404).WithSummary("The internal notes, oldest first.");
        api.MapGet("/{id:guid}/history", History).ProducesProblem(404).WithSummary("Everything that happened to the case, from the event log, oldest first.");
        return app;
    }

    private static async Task<Results<Created<CaseResponse>, ProblemHttpResult>> Open(OpenCaseRequest request, CaseWork work, GuichetDb db, WorkingCalendar calendar, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.OpenAsync(user, request, ct);
        if (result.Value is not { } c) return result.ToProblem();
        var type = await db.Set<CaseType>().AsNoTracking().FirstAsync(t => t.Id == c.CaseTypeId, ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}", CaseResponse.From(c, type, c.Clock(type, work.Today, calendar)));
    }

    private static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Get(Guid id, CaseWork work, WorkingCalendar calendar, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await work.ViewAsync(user, id, ct) is not { } found) return CaseResult<Case>.NotFound.ToProblem();
        return TypedResults.Ok(CaseResponse.From(found.Case, found.Type, found.Case.Clock(found.Type, work.Today, calendar)));
    }

    private static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Reply(Task<CaseResult<Case>> change, CaseWork work)
    {
        var result = await change;
        if (result.Value is not { } c) return result.ToProblem();
        var (db, calendar) = work.Context;
        var type = await db.Set<CaseType>().AsNoTracking().FirstAsync(t => t.Id == c.CaseTypeId);
        return TypedResults.Ok(CaseResponse.From(c, type, c.Clock(type, work.Today, calendar)));
    }

    private static async Task<Results<Created<CaseNoteResponse>, ProblemHttpResult>> AddNote(Guid id, NoteRequest request, CaseWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.AddNoteAsync(user, id, request, ct);
        return result.Value is { } note ? TypedResults.Created($"/api/v1/cases/{id}/notes", CaseNoteResponse.From(note)) : result.ToProblem();
    }

    private static async Task<Results<Ok<List<CaseNoteResponse>>, ProblemHttpResult>> Notes(Guid id, GuichetDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await CaseScope.Of(user).Apply(db.Set<Case>()).AnyAsync(c => c.Id == id, ct)) return CaseResult<Case>.NotFound.ToProblem();
        var notes = await db.Set<CaseNote>().AsNoTracking().Where(n => n.CaseId == id).ToListAsync(ct);
        return TypedResults.Ok(notes.OrderBy(n => n.At).Select(CaseNoteResponse.From).ToList());
    }

    internal sealed record HistoryItem(DateTimeOffset At, string Actor, string Activity, string Attributes);

    private static async Task<Results<Ok<List<HistoryItem>>, ProblemHttpResult>> History(Guid id, GuichetDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await CaseScope.Of(user).Apply(db.Set<Case>()).AnyAsync(c => c.Id == id, ct)) return CaseResult<Case>.NotFound.ToProblem();
        var key = id.ToString();
        var entries = await db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.Objects.Any(o => o.ObjectType == "case" && o.ObjectId == key))
            .OrderBy(e => e.Id).ToListAsync(ct);
        return TypedResults.Ok(entries.Select(e => new HistoryItem(e.At, e.Actor, e.Activity, e.Attributes)).ToList());
    }

    private static async Task<Results<Ok<CaseListResponse>, ProblemHttpResult>> List(
        string? status, Guid? unit, Guid? service, bool? overdue, bool? closed, string? handler, string? nationalNumber, string? after, int? limit,
        GuichetDb db, CaseWork work, EventLog eventLog, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        if (limit is < 1 or > MaxLimit) errors.Add(new("limit", "out-of-range", $"From 1 to {MaxLimit}."));
        (DateOnly Due, Guid Id)? cursor = null;
        if (after is not null)
        {
            cursor = ReadCursor(after);
            if (cursor is null) errors.Add(new("after", "invalid-cursor", "Use the value of 'next' from the previous page."));
        }
        if (handler is not null and not "me") errors.Add(new("handler", "unknown-code", "Use handler=me."));
        string? number = null;
        if (nationalNumber is not null)
        {
            number = PartyNumbers.Normalize(PartyKind.Person, nationalNumber, out _) ?? PartyNumbers.Normalize(PartyKind.Company, nationalNumber, out _);
            if (number is null) errors.Add(new("nationalNumber", "national-number-checksum", "Not a valid national or enterprise number."));
        }
        if (errors.Count > 0) return Problems.Validation(errors);

        var query = CaseScope.Of(user).Apply(db.Set<Case>().AsNoTracking());
        if (status is not null) query = query.Where(c => c.Status == status);
        if (unit is { } u) query = query.Where(c => c.UnitId == u);
        if (service is { } s) query = query.Where(c => c.ServiceId == s);
        if (closed is { } isClosed) query = isClosed ? query.Where(c => c.ClosedAt != null) : query.Where(c => c.ClosedAt == null);
        if (overdue == true)
        {
            var today = work.Today;
            query = query.Where(c => c.ClosedAt == null && c.DueOn != null && c.DueOn < today);
        }
        if (handler == "me" && Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var me)) query = query.Where(c => c.HandlerId == me);
        if (number is not null) query = query.Where(c => db.Set<CasePartyNumber>().Any(n => n.CaseId == c.Id && n.Number == number));
        // By urgency: due date first (cases whose clock has not started last), then id.
        var sortable = query.Select(c => new { Case = c, Due = c.DueOn ?? DateOnly.MaxValue });
        if (cursor is { } k) sortable = sortable.Where(x => x.Due > k.Due || (x.Due == k.Due && x.Case.Id.CompareTo(k.Id) > 0));
        var take = limit ?? 50;
        var page = await sortable.OrderBy(x => x.Due).ThenBy(x => x.Case.Id).Take(take + 1).ToListAsync(ct);
        var items = page.Take(take).Select(x => x.Case).ToList();
        var types = await db.Set<CaseType>().AsNoTracking().Where(t => items.Select(i => i.CaseTypeId).Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Code, ct);
        // A list shows parties' names: a view of personal data, recorded with the cases shown.
        if (items.Count > 0)
        {
            eventLog.Record(user, "cases.listed", items.Select(c => new EventLogObject("case", c.Id.ToString(), c.Number)));
            await db.SaveChangesAsync(ct);
        }
        var next = page.Count > take ? WriteCursor(page[take - 1].Due, page[take - 1].Case.Id) : null;
        return TypedResults.Ok(new CaseListResponse([.. items.Select(c => new CaseListItem(c.Id, c.Number, types[c.CaseTypeId], c.UnitId, c.HandlerId, c.Status, c.Subject,
            c.Parties.FirstOrDefault(p => p.Role == PartyRole.Applicant)?.Name ?? "", c.DueOn, c.IsSuspended, c.IsClosed))], next));
    }

    private static string WriteCursor(DateOnly due, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateOnly, Guid)? ReadCursor(string text)
    {
        try
        {
            var b64 = text.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('|');
            return parts.Length == 2
                && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                && Guid.TryParse(parts[1], out var id) ? (due, id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
