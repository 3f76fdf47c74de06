using Guichet.Deliver.Decisions;
using Guichet.Orient.Catalogue;
using Guichet.Platform.Files;
using Guichet.Welcome.Contacts;

namespace Guichet.Follow.Complaints;

/// A complaint as a channel brings it: the customer (as for any contact), what it is about, its category and text.
internal sealed record RegisterComplaintRequest(
    string? Channel, DateTimeOffset? ReceivedAt, string? CustomerKind, string? CustomerNumber, string? CustomerName, string? Email, string? Phone, string? Address,
    string? Language, string? Category, string? Subject, string? Description, Guid? ServiceId, Guid? UnitId, string? CaseNumber);

/// Turning a contact of the register into a complaint: what the contact does not say.
internal sealed record ComplaintFromContactRequest(string? Category, string? Description, string? CaseNumber);

internal sealed record AssignComplaintRequest(Guid? OfficerId, Guid? UnitId);

internal sealed record AskViewRequest(string? Question);

internal sealed record GiveViewRequest(string? View);

internal sealed record AnswerComplaintRequest(string? Outcome, string? Reasons, string? Measures, string? SecondLine);

/// A file that came with a complaint, already recognised by its content.
internal sealed record ComplaintFile(string Name, FileTypes.Kind Kind, byte[] Bytes);

/// A complaint just registered, with the token of the tracking link made for it.
internal sealed record RegisteredComplaint(Complaint Complaint, string Token);

