using Guichet.Deliver.Cases;

namespace Guichet.Deliver.Advice;

/// An internal service level between units: the unit handling a case asks another unit (the
/// legal service, the technical service) for its advice, to be given within the agreed working
/// days. Kept when answered by the due date; broken when answered late or still open after it.
internal sealed class AdviceRequest : Guichet.Platform.EventLog.IJournaled, ICasePart
{
    public const int MaxText = 4000;

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public Guid FromUnitId { get; private set; }
    public Guid ToUnitId { get; private set; }
    public string Question { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateOnly RequestedOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    public string? AnsweredBy { get; private set; }

    private AdviceRequest() { }

    public AdviceRequest(Guid caseId, string caseNumber, Guid fromUnitId, Guid toUnitId, string question, DateOnly requestedOn, DateOnly dueOn, DateTimeOffset now, string by)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        CaseNumber = caseNumber;
        FromUnitId = fromUnitId;
        ToUnitId = toUnitId;
        Question = question;
        RequestedOn = requestedOn;
        DueOn = dueOn;
        RequestedAt = now;
        RequestedBy = by;
    }

    public bool IsOpen => AnsweredAt is null;

    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;

    /// Null while open and not yet due.
    public bool? Kept(DateOnly today) => AnsweredOn is { } answered ? answered <= DueOn : today > DueOn ? false : null;

    public void Give(string answer, DateOnly on, DateTimeOffset now, string by)
    {
        Answer = answer;
        AnsweredOn = on;
        AnsweredAt = now;
        AnsweredBy = by;
    }
}

/// How many working days a unit has to give its advice: a default and agreements per pair of units.
internal sealed class AdviceOptions
{
    public const string Section = "Deliver:Advice";

    public int DefaultWorkingDays { get; set; } = 5;

    public List<AdviceAgreement> Agreements { get; set; } = [];

    public int WorkingDaysFor(Guid from, Guid to) =>
        Agreements.FirstOrDefault(a => a.From == from && a.To == to)?.WorkingDays
        ?? Agreements.FirstOrDefault(a => a.From is null && a.To == to)?.WorkingDays
        ?? DefaultWorkingDays;
}

/// "The legal service answers the urban planning service within 10 working days"; From null: any unit.
internal sealed class AdviceAgreement
{
    public Guid? From { get; set; }
    public Guid To { get; set; }
    public int WorkingDays { get; set; }
}

internal static class AdviceRefusals
{
    public static readonly Refusal AlreadyGiven = new(409, "advice-already-given", "This advice was already given.");
}

internal sealed class AdviceRequestConfiguration : IEntityTypeConfiguration<AdviceRequest>
{
    public void Configure(EntityTypeBuilder<AdviceRequest> b)
    {
        b.ToTable("deliver_advice_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.CaseNumber).HasMaxLength(20);
        b.Property(x => x.Question).HasMaxLength(AdviceRequest.MaxText);
        b.Property(x => x.Answer).HasMaxLength(AdviceRequest.MaxText);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.AnsweredBy).HasMaxLength(200);
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => new { x.ToUnitId, x.AnsweredAt, x.DueOn });
        b.HasIndex(x => new { x.FromUnitId, x.AnsweredAt, x.DueOn });
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
