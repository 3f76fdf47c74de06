using Guichet.Deliver.Cases;

namespace Guichet.Deliver.Requests;

/// "Please send document X by date D": asked of the customer by e-mail or letter, answered with
/// an upload on the case's status page. Asking suspends the clock; the answer resumes it. A
/// request still open when the case is decided is withdrawn with the decision: a decided case
/// asks the customer for nothing.
internal sealed class CustomerRequest : Guichet.Platform.EventLog.IJournaled, ICasePart
{
    public const int MaxText = 2000;

    /// The suspension reason a request stops the clock with, where the case type allows it.
    public const string MissingDocumentReason = "missing-document";

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string What { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? AnsweredAt { get; private set; }
    public Guid? DocumentId { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    private CustomerRequest() { }

    public CustomerRequest(Guid caseId, string what, DateOnly dueOn, DateTimeOffset now, string by)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        What = what;
        DueOn = dueOn;
        CreatedAt = now;
        CreatedBy = by;
    }

    public bool IsOpen => AnsweredAt is null && WithdrawnAt is null;

    public void Answer(Guid documentId, DateTimeOffset now)
    {
        AnsweredAt = now;
        DocumentId = documentId;
    }

    public void Withdraw(DateTimeOffset now) => WithdrawnAt = now;
}

internal static class RequestRefusals
{
    public static readonly Refusal Answered = new(409, "request-already-answered", "This request was already answered.");
    public static readonly Refusal Withdrawn = new(409, "request-withdrawn", "This request was withdrawn: the case was decided.");
    public static readonly Refusal CaseDecided = new(409, "case-decided", "The case is decided: the customer is asked for nothing more.");
}

internal sealed class CustomerRequestConfiguration : IEntityTypeConfiguration<CustomerRequest>
{
    public void Configure(EntityTypeBuilder<CustomerRequest> b)
    {
        b.ToTable("deliver_customer_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.What).HasMaxLength(CustomerRequest.MaxText);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
