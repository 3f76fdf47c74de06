using Guichet.Deliver.CaseTypes;
using Guichet.Deliver;

namespace Guichet.Deliver.Cases;

/// The case file's use cases, shared by the API and the pages. Each one finds the case within the
/// user's scope (else 404), checks the input (400), lets the case apply its rule (409/422), then
/// keeps the due date in step and records the event in the same SaveChanges.
internal sealed class CaseWork(GuichetDb db, EventLog eventLog, WorkingCalendar calendar, TimeProvider time, Microsoft.Extensions.Options.IOptions<StatusPage.StatusLinkOptions> links, CaseMail mail,
    Welcome.Contacts.ContactCases contacts, CaseTypeVersions types, IEnumerable<ICaseClosing> closings)
{
    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    public async Task<Result<OpenedCase>> OpenAsync(ClaimsPrincipal user, OpenCaseRequest request, CancellationToken ct)
    {
        var (errors, type, parties, unitId) = await CheckOpenAsync(user, request, ct);
        if (errors.Count > 0) return Result<OpenedCase>.Invalid(errors);
        var today = Today;
        var received = request.ReceivedOn ?? today;

        var now = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var number = await NextNumberAsync(received.Year, ct);
            var @case = new Case(Guid.NewGuid(), number, type!, unitId!.Value, request.Language!, request.Subject!.Trim(), received, request.Complete ?? false, parties, now);
            @case.Touch(type!, today, calendar, now);
            db.Add(@case);
            foreach (var n in parties.Select(p => p.Number).OfType<string>().Distinct()) db.Add(new CasePartyNumber(@case.Id, n));
            // Checked above; a contact closed in the meantime (by a colleague) stops the opening.
            if (request.ContactId is { } contactId && !await contacts.CaseOpenedAsync(user, contactId, @case.Id, number, ct))
            {
                db.ChangeTracker.Clear();
                return Result<OpenedCase>.Refused(CaseRefusals.ContactNotOpen);
            }
            // The customer follows the case on its status page, from the start.
            var token = StatusPage.CaseStatusLink.Add(db, @case.Id, now, links.Value);
            await mail.AcknowledgeAsync(@case, token, ct);
            eventLog.Record(user, DeliverActivities.CaseOpened, [.. Objects(@case, eventLog), .. request.ContactId is { } from ? [new EventLogObject("contact", from.ToString(), Role.Contact)] : Array.Empty<EventLogObject>()], new Dictionary<string, object?>
            {
                ["number"] = number, ["caseType"] = type!.Code, ["caseTypeVersion"] = type.Version, ["status"] = @case.Status,
                ["unit"] = @case.UnitId, ["language"] = @case.Language, ["receivedOn"] = received, ["dueOn"] = @case.DueOn, ["contact"] = request.ContactId,
            }, occurredAt: EventLog.OccurredOn(received, now));
            try
            {
                await db.SaveChangesAsync(ct);
                return new OpenedCase(@case, type, token);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 5)
            {
                db.ChangeTracker.Clear(); // another case took this number a moment ago: take the next one
            }
        }
    }

    /// Everything wrong with a request to open a case, without opening it: a form shows these
    /// together with its own problems (a date it could not read) and stores nothing.
    public async Task<IReadOnlyList<InvalidParam>> ProblemsOfOpenAsync(ClaimsPrincipal user, OpenCaseRequest request, CancellationToken ct) =>
        (await CheckOpenAsync(user, request, ct)).Errors;

    private async Task<OpenCheck> CheckOpenAsync(ClaimsPrincipal user, OpenCaseRequest request, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        CaseType? type = null;
        if (string.IsNullOrWhiteSpace(request.CaseType)) errors.Add(new("caseType", "required", "The code of a case type."));
        else
        {
            type = await db.Set<CaseType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == request.CaseType && t.IsCurrent, ct);
            if (type is null) errors.Add(new("caseType", "unknown-case-type", "No case type has this code."));
        }
        if (request.Language is null) errors.Add(new("language", "required", "The language of procedure: fr, nl or de."));
        else if (!CaseTypeRules.ProcedureLanguages.Contains(request.Language)) errors.Add(new("language", "unknown-language", "The language of procedure: fr, nl or de."));
        CaseInput.Text(errors, "subject", request.Subject, CaseRequestRules.MaxSubject, "What the request is about, in a few words.");
        if ((request.ReceivedOn ?? Today) > Today) errors.Add(new("receivedOn", "date-in-future", "A request cannot be received after today."));
        else if ((request.ReceivedOn ?? Today) < Today.AddYears(-CaseRequestRules.MaxAgeYears))
            errors.Add(new("receivedOn", "date-too-early", $"A request cannot have been received more than {CaseRequestRules.MaxAgeYears} years ago."));
        var parties = CaseRequestRules.Parties(request.Parties, errors);
        // The front office opens cases for the competent unit (the single point of contact);
        // everyone else only in their unit or a unit below it, where they will see the case.
        var scope = user.IsInRole(Roles.FrontOffice) ? new CaseScope(true, []) : CaseScope.Of(user);
        var unitId = request.UnitId ?? type?.Content.UnitIds.FirstOrDefault(scope.Covers, type.Content.UnitIds.FirstOrDefault());
        if (type is not null && unitId is { } u && !type.Content.UnitIds.Contains(u)) errors.Add(new("unitId", "unit-not-involved", "This unit does not handle cases of this type."));
        else if (unitId is { } chosen && chosen != Guid.Empty && !scope.Covers(chosen))
            errors.Add(new("unitId", "unit-not-allowed", "You may open cases only in your unit or a unit below it."));
        if (request.ContactId is { } contactId)
        {
            var contact = await contacts.FindAsync(user, contactId, ct);
            if (contact is null) errors.Add(new("contactId", "unknown-id", "No contact you may see has this id."));
            else if (!contact.IsOpen) errors.Add(new("contactId", "contact-not-open", "This contact was already answered, referred or turned into a case."));
        }
        return new OpenCheck(errors, type, parties, unitId);
    }

    private sealed record OpenCheck(List<InvalidParam> Errors, CaseType? Type, List<CaseParty> Parties, Guid? UnitId);

    /// "2026-00042": the year received and a sequence, easy to read aloud on the phone.
    private Task<string> NextNumberAsync(int year, CancellationToken ct) => CaseNumberCounter.NextAsync(db, year, ct);

    /// A case and its type, if the user may see it. Reading a case is a view of personal data:
    /// it is recorded (who, when, which case).
    public async Task<Result<CaseView>> ViewAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var found = await FindAsync(user, id, tracked: false, ct);
        if (found.Value is not { } view) return found;
        eventLog.Record(user, DeliverActivities.CaseViewed, Objects(view.Case, eventLog));
        await db.SaveChangesAsync(ct);
        return view;
    }

    private async Task<Result<CaseView>> FindAsync(ClaimsPrincipal user, Guid id, bool tracked, CancellationToken ct)
    {
        var found = await CaseScope.FindAsync(db, user, id, tracked, ct);
        if (found.Value is not { } @case) return found.As<CaseView>();
        return new CaseView(@case, await types.GetAsync(db, @case.CaseTypeId, ct));
    }

    public Task<Result<CaseView>> MoveAsync(ClaimsPrincipal user, Guid id, StatusRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, ct,
            validate: errors => { if (string.IsNullOrWhiteSpace(request.Status)) errors.Add(new("status", "required", "The status to move to.")); },
            change: (c, t, now) =>
            {
                var from = c.Status;
                var refusal = c.MoveTo(t, request.Status!, now);
                return (refusal, DeliverActivities.StatusChanged, new() { ["from"] = from, ["to"] = request.Status, ["closed"] = c.IsClosed });
            },
            // A move that closes the case first ends what is still asked of the customer (while the
            // clock may still run again): a closed case asks for nothing.
            before: async (c, t) =>
            {
                if (c.IsClosed || t.Status(request.Status!) is not { Final: true } || !t.AllowsMove(c.Status, request.Status!)) return;
                foreach (var closing in closings) await closing.ClosingAsync(user, c, ct);
            });

    public Task<Result<CaseView>> SuspendAsync(ClaimsPrincipal user, Guid id, SuspendRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, ct,
            validate: errors =>
            {
                if (string.IsNullOrWhiteSpace(request.Reason)) errors.Add(new("reason", "required", "A suspension reason code of the case type."));
                CaseInput.NotAfter(errors, "on", request.On, Today);
            },
            change: (c, t, _) => (c.Suspend(t, request.Reason!, request.On ?? Today), DeliverActivities.CaseSuspended, new() { ["reason"] = request.Reason, ["on"] = request.On ?? Today }));

    public Task<Result<CaseView>> ResumeAsync(ClaimsPrincipal user, Guid id, DateRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, ct,
            validate: errors => CaseInput.NotAfter(errors, "on", request.On, Today),
            change: (c, _, _) => (c.Resume(request.On ?? Today), DeliverActivities.CaseResumed, new() { ["on"] = request.On ?? Today }));

    public Task<Result<CaseView>> CompleteAsync(ClaimsPrincipal user, Guid id, DateRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, ct,
            validate: errors => CaseInput.NotAfter(errors, "on", request.On, Today),
            change: (c, _, _) => (c.MarkComplete(request.On ?? Today), DeliverActivities.CaseCompleted, new() { ["on"] = request.On ?? Today }));

    public Task<Result<CaseView>> ExtendAsync(ClaimsPrincipal user, Guid id, ExtendRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, ct,
            validate: errors => CaseInput.Text(errors, "reason", request.Reason, 1000, "Why the time is extended; the customer is told."),
            change: (c, t, now) => (c.Extend(t, request.Reason!, now), DeliverActivities.CaseExtended, new() { ["days"] = t.Content.ExtensionDays, ["reason"] = request.Reason }));

    /// Gives the case to a unit of its case type and, optionally, a handler: a member of staff who
    /// exists and works in that unit.
    public async Task<Result<CaseView>> AssignAsync(ClaimsPrincipal user, Guid id, AssignRequest? request, CancellationToken ct)
    {
        request ??= new AssignRequest(null, null); // a JSON body of null: the unit is missing
        var handlerUnit = request.HandlerId is { } handler
            ? await db.Set<StaffUser>().Where(s => s.Id == handler).Select(s => new { s.UnitId }).FirstOrDefaultAsync(ct)
            : null;
        return await ChangeAsync(user, id, ct,
            validate: errors =>
            {
                if (request.UnitId is null) errors.Add(new("unitId", "required", "The unit that handles the case."));
                else if (request.HandlerId is not null && handlerUnit is null) errors.Add(new("handlerId", "unknown-handler", "No member of staff has this id."));
                else if (request.HandlerId is not null && handlerUnit!.UnitId != request.UnitId) errors.Add(new("handlerId", "handler-not-in-unit", "The handler does not work in that unit."));
            },
            change: (c, t, _) => (c.Assign(t, request.UnitId!.Value, request.HandlerId), DeliverActivities.CaseAssigned, new() { ["unit"] = request.UnitId, ["handler"] = request.HandlerId }));
    }

    public async Task<Result<CaseNote>> AddNoteAsync(ClaimsPrincipal user, Guid id, NoteRequest request, CancellationToken ct)
    {
        var found = await CaseScope.FindAsync(db, user, id, tracked: false, ct);
        if (found.Value is not { } @case) return found.As<CaseNote>();
        var errors = new List<InvalidParam>();
        CaseInput.Text(errors, "text", request.Text, CaseNote.MaxLength, "The note's text.");
        if (errors.Count > 0) return Result<CaseNote>.Invalid(errors);
        var note = new CaseNote(id, EventLog.ActorOf(user), request.Text!.Trim(), time.GetUtcNow());
        db.Add(note);
        eventLog.Record(user, DeliverActivities.NoteAdded, Objects(@case, eventLog));
        await db.SaveChangesAsync(ct);
        return note;
    }

    private async Task<Result<CaseView>> ChangeAsync(
        ClaimsPrincipal user, Guid id, CancellationToken ct,
        Action<List<InvalidParam>> validate,
        Func<Case, CaseType, DateTimeOffset, (Refusal? Refusal, Activity Activity, Dictionary<string, object?> Attributes)> change,
        Func<Case, CaseType, Task>? before = null)
    {
        var found = await FindAsync(user, id, tracked: true, ct);
        if (found.Value is not { } view) return found;
        var errors = new List<InvalidParam>();
        validate(errors);
        if (errors.Count > 0) return Result<CaseView>.Invalid(errors);
        var (@case, type) = view;
        var now = time.GetUtcNow();
        var previousUnit = @case.UnitId;
        if (before is not null) await before(@case, type);
        var (refusal, activity, attributes) = change(@case, type, now);
        if (refusal is not null)
        {
            db.ChangeTracker.Clear();
            return Result<CaseView>.Refused(refusal);
        }
        @case.Touch(type, Today, calendar, now);
        attributes["dueOn"] = @case.DueOn;
        eventLog.Record(user, activity, [.. Objects(@case, eventLog), .. previousUnit != @case.UnitId ? [new EventLogObject("unit", previousUnit.ToString(), Role.PreviousUnit)] : Array.Empty<EventLogObject>()], attributes,
            // A change dated in the past (suspended on Monday) happened then for the process.
            occurredAt: attributes.TryGetValue("on", out var on) && on is DateOnly day ? EventLog.OccurredOn(day, now) : null);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// The case in the journal: itself, its unit and its customers (as pseudonyms).
    public static EventLogObject[] Objects(Case c, EventLog log) =>
        [new EventLogObject("case", c.Id.ToString(), Role.Subject), new EventLogObject("unit", c.UnitId.ToString(), Role.Unit),
            .. c.Parties.Select(p => p.Number).OfType<string>().Distinct().Select(log.Customer)];
}

/// What another part of the case does when the case is closed by a status change, in the same
/// unit of work (before the case is closed): the requests to the customer end, for one.
internal interface ICaseClosing
{
    Task ClosingAsync(ClaimsPrincipal user, Case @case, CancellationToken ct);
}

/// A case and the version of its case type: what the pages and the API show of it.
internal sealed record CaseView(Case Case, CaseType Type)
{
    public ClockReading Clock(DateOnly today, WorkingCalendar calendar) => Case.Clock(Type, today, calendar);
}

/// A case just opened, its type, and the token of its status link (shown once: stored only hashed).
internal sealed record OpenedCase(Case Case, CaseType Type, string StatusToken);
