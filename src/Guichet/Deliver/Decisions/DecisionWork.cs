using Guichet.Deliver.Cases;
using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Requests;
using Guichet.Orient.Catalogue;

namespace Guichet.Deliver.Decisions;

/// WithdrawOpenRequests: the handler confirms that requests still open end with the decision.
internal sealed record IssueDecisionRequest(string? Outcome, string? FactualGrounds, string? LegalGrounds, AppealRequest? Appeal, string? Channel, bool? WithdrawOpenRequests = null);

/// The appeal block as sent; any part left out is taken from the case type, in the language of procedure.
internal sealed record AppealRequest(string? Body, string? Form, int? DeadlineDays, string? Address);

internal sealed record LodgeAppealRequest(string? Kind, DateOnly? LodgedOn, string? LodgedWith, string? Reference, string? Summary);

/// An issued decision and its case.
internal sealed record DecidedCase(Decision Decision, Case Case);

/// Issuing the decision that ends a case, its letter, and appeals lodged against it afterwards.
internal sealed class DecisionWork(GuichetDb db, CatalogueDirectory catalogue, EventLog eventLog, WorkingCalendar calendar, TimeProvider time, DecisionMail mail, CaseTypeVersions types,
    RequestWork requests)
{
    /// Deemed received on the third working day after posting.
    public const int PostalDelayWorkingDays = 3;

    private DateOnly Today => BrusselsTime.LocalDate(time.GetUtcNow());

    public async Task<Result<Decision>> IssueAsync(ClaimsPrincipal user, Guid caseId, IssueDecisionRequest request, CancellationToken ct)
    {
        var found = await CaseScope.FindAsync(db, user, caseId, tracked: true, ct);
        if (found.Value is not { } @case) return found.As<Decision>();
        var type = await types.GetAsync(db, @case.CaseTypeId, ct);

        // 400: what cannot be read at all.
        var errors = new List<InvalidParam>();
        var outcome = EnumCodes.Read<DecisionOutcome>(request.Outcome, "outcome", errors);
        var channel = EnumCodes.Read<NotificationChannel>(request.Channel, "channel", errors);
        CaseInput.Length(errors, "factualGrounds", request.FactualGrounds, DecisionRules.MaxGroundsLength);
        CaseInput.Length(errors, "legalGrounds", request.LegalGrounds, DecisionRules.MaxGroundsLength);
        if (errors.Count > 0) return Result<Decision>.Invalid(errors);

        // 409/422: the rules of a decision.
        if (@case.IsClosed) return Result<Decision>.Refused(CaseRefusals.Closed);
        if (await db.Set<Decision>().AnyAsync(d => d.CaseId == caseId, ct)) return Result<Decision>.Refused(DecisionRefusals.AlreadyIssued);
        if (!type.Content.Outcomes.Contains(outcome!.Value)) return Result<Decision>.Refused(DecisionRefusals.OutcomeNotAllowed);
        var motivation = new List<InvalidParam>();
        if (!DecisionRules.IsSubstantive(request.FactualGrounds, DecisionRules.MinFactualWords))
            motivation.Add(new("factualGrounds", "decision-motivation-missing", $"The facts the decision rests on, in at least {DecisionRules.MinFactualWords} words."));
        if (!DecisionRules.IsSubstantive(request.LegalGrounds, DecisionRules.MinLegalWords))
            motivation.Add(new("legalGrounds", "decision-motivation-missing", $"The legal provisions the decision applies, in at least {DecisionRules.MinLegalWords} words."));
        if (motivation.Count > 0) return Result<Decision>.Refused(DecisionRefusals.MotivationMissing, motivation);
        var appeal = AppealBlockFor(type, @case.Language, request.Appeal);
        if (!DecisionRules.IsComplete(appeal))
        {
            var missing = new List<InvalidParam>();
            if (string.IsNullOrWhiteSpace(appeal.Body)) missing.Add(new("appeal.body", "decision-appeal-information-missing", "The body to appeal to."));
            if (string.IsNullOrWhiteSpace(appeal.Form)) missing.Add(new("appeal.form", "decision-appeal-information-missing", "The form the appeal takes."));
            if (string.IsNullOrWhiteSpace(appeal.Address)) missing.Add(new("appeal.address", "decision-appeal-information-missing", "Where to send the appeal."));
            if (appeal.DeadlineDays is < 1 or > 365) missing.Add(new("appeal.deadlineDays", "decision-appeal-information-missing", "The appeal deadline, 1 to 365 days."));
            return Result<Decision>.Refused(DecisionRefusals.AppealInformationMissing, missing);
        }
        var applicant = @case.Parties.FirstOrDefault(p => p.Role == PartyRole.Applicant);
        if (channel == NotificationChannel.Email && string.IsNullOrEmpty(applicant?.Email))
            return Result<Decision>.Refused(DecisionRefusals.NoEmail);
        var decided = DecisionStatus(@case, type);
        if (decided is null) return Result<Decision>.Refused(DecisionRefusals.NotReady);
        if (request.WithdrawOpenRequests != true && await HasOpenRequestsAsync(caseId, ct)) return Result<Decision>.Refused(DecisionRefusals.OpenRequests);

        var now = time.GetUtcNow();
        var sentOn = Today;
        var notifiedOn = channel == NotificationChannel.Email ? sentOn : calendar.AddWorkingDays(sentOn, PostalDelayWorkingDays);
        var deadline = calendar.NextWorkingDayOnOrAfter(notifiedOn.AddDays(appeal.DeadlineDays));
        var decision = new Decision(caseId, outcome.Value, request.FactualGrounds!.Trim(), request.LegalGrounds!.Trim(), appeal, @case.Language,
            channel!.Value, sentOn, notifiedOn, deadline, now, EventLog.ActorOf(user));
        db.Add(decision);
        // A decided case asks the customer for nothing: open requests end, a clock stopped for them runs again.
        await requests.WithdrawOpenAsync(user, @case, "case-decided", ct);
        var from = @case.Status;
        @case.MoveTo(type, decided.Code, now, byDecision: true);
        @case.Touch(type, Today, calendar, now);
        eventLog.Record(user, DeliverActivities.DecisionIssued, CaseWork.Objects(@case, eventLog), new Dictionary<string, object?>
        {
            ["outcome"] = request.Outcome, ["channel"] = request.Channel, ["notifiedOn"] = notifiedOn, ["appealDeadline"] = deadline, ["from"] = from, ["to"] = decided.Code,
        });
        // By e-mail: the letter leaves with the decision's transaction, through the outbox, and
        // the decision is notified when the mail is sent. By post: notified on the day the law
        // presumes the letter arrives.
        if (decision.Channel == NotificationChannel.Email)
            await mail.SendAsync(@case, decision, await LetterAsync(decision, @case, ct), ct);
        else
            eventLog.Record(user, DeliverActivities.DecisionNotified, CaseWork.Objects(@case, eventLog),
                new Dictionary<string, object?> { ["channel"] = "post", ["notifiedOn"] = notifiedOn }, occurredAt: BrusselsTime.ToInstant(notifiedOn, TimeOnly.MinValue));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // a colleague issued it a moment ago
            return Result<Decision>.Refused(DecisionRefusals.AlreadyIssued);
        }
        return decision;
    }

    /// Whether requests to the customer are still open on the case (the decision form asks to confirm).
    public Task<bool> HasOpenRequestsAsync(Guid caseId, CancellationToken ct) =>
        db.Set<CustomerRequest>().AnyAsync(r => r.CaseId == caseId && r.AnsweredAt == null && r.WithdrawnAt == null, ct);

    /// The status a decision moves the case to: the decision status its model leads to from the
    /// current one; null when the case cannot be decided now (or is closed).
    public static CaseStatus? DecisionStatus(Case @case, CaseType type) =>
        @case.IsClosed ? null : type.Content.Statuses.FirstOrDefault(s => s.Decision && type.AllowsMove(@case.Status, s.Code));

    /// The case type's appeal information in the language of procedure, with any part the
    /// handler wrote instead.
    public static AppealBlock AppealBlockFor(CaseType type, string language, AppealRequest? written)
    {
        var a = type.Content.Appeal;
        return new AppealBlock(
            Pick(written?.Body, a.Body[language]),
            Pick(written?.Form, a.Form[language]),
            written?.DeadlineDays ?? a.DeadlineDays,
            Pick(written?.Address, a.Address[language]));
    }

    private static string Pick(string? written, string? template) => (written ?? template ?? "").Trim();

    /// The decision of a case the user may see; a case without one is not found either.
    public async Task<Result<DecidedCase>> FindAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct)
    {
        var found = await CaseScope.FindAsync(db, user, caseId, tracked: false, ct);
        if (found.Value is not { } @case) return found.As<DecidedCase>();
        var decision = await db.Set<Decision>().AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == caseId, ct);
        return decision is null ? CaseScope.NotFound.As<DecidedCase>() : new DecidedCase(decision, @case);
    }

    /// The letter of an issued decision, for someone who may see the case. Reading it is a view of
    /// personal data (the addressee's name and address) and is recorded.
    public async Task<Result<DecisionLetter>> ReadLetterAsync(ClaimsPrincipal user, Guid caseId, string format, CancellationToken ct)
    {
        var found = await FindAsync(user, caseId, ct);
        if (found.Value is not { } decided) return found.As<DecisionLetter>();
        var letter = await LetterAsync(decided.Decision, decided.Case, ct);
        eventLog.Record(user, DeliverActivities.DecisionLetterViewed, CaseWork.Objects(decided.Case, eventLog), new Dictionary<string, object?> { ["format"] = format });
        await db.SaveChangesAsync(ct);
        return letter;
    }

    public async Task<DecisionLetter> LetterAsync(Decision decision, Case @case, CancellationToken ct)
    {
        var provider = await catalogue.ProviderOfAsync(@case.ServiceId, ct);
        var unit = await catalogue.UnitAsync(@case.UnitId, ct);
        var fallback = provider?.PrimaryLanguage ?? "fr";
        var sender = provider?.OrganisationName.Resolve(decision.Language, fallback).Text ?? "";
        var senderUnit = unit?.Name.Resolve(decision.Language, fallback).Text;
        var applicant = @case.Parties.First(p => p.Role == PartyRole.Applicant);
        return new DecisionLetter(decision.Language, sender, senderUnit, @case.Number, @case.Subject, applicant.Name, applicant.Address, decision);
    }

    public async Task<Result<LodgedAppeal>> LodgeAppealAsync(ClaimsPrincipal user, Guid caseId, LodgeAppealRequest request, CancellationToken ct)
    {
        var found = await FindAsync(user, caseId, ct);
        if (found.Value is not { } decided)
            return await CaseScope.SeesAsync(db, user, caseId, ct)
                ? Result<LodgedAppeal>.Refused(DecisionRefusals.NoDecision)
                : found.As<LodgedAppeal>();
        var errors = new List<InvalidParam>();
        var kind = EnumCodes.Read<AppealKind>(request.Kind, "kind", errors);
        var lodgedOn = request.LodgedOn ?? Today;
        CaseInput.NotAfter(errors, "lodgedOn", lodgedOn, Today);
        if (lodgedOn < decided.Decision.SentOn) errors.Add(new("lodgedOn", "date-out-of-order", "Not before the decision was sent."));
        CaseInput.Text(errors, "lodgedWith", request.LodgedWith, 300, "The body the appeal was lodged with.");
        CaseInput.Text(errors, "summary", request.Summary, 4000, "What the appellant contests.");
        CaseInput.Length(errors, "reference", request.Reference, 100);
        if (errors.Count > 0) return Result<LodgedAppeal>.Invalid(errors);
        var appeal = new LodgedAppeal(decided.Decision, kind!.Value, lodgedOn, request.LodgedWith!.Trim(), request.Reference?.Trim(), request.Summary!.Trim(), time.GetUtcNow(), EventLog.ActorOf(user));
        db.Add(appeal);
        eventLog.Record(user, DeliverActivities.AppealLodged, CaseWork.Objects(decided.Case, eventLog), new Dictionary<string, object?> { ["kind"] = request.Kind, ["lodgedOn"] = lodgedOn, ["late"] = appeal.Late });
        await db.SaveChangesAsync(ct);
        return appeal;
    }
}