/// The use cases of complaint handling. Each validates everything first, then changes the
/// complaint, records its one event and queues any mail, and saves once. A complaint comes in
/// through Welcome's one intake (ContactRegister): the contact and the complaint are one transaction.
internal sealed class ComplaintWork(GuichetDb db, EventLog eventLog, ContactRegister register, ContactCases contacts, CaseReferences cases, CatalogueDirectory catalogue,
    WorkingCalendar calendar, TimeProvider time, IOptions<ComplaintOptions> options, ComplaintMail mail)
{
    private ComplaintOptions Options => options.Value;

    public DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    public int WarningDays => Options.WarningDays;

    /// Registers a complaint (the public form, the API) and its contact, with the tracking link and,
    /// when the customer gave an e-mail address, the acknowledgement in the outbox.
    public async Task<Result<RegisteredComplaint>> RegisterAsync(ClaimsPrincipal user, RegisterComplaintRequest r, CancellationToken ct,
        string? actor = null, IReadOnlyList<ComplaintFile>? files = null, string from = "intake", EventLogObject? about = null, Action<Complaint>? alongWith = null,
        IReadOnlyList<InvalidParam>? alsoWrong = null)
    {
        var errors = new List<InvalidParam>(alsoWrong ?? []); // a page's own problems (a date that is not one) come out with the rest
        var (category, description) = CheckText(r.Category, r.Description, errors);
        var @case = await CheckCaseAsync(r.CaseNumber, errors, ct);
        var now = time.GetUtcNow();
        // The number is taken in the transaction: refused input rolls it back (no gaps in the register).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var year = BrusselsTime.LocalDate(r.ReceivedAt is { } at && at <= now ? at : now).Year;
        var number = errors.Count == 0 ? await ComplaintNumberCounter.NextAsync(db, year, ct) : "";
        RegisteredComplaint? registered = null;
        var contact = await register.RegisterAsync(user,
            new RegisterContactRequest(r.Channel, r.ReceivedAt, r.CustomerKind, r.CustomerNumber, r.CustomerName, r.Email, r.Phone, r.Address, null,
                r.Language, r.Subject, r.ServiceId, r.UnitId ?? @case?.UnitId, null),
            ct, alsoWrong: errors, actor: actor,
            alongWith: c =>
            {
                var complaint = New(number, c.Id, c.Channel, c.ReceivedAt, c.CustomerKind, c.CustomerNumber, c.CustomerName, c.Email, c.Address, c.Language,
                    category!, c.Subject, description!, c.ServiceId ?? @case?.ServiceId, c.UnitId, @case, actor ?? EventLog.ActorOf(user));
                foreach (var f in files ?? []) db.Add(new ComplaintAttachment(complaint.Id, f.Name, f.Kind, f.Bytes));
                alongWith?.Invoke(complaint); // what the complaint came from (a survey's answer) notes it, in the same transaction
                registered = Accept(complaint, actor ?? EventLog.ActorOf(user), files?.Count ?? 0, from, about);
            });
        if (contact.Value is null)
        {
            db.ChangeTracker.Clear();
            return contact.As<RegisteredComplaint>();
        }
        await tx.CommitAsync(ct);
        return registered!;
    }

    /// Front-office staff turn a contact of the register into a complaint: the customer, channel,
    /// language and received date are the contact's; the deadlines run from when it was received.
    public async Task<Result<RegisteredComplaint>> FromContactAsync(ClaimsPrincipal user, Guid contactId, ComplaintFromContactRequest r, CancellationToken ct)
    {
        var contact = await contacts.FindAsync(user, contactId, ct);
        if (contact is null) return Result<RegisteredComplaint>.NotFound("The contact");
        var errors = new List<InvalidParam>();
        var (category, description) = CheckText(r.Category, r.Description, errors);
        var @case = await CheckCaseAsync(r.CaseNumber, errors, ct);
        if (errors.Count > 0) return Result<RegisteredComplaint>.Invalid(errors);
        if (await db.Set<Complaint>().AnyAsync(c => c.ContactId == contactId, ct)) return Result<RegisteredComplaint>.Refused(ComplaintRefusals.ContactAlreadyComplaint);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await ComplaintNumberCounter.NextAsync(db, BrusselsTime.LocalDate(contact.ReceivedAt).Year, ct);
        var complaint = New(number, contact.Id, contact.Channel, contact.ReceivedAt, contact.CustomerKind, contact.CustomerNumber, contact.CustomerName, contact.Email,
            contact.Address, contact.Language, category!, contact.Subject, description!, contact.ServiceId ?? @case?.ServiceId, contact.UnitId ?? @case?.UnitId, @case,
            EventLog.ActorOf(user));
        var registered = Accept(complaint, EventLog.ActorOf(user), 0, "contact");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result<RegisteredComplaint>.Refused(ComplaintRefusals.ContactAlreadyComplaint);
        }
        await tx.CommitAsync(ct);
        return registered;
    }

    private Complaint New(string number, Guid contactId, ContactChannel channel, DateTimeOffset receivedAt, CustomerKind kind, string? customerNumber, string? name,
        string? email, string? address, string language, string category, string subject, string description, Guid? serviceId, Guid? unitId, CaseReference? @case, string by)
    {
        var receivedOn = BrusselsTime.LocalDate(receivedAt);
        return new Complaint(number, contactId, channel, receivedAt, receivedOn, kind, customerNumber, name, email, address, language, category, subject, description,
            serviceId, unitId, @case?.Id, @case?.Number, @case?.DecisionId, AcknowledgeBy(receivedOn), AnswerBy(receivedOn), by);
    }

    public DateOnly AcknowledgeBy(DateOnly receivedOn) => calendar.AddWorkingDays(receivedOn, Options.AcknowledgeWorkingDays);

    public DateOnly AnswerBy(DateOnly receivedOn) => calendar.NextWorkingDayOnOrAfter(calendar.AddCalendarDays(receivedOn, Options.AnswerCalendarDays));

    /// Adds a new complaint with its tracking link and its event; with an e-mail address, the
    /// acknowledgement goes into the outbox (recorded as acknowledged when the mail leaves).
    private RegisteredComplaint Accept(Complaint complaint, string actor, int attachments, string from, EventLogObject? about = null)
    {
        db.Add(complaint);
        var token = ComplaintLink.Add(db, complaint.Id, time.GetUtcNow(), Options.LinkValidDays);
        var objects = Objects(complaint, eventLog);
        if (complaint.Email is not null)
        {
            complaint.Acknowledge(AcknowledgementChannel.Email, Today);
            mail.Acknowledge(complaint, token, objects);
        }
        eventLog.Record(actor, FollowActivities.ComplaintRegistered,
            [.. objects, new EventLogObject("contact", complaint.ContactId.ToString()!, Role.Contact), .. about is null ? Array.Empty<EventLogObject>() : [about]],
            new Dictionary<string, object?>
            {
                ["number"] = complaint.Number, ["channel"] = EnumCodes.Code(complaint.Channel), ["category"] = complaint.Category, ["language"] = complaint.Language,
                ["receivedOn"] = complaint.ReceivedOn, ["acknowledgeBy"] = complaint.AcknowledgeBy, ["answerBy"] = complaint.AnswerBy,
                ["aboutDecision"] = complaint.DecisionId is not null, ["attachments"] = attachments, ["from"] = from,
            }, occurredAt: complaint.ReceivedAt);
        return new RegisteredComplaint(complaint, token);
    }

    private (string? Category, string? Description) CheckText(string? category, string? description, List<InvalidParam> errors)
    {
        if (string.IsNullOrWhiteSpace(category)) errors.Add(new("category", "required", "The category of the complaint."));
        else if (!Options.CategoryCodes.Contains(category.Trim())) errors.Add(new("category", "unknown-code", "Use one of: " + string.Join(", ", Options.CategoryCodes) + "."));
        if (string.IsNullOrWhiteSpace(description)) errors.Add(new("description", "required", "What the complaint is about."));
        else if (description.Length > Complaint.MaxDescription) errors.Add(new("description", "too-long", $"At most {Complaint.MaxDescription} characters."));
        return (category?.Trim(), description?.Trim());
    }

    private async Task<CaseReference?> CheckCaseAsync(string? number, List<InvalidParam> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        if (number.Length > 20 || await cases.FindAsync(number, ct) is not { } found)
        {
            errors.Add(new("caseNumber", "unknown-case", "No case has this number."));
            return null;
        }
        return found;
    }

    /// A complaint the user may see, or null. Reading it is a view of personal data: recorded.
    public async Task<Complaint?> ViewAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var complaint = await ComplaintScope.FindAsync(db, user, id, ct);
        if (complaint is null) return null;
        eventLog.Record(user, FollowActivities.ComplaintViewed, Objects(complaint, eventLog));
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// The work list: the complaints the user may see, open ones first by answer deadline; one access event for the page.
    public async Task<List<Complaint>> ListAsync(ClaimsPrincipal user, bool openOnly, int limit, CancellationToken ct)
    {
        var query = ComplaintScope.Of(user).Apply(db.Set<Complaint>().AsNoTracking());
        if (openOnly) query = query.Where(c => c.Status != ComplaintStatus.Answered);
        var list = await query.OrderBy(c => c.Status == ComplaintStatus.Answered).ThenBy(c => c.AnswerBy).ThenBy(c => c.Number).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
        eventLog.Record(user, FollowActivities.ComplaintListViewed, [],
            new Dictionary<string, object?> { ["complaints"] = list.Select(c => c.Number).ToList(), ["count"] = list.Count });
        await db.SaveChangesAsync(ct);
        return list;
    }

    public async Task<Result<Complaint>> AssignAsync(ClaimsPrincipal user, Guid id, AssignComplaintRequest r, CancellationToken ct)
    {
        var complaint = await ComplaintScope.FindAsync(db, user, id, ct, tracked: true);
        if (complaint is null) return Result<Complaint>.NotFound("The complaint");
        var errors = new List<InvalidParam>();
        if (r.UnitId is not { } unit) errors.Add(new("unitId", "required", "The unit concerned."));
        else if (await catalogue.UnitAsync(unit, ct) is null) errors.Add(new("unitId", "unknown-id", "No unit has this id."));
        if (r.OfficerId is { } officer && !(await db.Set<StaffUser>().AsNoTracking().Where(u => u.Id == officer).Select(u => u.Roles).FirstOrDefaultAsync(ct) is { } roles
                && roles.Split(',').Any(x => x is Roles.Complaints or Roles.Admin)))
            errors.Add(new("officerId", "unknown-officer", "No complaint officer has this id."));
        if (errors.Count > 0) return Result<Complaint>.Invalid(errors);
        var previous = complaint.UnitId;
        if (complaint.Assign(r.OfficerId, r.UnitId!.Value) is { } refused) return Result<Complaint>.Refused(refused);
        var objects = Objects(complaint, eventLog).ToList();
        if (previous is { } p && p != complaint.UnitId) objects.Add(new EventLogObject("unit", p.ToString(), Role.PreviousUnit));
        eventLog.Record(user, FollowActivities.ComplaintAssigned, objects, new Dictionary<string, object?> { ["unit"] = complaint.UnitId, ["officer"] = complaint.OfficerId });
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    public async Task<Result<Complaint>> AskViewAsync(ClaimsPrincipal user, Guid id, AskViewRequest r, CancellationToken ct)
    {
        var complaint = await ComplaintScope.FindAsync(db, user, id, ct, tracked: true);
        if (complaint is null) return Result<Complaint>.NotFound("The complaint");
        if (string.IsNullOrWhiteSpace(r.Question)) return Result<Complaint>.Invalid("question", "required", "What the unit is asked.");
        if (r.Question.Length > Complaint.MaxText) return Result<Complaint>.Invalid("question", "too-long", $"At most {Complaint.MaxText} characters.");
        var due = calendar.AddWorkingDays(Today, Options.ViewWorkingDays);
        if (complaint.AskView(r.Question.Trim(), due) is { } refused) return Result<Complaint>.Refused(refused);
        eventLog.Record(user, FollowActivities.ComplaintViewAsked, [.. Objects(complaint, eventLog), new EventLogObject("unit", complaint.ViewUnitId.ToString()!, Role.AskedUnit)],
            new Dictionary<string, object?> { ["dueOn"] = due });
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    public async Task<Result<Complaint>> GiveViewAsync(ClaimsPrincipal user, Guid id, GiveViewRequest r, CancellationToken ct)
    {
        var complaint = await ComplaintScope.FindAsync(db, user, id, ct, tracked: true);
        if (complaint is null) return Result<Complaint>.NotFound("The complaint");
        if (string.IsNullOrWhiteSpace(r.View)) return Result<Complaint>.Invalid("view", "required", "The unit's view.");
        if (r.View.Length > Complaint.MaxText) return Result<Complaint>.Invalid("view", "too-long", $"At most {Complaint.MaxText} characters.");
        if (complaint.GiveView(r.View.Trim(), time.GetUtcNow()) is { } refused) return Result<Complaint>.Refused(refused);
        eventLog.Record(user, FollowActivities.ComplaintViewGiven, [.. Objects(complaint, eventLog), new EventLogObject("unit", complaint.ViewUnitId.ToString()!, Role.AskedUnit)],
            new Dictionary<string, object?> { ["dueOn"] = complaint.ViewDueOn, ["late"] = Today > complaint.ViewDueOn });
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// The reasoned answer, with the second line; mailed when the customer gave an e-mail address,
    /// else to be printed as a letter (AnswerLetterAsync).
    public async Task<Result<Complaint>> AnswerAsync(ClaimsPrincipal user, Guid id, AnswerComplaintRequest r, CancellationToken ct)
    {
        var complaint = await ComplaintScope.FindAsync(db, user, id, ct, tracked: true);
        if (complaint is null) return Result<Complaint>.NotFound("The complaint");
        var errors = new List<InvalidParam>();
        var outcome = EnumCodes.Read<ComplaintOutcome>(r.Outcome, "outcome", errors);
        foreach (var (field, value) in new[] { ("reasons", r.Reasons), ("measures", r.Measures), ("secondLine", r.SecondLine) })
            if (value is { Length: > Complaint.MaxText }) errors.Add(new(field, "too-long", $"At most {Complaint.MaxText} characters."));
        if (errors.Count > 0) return Result<Complaint>.Invalid(errors);
        if (complaint.Answer(outcome!.Value, r.Reasons, r.Measures, r.SecondLine, Today, EventLog.ActorOf(user)) is { } refused) return Result<Complaint>.Refused(refused);
        if (complaint.Email is not null) mail.Answer(complaint, new EventLogObject("contact", complaint.ContactId.ToString()!, Role.Contact));
        eventLog.Record(user, FollowActivities.ComplaintAnswered, Objects(complaint, eventLog), new Dictionary<string, object?>
        {
            ["outcome"] = EnumCodes.Code(outcome.Value), ["answerBy"] = complaint.AnswerBy, ["late"] = Today > complaint.AnswerBy,
            ["channel"] = complaint.Email is null ? "letter" : "email",
        });
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// The acknowledgement as a letter to print and post (for a customer without e-mail), with a
    /// tracking link of its own; printing it the first time acknowledges the complaint.
    public async Task<Result<string>> AcknowledgementLetterAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var complaint = await ComplaintScope.FindAsync(db, user, id, ct, tracked: true);
        if (complaint is null) return Result<string>.NotFound("The complaint");
        var token = ComplaintLink.Add(db, complaint.Id, time.GetUtcNow(), Options.LinkValidDays);
        var first = complaint.AcknowledgedOn is null;
        complaint.Acknowledge(AcknowledgementChannel.Letter, Today);
        var objects = Objects(complaint, eventLog);
        eventLog.Record(user, first ? FollowActivities.ComplaintAcknowledged : FollowActivities.ComplaintViewed, objects, first
            ? new Dictionary<string, object?> { ["channel"] = "letter", ["acknowledgeBy"] = complaint.AcknowledgeBy, ["late"] = Today > complaint.AcknowledgeBy }
            : null);
        await db.SaveChangesAsync(ct);
        return mail.Letter(complaint, "complaints.ack.letter-title", mail.AcknowledgementText(complaint, token));
    }

    /// The answer as a letter to print and post.
    public async Task<Result<string>> AnswerLetterAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var complaint = await ViewAsync(user, id, ct);
        if (complaint is null || !complaint.IsAnswered) return Result<string>.NotFound("The answer");
        return mail.Letter(complaint, "complaints.answer.subject", mail.AnswerText(complaint));
    }

    /// The customer's view through a tracking link: the complaint, or 404 (unknown) / 410 (expired).
    public async Task<(Complaint? Complaint, int Status)> TrackAsync(string? token, CancellationToken ct)
    {
        var (complaintId, status) = await ComplaintLink.OpenAsync(db, token, time.GetUtcNow(), ct);
        if (complaintId is not { } cid) return (null, status);
        return (await db.Set<Complaint>().AsNoTracking().FirstAsync(c => c.Id == cid, ct), status);
    }

    /// The appeal procedure of the decision a complaint is about (a complaint is not an appeal).
    public async Task<CaseReference?> DecisionOfAsync(Complaint c, CancellationToken ct) =>
        c.CaseId is { } id && c.DecisionId is not null ? await cases.FindAsync(id, ct) : null;

    /// The complaint in the journal: itself, its customer (a pseudonym), unit, service and case.
    public static EventLogObject[] Objects(Complaint c, EventLog log)
    {
        var objects = new List<EventLogObject> { new("complaint", c.Id.ToString(), Role.Subject) };
        if (c.CustomerNumber is { } n) objects.Add(log.Customer(n));
        if (c.UnitId is { } u) objects.Add(new("unit", u.ToString(), Role.Unit));
        if (c.ServiceId is { } s) objects.Add(new("service", s.ToString(), Role.Service));
        if (c.CaseId is { } k) objects.Add(new("case", k.ToString(), Role.Case));
        return [.. objects];
    }
}
