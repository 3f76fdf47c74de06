using Guichet.Deliver.CaseTypes;
using Guichet.Deliver;

namespace Guichet.Deliver.Cases;

/// A case file: one request of a customer, processed under one version of a case type, with its
/// status, its clock and its parties. Methods are named after what happens; each one checks the
/// rule it is about and says why it refuses.
internal sealed class Case : Guichet.Platform.EventLog.IJournaled
{
    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid CaseTypeId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid? HandlerId { get; private set; }
    public string Status { get; private set; } = "";
    public string Language { get; private set; } = "fr";
    public string Subject { get; private set; } = "";
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly? CompleteOn { get; private set; }
    public List<ClockSuspension> Suspensions { get; private set; } = [];
    public CaseExtension? Extension { get; private set; }
    public List<CaseParty> Parties { get; private set; } = [];
    /// The due date as of the last change, for sorting work lists in SQL; pages read the clock.
    public DateOnly? DueOn { get; private set; }
    /// DueOn, or 9999-12-31 while the clock has not started: the work lists' indexed sort key.
    public DateOnly DueSort { get; private set; } = DateOnly.MaxValue;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    private Case() { }

    public Case(Guid id, string number, CaseType type, Guid unitId, string language, string subject,
        DateOnly receivedOn, bool complete, IEnumerable<CaseParty> parties, DateTimeOffset now)
    {
        Id = id;
        Number = number;
        CaseTypeId = type.Id;
        ServiceId = type.ServiceId;
        UnitId = unitId;
        Language = language;
        Subject = subject;
        ReceivedOn = receivedOn;
        CompleteOn = complete ? receivedOn : null;
        Parties = [.. parties];
        Status = type.InitialStatus.Code;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public bool IsClosed => ClosedAt is not null;

    /// A party past the case's retention (CaseRetention): its role and kind only.
    public static CaseParty Blanked(CaseParty party) => new(party.Role, party.Kind, "", null, null, null, null);

    public bool IsSuspended => Suspensions.Any(s => s.Until is null);

    public ClockFacts ClockFacts => new(ReceivedOn, CompleteOn, Suspensions, Extension?.Days ?? 0);

    public ClockReading Clock(CaseType type, DateOnly today, WorkingCalendar calendar) =>
        CaseClock.Read(type.Content.Clock, ClockFacts, today, calendar);

    /// Keeps the stored due date in step with the clock after every change.
    public void Touch(CaseType type, DateOnly today, WorkingCalendar calendar, DateTimeOffset now)
    {
        DueOn = Clock(type, today, calendar).DueOn;
        DueSort = DueOn ?? DateOnly.MaxValue;
        UpdatedAt = now;
    }

    /// A status change along the model; a decision status only with the decision (<paramref name="byDecision"/>).
    public Refusal? MoveTo(CaseType type, string status, DateTimeOffset now, bool byDecision = false)
    {
        if (IsClosed) return CaseRefusals.Closed;
        if (type.Status(status) is not { } target) return CaseRefusals.UnknownStatus;
        if (!type.AllowsMove(Status, status)) return CaseRefusals.StatusNotAllowed;
        if (target.Decision && !byDecision) return CaseRefusals.DecisionRequired;
        Status = status;
        if (target.Final) ClosedAt = now;
        return null;
    }

    public Refusal? MarkComplete(DateOnly on)
    {
        if (IsClosed) return CaseRefusals.Closed;
        if (CompleteOn is not null) return CaseRefusals.AlreadyComplete;
        if (on < ReceivedOn) return CaseRefusals.DateBeforeReceipt;
        CompleteOn = on;
        return null;
    }

    public Refusal? Suspend(CaseType type, string reason, DateOnly on)
    {
        if (IsClosed) return CaseRefusals.Closed;
        if (!type.Content.SuspensionReasons.Any(r => r.Code == reason)) return CaseRefusals.SuspensionReasonNotAllowed;
        if (IsSuspended) return CaseRefusals.AlreadySuspended;
        if (on < ReceivedOn || Suspensions.Any(s => s.Until > on)) return CaseRefusals.DateBeforeReceipt;
        Suspensions = [.. Suspensions, new ClockSuspension(on, null) { Reason = reason }];
        return null;
    }

    public Refusal? Resume(DateOnly on)
    {
        if (IsClosed) return CaseRefusals.Closed;
        var open = Suspensions.FirstOrDefault(s => s.Until is null);
        if (open is null) return CaseRefusals.NotSuspended;
        if (on < open.From) return CaseRefusals.DateBeforeSuspension;
        Suspensions = [.. Suspensions.Select(s => s == open ? s with { Until = on } : s)];
        return null;
    }

    public Refusal? Extend(CaseType type, string reason, DateTimeOffset now)
    {
        if (IsClosed) return CaseRefusals.Closed;
        if (type.Content.ExtensionDays is not { } days) return CaseRefusals.ExtensionNotAllowed;
        if (Extension is not null) return CaseRefusals.AlreadyExtended;
        if (string.IsNullOrWhiteSpace(reason)) return CaseRefusals.ExtensionReasonMissing;
        Extension = new CaseExtension(days, reason.Trim(), now);
        return null;
    }

    public Refusal? Assign(CaseType type, Guid unitId, Guid? handlerId)
    {
        if (IsClosed) return CaseRefusals.Closed;
        if (!type.Content.UnitIds.Contains(unitId)) return CaseRefusals.UnitNotInvolved;
        UnitId = unitId;
        HandlerId = handlerId;
        return null;
    }
}

internal sealed record CaseExtension(int Days, string Reason, DateTimeOffset At);

internal enum PartyRole { Applicant, Representative }

internal enum PartyKind { Person, Company }

/// Someone the case is about or who acts for them; the number is stored normalised (11 digits
/// for a person, 10 for a company) so that a search by number finds every spelling of it.
internal sealed record CaseParty(PartyRole Role, PartyKind Kind, string Name, string? Number, string? Email, string? Phone, string? Address);

/// Why a case refused a change: the API's 409/422 and the pages' messages come from the code.
internal static class CaseRefusals
{
    public static readonly Refusal Closed = new(409, "case-closed", "The case is closed.");
    public static readonly Refusal UnknownStatus = new(422, "unknown-status", "This status is not in the case type's model.");
    public static readonly Refusal StatusNotAllowed = new(409, "status-change-not-allowed", "The case type's model does not lead from the current status to this one.");
    public static readonly Refusal AlreadyComplete = new(409, "case-already-complete", "The file is already complete.");
    public static readonly Refusal DateBeforeReceipt = new(422, "date-out-of-order", "The date is before the case was received or before the last suspension ended.");
    public static readonly Refusal SuspensionReasonNotAllowed = new(422, "suspension-reason-not-allowed", "The case type does not allow suspending the clock for this reason.");
    public static readonly Refusal AlreadySuspended = new(409, "case-already-suspended", "The clock is already suspended.");
    public static readonly Refusal NotSuspended = new(409, "case-not-suspended", "The clock is not suspended.");
    public static readonly Refusal DateBeforeSuspension = new(422, "date-out-of-order", "The clock cannot resume before it was suspended.");
    public static readonly Refusal ExtensionNotAllowed = new(422, "extension-not-allowed", "The case type allows no extension.");
    public static readonly Refusal AlreadyExtended = new(409, "case-already-extended", "The time was already extended once.");
    public static readonly Refusal ContactNotOpen = new(409, "contact-not-open", "The contact was answered, referred or turned into a case in the meantime.");
    public static readonly Refusal ExtensionReasonMissing = new(422, "extension-reason-missing", "An extension needs a reason.");
    public static readonly Refusal DecisionRequired = new(409, "decision-required", "This status is reached by issuing the decision, with its motivation and appeal information.");
    public static readonly Refusal UnitNotInvolved = new(422, "unit-not-involved", "This unit does not handle cases of this type.");
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("deliver_cases");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(20);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Status).HasMaxLength(50);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Suspensions).HasJsonConversion();
        b.Property(x => x.Extension).HasJsonConversion();
        b.Property(x => x.Parties).HasJsonConversion();
        // Work lists: a unit's open cases by due date, with the id as tie-breaker (keyset paging).
        b.HasIndex(x => new { x.UnitId, x.DueSort, x.Id });
        b.HasIndex(x => new { x.HandlerId, x.DueSort, x.Id });
        b.HasIndex(x => new { x.DueSort, x.Id });
        b.HasOne<CaseType>().WithMany().HasForeignKey(x => x.CaseTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}
