using Guichet.Deliver;
using Guichet.Deliver.Decisions;
using Guichet.Follow.Complaints;
using Guichet.Welcome;
using Guichet.Welcome.Contacts;

namespace Guichet.Follow.Satisfaction;

/// What a trigger event came to: a survey sent, or the reason none was (the reason is logged,
/// nothing is stored: a skipped trigger is not a change of anyone's record).
internal sealed record SurveyOutcome(Survey? Survey, string? Skipped);

/// Who to ask, as the stage that served them knows it.
internal sealed record SurveyCustomer(SurveyChannel Channel, Guid SourceId, string? SourceNumber, Guid? ServiceId, Guid? UnitId, string Language,
    string? CustomerNumber, string? Name, string? Email, EventLogObject About, string? CaseNumber);

/// The answer as the public page sends it.
internal sealed record SurveyAnswer(int? Score, string? GotWhatNeeded, string? Comment);

/// The use cases of satisfaction surveys: read new trigger events of the journal after the cursor
/// and, for each, in one transaction, move the cursor and make the survey with its event and mail
/// (or skip it); take the customer's one answer; turn an unhappy answer into a complaint.
internal sealed class SurveyWork(GuichetDb db, EventLog eventLog, TimeProvider time, IOptions<SatisfactionOptions> options, SurveyMail mail,
    CaseReferences cases, ContactCases contacts, ComplaintWork complaints, IOptions<ComplaintOptions> complaintOptions, Texts texts, ILogger<SurveyWork> log)
{
    private SatisfactionOptions Options => options.Value;

    /// This job's cursor in the journal.
    public const string Reader = "follow.satisfaction";

    /// The journal activities after which a survey may be sent.
    public static readonly string[] Triggers =
        [DeliverActivities.StatusChanged.Code, DeliverActivities.DecisionIssued.Code, WelcomeActivities.TicketServed.Code, FollowActivities.ComplaintAnswered.Code];

    /// One round: handles up to BatchSize trigger events after the cursor; returns how many were handled.
    /// The first round ever starts the cursor at the journal's end: the past is not surveyed.
    public async Task<int> RequestDueAsync(CancellationToken ct)
    {
        var cursor = await JournalCursor.FindAsync(db, Reader, ct);
        if (cursor is null)
        {
            var end = await db.Set<EventLogEntry>().MaxAsync(e => (long?)e.Id, ct) ?? 0;
            db.Add(new JournalCursor(Reader, end));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { } // another node started it
            db.ChangeTracker.Clear();
            return 0;
        }
        var settled = time.GetUtcNow().AddSeconds(-Options.SettleSeconds);
        var events = await db.Set<EventLogEntry>().AsNoTracking().Include(e => e.Objects)
            .Where(e => e.Id > cursor.LastEventId && Triggers.Contains(e.Activity) && e.At <= settled)
            .OrderBy(e => e.Id).Take(Options.BatchSize).ToListAsync(ct);
        var last = cursor.LastEventId;
        var handled = 0;
        foreach (var e in events)
        {
            if (!await HandleAsync(e, last, ct)) break; // another node is ahead of us
            last = e.Id;
            handled++;
        }
        return handled;
    }

    private async Task<bool> HandleAsync(EventLogEntry e, long last, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await JournalCursor.MoveAsync(db, Reader, last, e.Id, ct)) return false;
        var outcome = await DecideAsync(e, ct);
        if (outcome.Skipped is { } reason)
            log.LogDebug("No survey after journal event {Event} ({Activity}): {Reason}.", e.Id, e.Activity, reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException x) when (DbErrors.IsUniqueViolation(x))
        {
            return false; // the same source was surveyed by another node a moment ago: leave the event to it
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// The rules, in order: a trigger at all, surveys on there, an address, a known customer, not
    /// surveyed already for this, not surveyed in the last IntervalDays.
    private async Task<SurveyOutcome> DecideAsync(EventLogEntry e, CancellationToken ct)
    {
        var customer = await CustomerAsync(e, ct);
        if (customer is null) return new(null, "not-a-trigger");
        if (!Options.IsOn(customer.Channel, customer.ServiceId, customer.UnitId)) return new(null, "off");
        if (string.IsNullOrWhiteSpace(customer.Email)) return new(null, "no-email");
        // Nobody asked an anonymous customer for consent to be surveyed: no survey without a known customer.
        if (string.IsNullOrWhiteSpace(customer.CustomerNumber)) return new(null, "anonymous-without-consent");
        var key = eventLog.Customer(customer.CustomerNumber).ObjectId;
        if (await db.Set<Survey>().AnyAsync(s => s.Channel == customer.Channel && s.SourceId == customer.SourceId, ct)) return new(null, "already-asked");
        var now = time.GetUtcNow();
        var since = now.AddDays(-Options.IntervalDays);
        if (await db.Set<Survey>().AnyAsync(s => s.CustomerKey == key && s.RequestedAt > since, ct)) return new(null, "asked-recently");

        var (token, hash) = SecureToken.New();
        var survey = new Survey(customer.Channel, customer.SourceId, customer.SourceNumber, customer.ServiceId, customer.UnitId,
            Languages.IsSupported(customer.Language) ? customer.Language : "fr", key, e.Id, hash, now, now.AddDays(Options.LinkValidDays));
        db.Add(survey);
        eventLog.Record("platform", FollowActivities.SurveyRequested, Objects(survey, customer.About),
            new Dictionary<string, object?> { ["channel"] = EnumCodes.Code(survey.Channel), ["language"] = survey.Language, ["expiresAt"] = survey.ExpiresAt });
        mail.Send(survey, token, customer.Email.Trim(), customer.Name, customer.About.ObjectType == "complaint"
            ? new EventLogObject("contact", (await db.Set<Complaint>().AsNoTracking().Where(c => c.Id == survey.SourceId).Select(c => c.ContactId).FirstAsync(ct)).ToString()!, Role.Contact)
            : customer.About);
        return new(survey, null);
    }

    private static Guid? ObjectOf(EventLogEntry e, string type, string role) =>
        e.Objects.FirstOrDefault(o => o.ObjectType == type && o.Qualifier == role) is { } o && Guid.TryParse(o.ObjectId, out var id) ? id : null;

    /// The customer to ask after this event, or null when the event is not one that ends something.
    private async Task<SurveyCustomer?> CustomerAsync(EventLogEntry e, CancellationToken ct)
    {
        if (e.Activity == DeliverActivities.StatusChanged.Code || e.Activity == DeliverActivities.DecisionIssued.Code)
        {
            if (ObjectOf(e, "case", Role.Subject) is not { } caseId) return null;
            if (e.Activity == DeliverActivities.StatusChanged.Code && !ClosedAttribute(e)) return null;
            if (await cases.CustomerAsync(caseId, ct) is not { Closed: true } c) return null; // a decision that does not close the case
            return new SurveyCustomer(SurveyChannel.Case, c.CaseId, c.Number, c.ServiceId, c.UnitId, c.Language, c.CustomerNumber, c.Name, c.Email,
                new EventLogObject("case", c.CaseId.ToString(), Role.Case), c.Number);
        }
        if (e.Activity == WelcomeActivities.TicketServed.Code)
        {
            if (ObjectOf(e, "contact", Role.Contact) is not { } contactId || await contacts.FindForFollowUpAsync(contactId, ct) is not { } c) return null;
            using var attributes = JsonDocument.Parse(e.Attributes);
            var code = attributes.RootElement.TryGetProperty("code", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new SurveyCustomer(SurveyChannel.Counter, c.Id, code, c.ServiceId, c.UnitId, c.Language, c.CustomerNumber, c.CustomerName, c.Email,
                new EventLogObject("contact", c.Id.ToString(), Role.Contact), null);
        }
        if (e.Activity == FollowActivities.ComplaintAnswered.Code)
        {
            if (ObjectOf(e, "complaint", Role.Subject) is not { } complaintId) return null;
            var c = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == complaintId, ct);
            if (c is null) return null;
            return new SurveyCustomer(SurveyChannel.Complaint, c.Id, c.Number, c.ServiceId, c.UnitId, c.Language, c.CustomerNumber, c.CustomerName, c.Email,
                new EventLogObject("complaint", c.Id.ToString(), Role.Complaint), c.CaseNumber);
        }
        return null;
    }

    private static bool ClosedAttribute(EventLogEntry e)
    {
        using var attributes = JsonDocument.Parse(e.Attributes);
        return attributes.RootElement.TryGetProperty("closed", out var closed) && closed.ValueKind == JsonValueKind.True;
    }

    /// The survey in the journal: itself, its customer (the pseudonym it keeps), unit, service and what it follows.
    public static EventLogObject[] Objects(Survey s, EventLogObject about)
    {
        var objects = new List<EventLogObject> { new("survey", s.Id.ToString(), Role.Subject), new("customer", s.CustomerKey, Role.Customer), about };
        if (s.UnitId is { } u) objects.Add(new("unit", u.ToString(), Role.Unit));
        if (s.ServiceId is { } v) objects.Add(new("service", v.ToString(), Role.Service));
        return [.. objects];
    }

    private static EventLogObject About(Survey s) => s.Channel switch
    {
        SurveyChannel.Case => new("case", s.SourceId.ToString(), Role.Case),
        SurveyChannel.Counter => new("contact", s.SourceId.ToString(), Role.Contact),
        _ => new("complaint", s.SourceId.ToString(), Role.Complaint),
    };

    /// The survey a link opens: the survey, or why not (404 unknown or tampered, 410 expired, 409 answered).
    public async Task<(Survey? Survey, int Status)> OpenAsync(string? token, CancellationToken ct)
    {
        if (!SecureToken.LooksValid(token)) return (null, StatusCodes.Status404NotFound);
        var hash = SecureToken.Hash(token!);
        var survey = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.TokenHash == hash, ct);
        if (survey is null) return (null, StatusCodes.Status404NotFound);
        if (survey.IsAnswered) return (survey, StatusCodes.Status409Conflict);
        if (survey.ExpiresAt <= time.GetUtcNow()) return (survey, StatusCodes.Status410Gone);
        return (survey, StatusCodes.Status200OK);
    }

    /// The customer's one answer through the link; refused input stores nothing.
    public async Task<Result<Survey>> AnswerAsync(string? token, SurveyAnswer a, CancellationToken ct)
    {
        var (found, status) = await OpenAsync(token, ct);
        if (found is null) return Result<Survey>.NotFound("The survey");
        if (status == StatusCodes.Status409Conflict) return Result<Survey>.Refused(SurveyRefusals.Answered);
        if (status == StatusCodes.Status410Gone) return Result<Survey>.Refused(SurveyRefusals.Expired);
        var errors = new List<InvalidParam>();
        if (a.Score is not (>= 1 and <= 5)) errors.Add(new("score", "out-of-range", "A score from 1 to 5."));
        var got = EnumCodes.Read<GotWhatNeeded>(a.GotWhatNeeded, "gotWhatNeeded", errors);
        if (a.Comment is { Length: > Survey.MaxComment }) errors.Add(new("comment", "too-long", $"At most {Survey.MaxComment} characters."));
        if (errors.Count > 0) return Result<Survey>.Invalid(errors);

        var survey = await db.Set<Survey>().FirstAsync(s => s.Id == found.Id, ct);
        if (survey.Answer(a.Score!.Value, got!.Value, a.Comment, time.GetUtcNow()) is { } refused) return Result<Survey>.Refused(refused);
        eventLog.Record("customer", FollowActivities.SurveyAnswered, Objects(survey, About(survey)), new Dictionary<string, object?>
        {
            ["channel"] = EnumCodes.Code(survey.Channel), ["score"] = survey.Score, ["gotWhatNeeded"] = EnumCodes.Code(got.Value), ["commented"] = survey.Comment is not null,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // answered a moment ago (a second tab, a double click)
            return Result<Survey>.Refused(SurveyRefusals.Answered);
        }
        return survey;
    }

    /// Turns an unhappy answer with a comment into a complaint (the complaint officer's one click),
    /// registered through Complaints' one use case, with the customer the survey followed; the
    /// complaint names the survey, and the survey the complaint, in the same transaction.
    public async Task<Result<RegisteredComplaint>> ToComplaintAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return Result<RegisteredComplaint>.NotFound("The survey");
        if (survey.ComplaintId is not null) return Result<RegisteredComplaint>.Refused(SurveyRefusals.AlreadyComplaint);
        if (!survey.IsAnswered || !survey.IsUnhappy || survey.Comment is null) return Result<RegisteredComplaint>.Refused(SurveyRefusals.NotUnhappy);
        var customer = await SourceCustomerAsync(survey, ct);
        var language = survey.Language;
        string Text(string key, params object?[] args) => string.Format(CultureInfo.GetCultureInfo(Languages.CultureName(language)), texts.Get(language, key), args);
        var categories = complaintOptions.Value.CategoryCodes;
        var category = categories.Contains("quality") ? "quality" : categories.Contains("other") ? "other" : categories[0];
        var subject = Text("satisfaction.complaint.subject", Text("satisfaction.mail.about." + EnumCodes.Code(survey.Channel), survey.SourceNumber ?? ""));
        var description = Text("satisfaction.complaint.description", survey.Score, texts.Get(language, "satisfaction.got." + EnumCodes.Code(survey.GotWhatNeeded!.Value)), survey.Comment);
        var number = customer?.CustomerNumber;
        var request = new RegisterComplaintRequest(EnumCodes.Code(ContactChannel.WebForm), survey.AnsweredAt,
            number is null ? "anonymous" : number.Length == 11 ? "person" : "company", number, customer?.Name ?? "?", customer?.Email, null, null,
            language, category, subject.Length > Complaint.MaxSubject ? subject[..Complaint.MaxSubject] : subject, description,
            survey.ServiceId, survey.UnitId, customer?.CaseNumber);
        try
        {
            var registered = await complaints.RegisterAsync(user, request, ct, from: "survey", about: new EventLogObject("survey", survey.Id.ToString(), Role.Survey),
                alongWith: c => survey.BecameComplaint(c.Id));
            if (registered.Value is null) db.ChangeTracker.Clear();
            return registered;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // a colleague made the complaint a moment ago
            return Result<RegisteredComplaint>.Refused(SurveyRefusals.AlreadyComplaint);
        }
    }

    /// The customer of what a survey followed, read again from the stage that knows them (the survey keeps no address).
    private async Task<SurveyCustomer?> SourceCustomerAsync(Survey s, CancellationToken ct)
    {
        switch (s.Channel)
        {
            case SurveyChannel.Case:
                return await cases.CustomerAsync(s.SourceId, ct) is { } c
                    ? new SurveyCustomer(s.Channel, c.CaseId, c.Number, c.ServiceId, c.UnitId, c.Language, c.CustomerNumber, c.Name, c.Email, About(s), c.Number) : null;
            case SurveyChannel.Counter:
                return await contacts.FindForFollowUpAsync(s.SourceId, ct) is { } k
                    ? new SurveyCustomer(s.Channel, k.Id, s.SourceNumber, k.ServiceId, k.UnitId, k.Language, k.CustomerNumber, k.CustomerName, k.Email, About(s), null) : null;
            default:
                var p = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == s.SourceId, ct);
                return p is null ? null
                    : new SurveyCustomer(s.Channel, p.Id, p.Number, p.ServiceId, p.UnitId, p.Language, p.CustomerNumber, p.CustomerName, p.Email, About(s), p.CaseNumber);
        }
    }
}
