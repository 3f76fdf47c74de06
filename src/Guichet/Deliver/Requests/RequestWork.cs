using Guichet.Deliver.Cases;
using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Documents;
using Guichet.Deliver.StatusPage;

namespace Guichet.Deliver.Requests;

internal sealed record AskRequest(string? What, DateOnly? DueOn);

/// Asking the customer for something, and the customer's answer through the status page: the
/// question suspends the clock (when the case type allows it, for a missing document), the
/// upload resumes it, each in one transaction with its event.
internal sealed class RequestWork(GuichetDb db, EventLog eventLog, DocumentWork documents, WorkingCalendar calendar, TimeProvider time, IOptions<StatusLinkOptions> links, RequestMail mail,
    CaseTypeVersions types)
{
    private DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    public async Task<Result<CustomerRequest>> AskAsync(ClaimsPrincipal user, Guid caseId, AskRequest request, CancellationToken ct)
    {
        var found = await CaseScope.FindAsync(db, user, caseId, tracked: true, ct);
        if (found.Value is not { } @case) return found.As<CustomerRequest>();
        var errors = new List<InvalidParam>();
        CaseInput.Text(errors, "what", request.What, CustomerRequest.MaxText, "What the customer should send.");
        if (request.DueOn is not { } due) errors.Add(new("dueOn", "required", "By when."));
        else if (due <= Today) errors.Add(new("dueOn", "date-in-past", "A date after today."));
        else if (due > Today.AddDays(365)) errors.Add(new("dueOn", "out-of-range", "Within a year."));
        if (errors.Count > 0) return Result<CustomerRequest>.Invalid(errors);
        if (@case.IsClosed) return Result<CustomerRequest>.Refused(CaseRefusals.Closed);
        var type = await types.GetAsync(db, @case.CaseTypeId, ct);
        if (type.Status(@case.Status) is { Decision: true }) return Result<CustomerRequest>.Refused(RequestRefusals.CaseDecided);

        var now = time.GetUtcNow();
        var asked = new CustomerRequest(caseId, request.What!.Trim(), request.DueOn!.Value, now, EventLog.ActorOf(user));
        db.Add(asked);
        // The clock stops while the customer is asked for a document, where the case type says it may.
        var suspended = !@case.IsSuspended && @case.Suspend(type, CustomerRequest.MissingDocumentReason, Today) is null;
        @case.Touch(type, Today, calendar, now);
        // The e-mail carries a link of its own (tokens are stored only hashed, so earlier ones cannot be resent).
        await mail.AskAsync(@case, asked, AddLink(caseId, now), ct);
        var objects = CaseWork.Objects(@case, eventLog);
        eventLog.Record(user, DeliverActivities.RequestAsked, [.. objects, new EventLogObject("customer-request", asked.Id.ToString(), Role.Part)],
            new Dictionary<string, object?> { ["dueOn"] = asked.DueOn });
        // Stopping the clock is a change of its own, measured as such.
        if (suspended)
            eventLog.Record(user, DeliverActivities.CaseSuspended, objects,
                new Dictionary<string, object?> { ["reason"] = CustomerRequest.MissingDocumentReason, ["on"] = Today, ["request"] = asked.Id, ["dueOn"] = @case.DueOn });
        await db.SaveChangesAsync(ct);
        return asked;
    }

    /// The customer's upload for an open request, through a valid status link.
    public async Task<Result<CaseDocument>> AnswerAsync(Case @case, Guid requestId, string? fileName, byte[] bytes, CancellationToken ct)
    {
        var asked = await db.Set<CustomerRequest>().FirstOrDefaultAsync(r => r.Id == requestId && r.CaseId == @case.Id, ct);
        if (asked is null) return CaseScope.NotFound.As<CaseDocument>();
        if (asked.WithdrawnAt is not null) return Result<CaseDocument>.Refused(RequestRefusals.Withdrawn);
        if (!asked.IsOpen) return Result<CaseDocument>.Refused(RequestRefusals.Answered);
        var staged = await documents.StageAsync(null, @case, "evidence", fileName, bytes, ct);
        if (staged.Value is not { } document)
        {
            db.ChangeTracker.Clear();
            return staged;
        }
        var now = time.GetUtcNow();
        asked.Answer(document.Id, now);
        var type = await types.GetAsync(db, @case.CaseTypeId, ct);
        // The answer resumes the clock when nothing else is still awaited from the customer.
        var stillWaiting = await db.Set<CustomerRequest>().AnyAsync(r => r.CaseId == @case.Id && r.Id != requestId && r.AnsweredAt == null && r.WithdrawnAt == null, ct);
        var resumed = !stillWaiting && @case.Suspensions.Any(s => s.Until is null && s.Reason == CustomerRequest.MissingDocumentReason) && @case.Resume(Today) is null;
        @case.Touch(type, Today, calendar, now);
        var objects = CaseWork.Objects(@case, eventLog);
        eventLog.Record("customer", DeliverActivities.RequestAnswered, [.. objects, new EventLogObject("customer-request", asked.Id.ToString(), Role.Part), new EventLogObject("document", document.Id.ToString(), Role.Part)],
            new Dictionary<string, object?> { ["document"] = document.Id });
        if (resumed)
            eventLog.Record("customer", DeliverActivities.CaseResumed, objects, new Dictionary<string, object?> { ["on"] = Today, ["request"] = asked.Id, ["dueOn"] = @case.DueOn });
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// Ends the requests still open on a case that is being decided or closed (reason: case-decided,
    /// case-closed), in the caller's unit of work:
    /// each is withdrawn (an event each), and a clock stopped for them runs again (its own event).
    /// The number withdrawn.
    public async Task<int> WithdrawOpenAsync(ClaimsPrincipal user, Case @case, string reason, CancellationToken ct)
    {
        var open = await db.Set<CustomerRequest>().Where(r => r.CaseId == @case.Id && r.AnsweredAt == null && r.WithdrawnAt == null).ToListAsync(ct);
        if (open.Count == 0) return 0;
        var now = time.GetUtcNow();
        var objects = CaseWork.Objects(@case, eventLog);
        foreach (var r in open)
        {
            r.Withdraw(now);
            eventLog.Record(user, DeliverActivities.RequestWithdrawn, [.. objects, new EventLogObject("customer-request", r.Id.ToString(), Role.Part)],
                new Dictionary<string, object?> { ["reason"] = reason, ["dueOn"] = r.DueOn });
        }
        if (@case.Suspensions.Any(s => s.Until is null && s.Reason == CustomerRequest.MissingDocumentReason) && @case.Resume(Today) is null)
        {
            @case.Touch(await types.GetAsync(db, @case.CaseTypeId, ct), Today, calendar, now);
            eventLog.Record(user, DeliverActivities.CaseResumed, objects, new Dictionary<string, object?> { ["on"] = Today, ["request"] = open[^1].Id, ["dueOn"] = @case.DueOn });
        }
        return open.Count;
    }

    /// The request as a printable letter (for post), with a status link of its own to answer it.
    public async Task<Result<string>> LetterAsync(ClaimsPrincipal user, Guid caseId, Guid requestId, CancellationToken ct)
    {
        var found = await CaseScope.FindAsync(db, user, caseId, tracked: false, ct);
        if (found.Value is not { } @case) return found.As<string>();
        var asked = await db.Set<CustomerRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId && r.CaseId == caseId, ct);
        if (asked is null) return CaseScope.NotFound.As<string>();
        var token = AddLink(caseId, time.GetUtcNow());
        eventLog.Record(user, DeliverActivities.RequestLetterPrinted, [.. CaseWork.Objects(@case, eventLog), new EventLogObject("customer-request", asked.Id.ToString(), Role.Part)]);
        var html = await mail.LetterHtmlAsync(@case, asked, token, ct);
        await db.SaveChangesAsync(ct);
        return html;
    }

    private string AddLink(Guid caseId, DateTimeOffset now) => CaseStatusLink.Add(db, caseId, now, links.Value);
}

/// A case closed by a status change (without a decision) ends its open requests too.
internal sealed class RequestsClosing(RequestWork requests) : Cases.ICaseClosing
{
    public Task ClosingAsync(ClaimsPrincipal user, Case @case, CancellationToken ct) => requests.WithdrawOpenAsync(user, @case, "case-closed", ct);
}
