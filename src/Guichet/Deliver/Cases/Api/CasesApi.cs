using Guichet.Deliver.StatusPage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Deliver.Cases.Api;

/// Case files over HTTP, for staff with a bearer token: every endpoint sees only the cases of
/// the caller's unit (admins: all); another unit's case is 404.
internal static class CasesApi
{
    public const int MaxLimit = CaseList.MaxLimit;

    public static WebApplication MapCasesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(Acts.CaseRead);
        api.MapPost("", Open).RequireAuthorization(Acts.CaseOpen).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409)
            .WithSummary("Opens a case of a case type (by code) for a party; the number, the status and the due date come back. With contactId, the contact of the register it comes from becomes \"case opened\" in the same transaction.");
        api.MapGet("", List).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403)
            .WithSummary("The work list: open and closed cases of the caller's unit by due date, filtered by status, unit, service, overdue=true, handler=me, closed=true|false; keyset paging with ?after= and ?limit= (1-200). A national or enterprise number is never taken from a URL (400 national-number-in-url): use POST /api/v1/cases/search.");
        api.MapPost("/search", Search).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403)
            .WithSummary("The work list searched with the filters in the body (the same as GET's, and nationalNumber: a national or enterprise number), so that no personal number appears in a URL or a log of one.");
        api.MapGet("/{id:guid}", Get).ProducesProblem(404).WithSummary("One case with its clock; the view is recorded in the event log.");
        MapChange<StatusRequest>(api, "status", (w, u, id, r, ct) => w.MoveAsync(u, id, r, ct), "Moves the case to a status its case type's model allows from the current one.");
        MapChange<SuspendRequest>(api, "suspend", (w, u, id, r, ct) => w.SuspendAsync(u, id, r, ct), "Stops the clock for a reason the case type allows (on= a date, default today).");
        MapChange<DateRequest>(api, "resume", (w, u, id, r, ct) => w.ResumeAsync(u, id, r, ct), "Restarts the clock; the due date moves by the time suspended.");
        MapChange<DateRequest>(api, "complete", (w, u, id, r, ct) => w.CompleteAsync(u, id, r, ct), "Marks the file complete; a clock counted from completeness starts.");
        MapChange<ExtendRequest>(api, "extend", (w, u, id, r, ct) => w.ExtendAsync(u, id, r, ct), "Extends the processing time once, by the case type's extension, with a reason.");
        MapChange<AssignRequest>(api, "assign", (w, u, id, r, ct) => w.AssignAsync(u, id, r, ct), "Gives the case to a unit involved in its case type, and optionally a handler.", Acts.CaseAssign);
        api.MapPost("/{id:guid}/notes", AddNote).RequireAuthorization(Acts.CaseAnnotate).ProducesProblem(400).ProducesProblem(404).WithSummary("Adds an internal note.");
        api.MapGet("/{id:guid}/notes", Notes).ProducesProblem(404).WithSummary("The internal notes, oldest first.");
        api.MapGet("/{id:guid}/history", History).ProducesProblem(404).WithSummary("Everything that happened to the case, from the event log, oldest first.");
        return app;
    }

    /// POST /{id}/{action}: a change of the case by one of CaseWork's use cases (a case handler's
    /// act unless said otherwise); the case as it is then, or why not.
    private static void MapChange<TRequest>(RouteGroupBuilder api, string action,
        Func<CaseWork, ClaimsPrincipal, Guid, TRequest, CancellationToken, Task<Result<CaseView>>> change, string summary, string act = Acts.CaseHandle) =>
        api.MapPost("/{id:guid}/" + action, (Guid id, TRequest r, CaseWork w, WorkingCalendar cal, ClaimsPrincipal u, CancellationToken ct) => Reply(change(w, u, id, r, ct), w, cal))
            .RequireAuthorization(act).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).WithSummary(summary);

    private static async Task<Results<Created<CaseResponse>, ProblemHttpResult>> Open(OpenCaseRequest request, CaseWork work, WorkingCalendar calendar, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.OpenAsync(user, request, ct);
        if (result.Value is not { } opened) return result.ToProblem();
        var (c, type, token) = opened;
        return TypedResults.Created($"/api/v1/cases/{c.Id}", CaseResponse.From(c, type, c.Clock(type, work.Today, calendar)) with
        {
            StatusUrl = StatusLinkOptions.PathFor(token),
        });
    }

    private static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Get(Guid id, CaseWork work, WorkingCalendar calendar, ClaimsPrincipal user, CancellationToken ct) =>
        Reply(work.ViewAsync(user, id, ct), work, calendar);

    /// The case as it is now (after a change), or why not.
    private static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Reply(Task<Result<CaseView>> use, CaseWork work, WorkingCalendar calendar)
    {
        var result = await use;
        if (result.Value is not { } view) return result.ToProblem();
        return TypedResults.Ok(CaseResponse.From(view.Case, view.Type, view.Clock(work.Today, calendar)));
    }

    private static async Task<Results<Created<CaseNoteResponse>, ProblemHttpResult>> AddNote(Guid id, NoteRequest request, CaseWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.AddNoteAsync(user, id, request, ct);
        return result.Value is { } note ? TypedResults.Created($"/api/v1/cases/{id}/notes", CaseNoteResponse.From(note)) : result.ToProblem();
    }

    private static Task<Results<Ok<List<CaseNoteResponse>>, ProblemHttpResult>> Notes(Guid id, GuichetDb db, ClaimsPrincipal user, CancellationToken ct) =>
        PartsAsync(db, user, id, (IEnumerable<CaseNote> notes) => notes.OrderBy(n => n.At).Select(CaseNoteResponse.From), ct);

    /// The parts of one kind of a case (its notes, documents, requests, ...) as the answer shows
    /// them; 404 when the case is out of the caller's sight.
    public static async Task<Results<Ok<List<TResponse>>, ProblemHttpResult>> PartsAsync<T, TResponse>(
        GuichetDb db, ClaimsPrincipal user, Guid id, Func<IEnumerable<T>, IEnumerable<TResponse>> answer, CancellationToken ct) where T : class, ICasePart
    {
        var found = await CaseScope.PartsAsync<T>(db, user, id, ct);
        return found.Value is { } parts ? TypedResults.Ok(answer(parts).ToList()) : found.ToProblem();
    }

    /// One event of the case's journal: recorded at, happened at (business time), its kind
    /// (process, access, administration), who, the activity code (docs/journal.md), its attributes as JSON.
    internal sealed record HistoryItem(DateTimeOffset At, DateTimeOffset OccurredAt, string Kind, string Actor, string Activity, string Attributes);

    private static async Task<Results<Ok<List<HistoryItem>>, ProblemHttpResult>> History(Guid id, GuichetDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await CaseScope.SeesAsync(db, user, id, ct)) return CaseScope.NotFound.ToProblem();
        var entries = await JournalReader.HistoryAsync(db, "case", id, JournalReader.Everything, ct);
        return TypedResults.Ok(entries.Select(e => new HistoryItem(e.At, e.OccurredAt, EnumCodes.Code(e.Kind), e.Actor, e.Activity, e.Attributes)).ToList());
    }

    private static Task<Results<Ok<CaseListResponse>, ProblemHttpResult>> List(
        string? status, Guid? unit, Guid? service, bool? overdue, bool? closed, string? handler, string? after, int? limit,
        HttpRequest request, CaseList list, ClaimsPrincipal user, CancellationToken ct)
    {
        // A national number in a URL ends up in proxy and browser logs (ADR 0022).
        if (request.Query.ContainsKey("nationalNumber"))
            return Task.FromResult<Results<Ok<CaseListResponse>, ProblemHttpResult>>(Problems.Validation("nationalNumber", "national-number-in-url",
                "A national or enterprise number is never sent in a URL: use POST /api/v1/cases/search with it in the body."));
        return ReadAsync(new CaseSearchRequest(status, unit, service, overdue, closed, handler, null, after, limit), list, user, ct);
    }

    private static Task<Results<Ok<CaseListResponse>, ProblemHttpResult>> Search(CaseSearchRequest request, CaseList list, ClaimsPrincipal user, CancellationToken ct) =>
        ReadAsync(request, list, user, ct);

    private static async Task<Results<Ok<CaseListResponse>, ProblemHttpResult>> ReadAsync(CaseSearchRequest r, CaseList list, ClaimsPrincipal user, CancellationToken ct)
    {
        var (status, unit, service, overdue, closed, handler, nationalNumber, after, limit) = r;
        var errors = new List<InvalidParam>();
        if (limit is < 1 or > MaxLimit) errors.Add(new("limit", "out-of-range", $"From 1 to {MaxLimit}."));
        CaseListCursor? cursor = null;
        if (after is not null)
        {
            cursor = CaseListCursor.Read(after);
            if (cursor is null) errors.Add(new("after", "invalid-cursor", "Use the value of 'next' from the previous page."));
        }
        if (handler is not null and not "me") errors.Add(new("handler", "unknown-code", "Use handler=me."));
        string? number = null;
        if (nationalNumber is not null)
        {
            number = CaseList.PartyNumber(nationalNumber);
            if (number is null) errors.Add(new("nationalNumber", "national-number-checksum", "Not a valid national or enterprise number."));
        }
        if (errors.Count > 0) return Problems.Validation(errors);

        var filter = new CaseListFilter
        {
            Status = status, UnitId = unit, ServiceId = service, OverdueOnly = overdue == true, Closed = closed, MineOnly = handler == "me", PartyNumber = number,
        };
        var page = await list.ReadAsync(user, filter, cursor, limit ?? CaseList.DefaultLimit, ct);
        return TypedResults.Ok(new CaseListResponse([.. page.Items.Select(c => new CaseListItem(c.Id, c.Number, page.Types[c.CaseTypeId].Code, c.UnitId, c.HandlerId, c.Status, c.Subject,
            c.Parties.FirstOrDefault(p => p.Role == PartyRole.Applicant)?.Name ?? "", c.DueOn, c.IsSuspended, c.IsClosed))], page.Next));
    }
}

/// The work list's filters in a body: POST /api/v1/cases/search.
internal sealed record CaseSearchRequest(string? Status, Guid? Unit, Guid? Service, bool? Overdue, bool? Closed, string? Handler, string? NationalNumber, string? After, int? Limit);
