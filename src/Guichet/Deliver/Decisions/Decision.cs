using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Cases;

namespace Guichet.Deliver.Decisions;

internal enum NotificationChannel { Email, Post }

/// The motivated decision that ends a case (law of 29 July 1991: factual and legal grounds in
/// the act itself), with the appeal information it must carry (law of 11 April 1994), all in
/// the language of procedure. Once issued it never changes: an appeal is recorded beside it.
internal sealed class Decision : Guichet.Platform.EventLog.IJournaled
{
    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DecisionOutcome Outcome { get; private set; }
    public string FactualGrounds { get; private set; } = "";
    public string LegalGrounds { get; private set; } = "";
    public AppealBlock Appeal { get; private set; } = null!;
    public string Language { get; private set; } = "fr";
    public NotificationChannel Channel { get; private set; }
    public DateOnly SentOn { get; private set; }
    /// When the customer is deemed to have received it: the day of the e-mail, or the third
    /// working day after posting a letter.
    public DateOnly NotifiedOn { get; private set; }
    /// The last day to appeal: notification + the appeal deadline, moved to the next working day
    /// when it ends on a day off.
    public DateOnly AppealDeadline { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public string IssuedBy { get; private set; } = "";

    private Decision() { }

    public Decision(Guid caseId, DecisionOutcome outcome, string factualGrounds, string legalGrounds, AppealBlock appeal, string language,
        NotificationChannel channel, DateOnly sentOn, DateOnly notifiedOn, DateOnly appealDeadline, DateTimeOffset issuedAt, string issuedBy)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        Outcome = outcome;
        FactualGrounds = factualGrounds;
        LegalGrounds = legalGrounds;
        Appeal = appeal;
        Language = language;
        Channel = channel;
        SentOn = sentOn;
        NotifiedOn = notifiedOn;
        AppealDeadline = appealDeadline;
        IssuedAt = issuedAt;
        IssuedBy = issuedBy;
    }
}

/// The appeal information as printed in the decision: texts in the language of procedure.
internal sealed record AppealBlock(string Body, string Form, int DeadlineDays, string Address);

internal enum AppealKind { Appeal, Objection }

/// An appeal or objection lodged against an issued decision. It links to the closed case and
/// its decision and changes neither.
internal sealed class LodgedAppeal : Guichet.Platform.EventLog.IJournaled, ICasePart
{
    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid DecisionId { get; private set; }
    public AppealKind Kind { get; private set; }
    public DateOnly LodgedOn { get; private set; }
    public string LodgedWith { get; private set; } = "";
    public string? Reference { get; private set; }
    public string Summary { get; private set; } = "";
    /// Lodged after the appeal deadline: recorded all the same, for the competent body to judge.
    public bool Late { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public string RegisteredBy { get; private set; } = "";

    private LodgedAppeal() { }

    public LodgedAppeal(Decision decision, AppealKind kind, DateOnly lodgedOn, string lodgedWith, string? reference, string summary, DateTimeOffset now, string by)
    {
        Id = Guid.NewGuid();
        CaseId = decision.CaseId;
        DecisionId = decision.Id;
        Kind = kind;
        LodgedOn = lodgedOn;
        LodgedWith = lodgedWith;
        Reference = reference;
        Summary = summary;
        Late = lodgedOn > decision.AppealDeadline;
        RegisteredAt = now;
        RegisteredBy = by;
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> b)
    {
        b.ToTable("deliver_decisions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CaseId).IsUnique(); // one decision per case, enforced by the database too
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.IssuedBy).HasMaxLength(200);
        b.Property(x => x.Appeal).HasJsonConversion();
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LodgedAppealConfiguration : IEntityTypeConfiguration<LodgedAppeal>
{
    public void Configure(EntityTypeBuilder<LodgedAppeal> b)
    {
        b.ToTable("deliver_appeals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LodgedWith).HasMaxLength(300);
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.RegisteredBy).HasMaxLength(200);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Decision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
