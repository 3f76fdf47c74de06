using Guichet.Welcome.Contacts;

namespace Guichet.Follow.Complaints;

internal enum ComplaintStatus { Registered, Acknowledged, InHandling, Answered }

internal enum ComplaintOutcome { Founded, PartlyFounded, Unfounded }

internal enum AcknowledgementChannel { Email, Letter }

/// Where a deadline stands on a given day: still ahead, close (warning), passed without the
/// step (breached), or kept / missed once the step was taken.
internal enum DeadlineState { Running, Warning, Breached, Met, Missed }

/// A complaint (federal circular of 14 March 2013): registered with a unique number, always
/// acknowledged (practice: within 10 working days), answered with reasons and the second line
/// (practice: within 30 calendar days). It came in as a contact of Welcome's register, whose id
/// it keeps; it may be about a service, a unit, a case and that case's decision. A complaint
/// about a decision is not an appeal: the pages say so and show the decision's appeal procedure.
internal sealed class Complaint : Guichet.Platform.EventLog.IJournaled
{
    public const int MaxSubject = 300, MaxDescription = 10_000, MaxText = 4000;

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid? ContactId { get; private set; }
    public ContactChannel Channel { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public CustomerKind CustomerKind { get; private set; }
    /// National or enterprise number, normalised; null when anonymous.
    public string? CustomerNumber { get; private set; }
    public string? CustomerName { get; private set; }
    public string? Email { get; private set; }
    public string? Address { get; private set; }
    public string Language { get; private set; } = "fr";
    public string Category { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Guid? ServiceId { get; private set; }
    public Guid? UnitId { get; private set; }
    public Guid? CaseId { get; private set; }
    public string? CaseNumber { get; private set; }
    public Guid? DecisionId { get; private set; }
    public DateOnly AcknowledgeBy { get; private set; }
    public DateOnly AnswerBy { get; private set; }
    public DateOnly? AcknowledgedOn { get; private set; }
    public AcknowledgementChannel? AcknowledgedBy { get; private set; }
    public ComplaintStatus Status { get; private set; }
    /// The complaint officer (a staff user's id).
    public Guid? OfficerId { get; private set; }
    public string? ViewQuestion { get; private set; }
    public Guid? ViewUnitId { get; private set; }
    public DateOnly? ViewDueOn { get; private set; }
    public string? View { get; private set; }
    public DateTimeOffset? ViewGivenAt { get; private set; }
    public ComplaintOutcome? Outcome { get; private set; }
    public string? Reasons { get; private set; }
    public string? Measures { get; private set; }
    public string? SecondLine { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    public string? AnsweredBy { get; private set; }
    public string RegisteredBy { get; private set; } = "";

    private Complaint() { }

    public Complaint(string number, Guid? contactId, ContactChannel channel, DateTimeOffset receivedAt, DateOnly receivedOn, CustomerKind kind, string? customerNumber,
        string? name, string? email, string? address, string language, string category, string subject, string description,
        Guid? serviceId, Guid? unitId, Guid? caseId, string? caseNumber, Guid? decisionId, DateOnly acknowledgeBy, DateOnly answerBy, string registeredBy)
    {
        Id = Guid.NewGuid();
        Number = number;
        ContactId = contactId;
        Channel = channel;
        ReceivedAt = receivedAt;
        ReceivedOn = receivedOn;
        CustomerKind = kind;
        CustomerNumber = customerNumber;
        CustomerName = name;
        Email = email;
        Address = address;
        Language = language;
        Category = category;
        Subject = subject;
        Description = description;
        ServiceId = serviceId;
        UnitId = unitId;
        CaseId = caseId;
        CaseNumber = caseNumber;
        DecisionId = decisionId;
        AcknowledgeBy = acknowledgeBy;
        AnswerBy = answerBy;
        RegisteredBy = registeredBy;
        Status = ComplaintStatus.Registered;
    }

    public bool IsAnswered => Status == ComplaintStatus.Answered;

    public bool ViewAwaited => ViewQuestion is not null && ViewGivenAt is null;

    /// The acknowledgement left (a mail queued, a letter printed); the first one counts.
    public void Acknowledge(AcknowledgementChannel channel, DateOnly on)
    {
        if (AcknowledgedOn is not null) return;
        AcknowledgedOn = on;
        AcknowledgedBy = channel;
        if (Status == ComplaintStatus.Registered) Status = ComplaintStatus.Acknowledged;
    }

    public Refusal? Assign(Guid? officerId, Guid unitId)
    {
        if (IsAnswered) return ComplaintRefusals.Answered;
        OfficerId = officerId;
        UnitId = unitId;
        Status = ComplaintStatus.InHandling;
        return null;
    }

    public Refusal? AskView(string question, DateOnly dueOn)
    {
        if (IsAnswered) return ComplaintRefusals.Answered;
        if (UnitId is not { } unit) return ComplaintRefusals.NoUnit;
        if (ViewAwaited) return ComplaintRefusals.ViewAlreadyAsked;
        ViewQuestion = question;
        ViewUnitId = unit;
        ViewDueOn = dueOn;
        View = null;
        ViewGivenAt = null;
        Status = ComplaintStatus.InHandling;
        return null;
    }

    public Refusal? GiveView(string view, DateTimeOffset now)
    {
        if (!ViewAwaited) return ComplaintRefusals.NoViewAsked;
        View = view;
        ViewGivenAt = now;
        return null;
    }

    /// The reasoned answer: the reasons and the second line are what the circular asks for, so an
    /// answer without them is refused here, whatever page or client sends it.
    public Refusal? Answer(ComplaintOutcome outcome, string? reasons, string? measures, string? secondLine, DateOnly on, string by)
    {
        if (IsAnswered) return ComplaintRefusals.Answered;
        if (string.IsNullOrWhiteSpace(reasons)) return ComplaintRefusals.ReasonsMissing;
        if (string.IsNullOrWhiteSpace(secondLine)) return ComplaintRefusals.SecondLineMissing;
        Outcome = outcome;
        Reasons = reasons.Trim();
        Measures = string.IsNullOrWhiteSpace(measures) ? null : measures.Trim();
        SecondLine = secondLine.Trim();
        AnsweredOn = on;
        AnsweredBy = by;
        Status = ComplaintStatus.Answered;
        return null;
    }

    public DeadlineState AcknowledgementState(DateOnly today, int warningDays) => State(AcknowledgeBy, AcknowledgedOn, today, warningDays);

    public DeadlineState AnswerState(DateOnly today, int warningDays) => State(AnswerBy, AnsweredOn, today, warningDays);

    public static DeadlineState State(DateOnly due, DateOnly? done, DateOnly today, int warningDays) =>
        done is { } d ? (d <= due ? DeadlineState.Met : DeadlineState.Missed)
        : today > due ? DeadlineState.Breached
        : today.AddDays(warningDays) >= due ? DeadlineState.Warning
        : DeadlineState.Running;
}

/// The stable refusals of complaint handling, the same through the API and the pages.
internal static class ComplaintRefusals
{
    public static readonly Refusal ReasonsMissing = new(422, "complaint-answer-reasons-missing", "An answer to a complaint states its reasons.");
    public static readonly Refusal SecondLineMissing = new(422, "complaint-second-line-missing", "An answer to a complaint names the second line (the Ombudsman) and how to reach it.");
    public static readonly Refusal Answered = new(409, "complaint-answered", "This complaint has already been answered.");
    public static readonly Refusal NoUnit = new(409, "complaint-without-unit", "Assign the complaint to the unit concerned first.");
    public static readonly Refusal ViewAlreadyAsked = new(409, "complaint-view-already-asked", "The unit's view is already asked and not given yet.");
    public static readonly Refusal NoViewAsked = new(409, "complaint-no-view-asked", "No view is awaited on this complaint.");
    public static readonly Refusal ContactAlreadyComplaint = new(409, "contact-already-complaint", "This contact is already registered as a complaint.");
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("follow_complaints");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(20);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CustomerKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.AcknowledgedBy).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CustomerNumber).HasMaxLength(11);
        b.Property(x => x.CustomerName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Category).HasMaxLength(50);
        b.Property(x => x.Subject).HasMaxLength(Complaint.MaxSubject);
        b.Property(x => x.Description).HasMaxLength(Complaint.MaxDescription);
        b.Property(x => x.CaseNumber).HasMaxLength(20);
        b.Property(x => x.ViewQuestion).HasMaxLength(Complaint.MaxText);
        b.Property(x => x.View).HasMaxLength(Complaint.MaxText);
        b.Property(x => x.Reasons).HasMaxLength(Complaint.MaxText);
        b.Property(x => x.Measures).HasMaxLength(Complaint.MaxText);
        b.Property(x => x.SecondLine).HasMaxLength(Complaint.MaxText);
        b.Property(x => x.AnsweredBy).HasMaxLength(200);
        b.Property(x => x.RegisteredBy).HasMaxLength(200);
        // One complaint per contact: turning a contact into a complaint twice is refused, by the database too.
        b.HasIndex(x => x.ContactId).IsUnique();
        b.HasIndex(x => new { x.UnitId, x.AnswerBy });
        b.HasIndex(x => new { x.Status, x.AnswerBy });
    }
}
