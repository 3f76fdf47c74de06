using Guichet.Deliver.CaseTypes.Demo;
using Guichet.Deliver;

namespace Guichet.Deliver.CaseTypes;

/// One version of a case type: how a kind of request for a catalogue service is processed. A
/// change makes a new version; a running case keeps the version it started under.
internal sealed class CaseType : Guichet.Platform.EventLog.IJournaled
{
    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public int Version { get; private set; }
    public bool IsCurrent { get; private set; }
    public Guid ServiceId { get; private set; }
    public CaseTypeContent Content { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }

    private CaseType() { }

    public CaseType(Guid id, string code, int version, Guid serviceId, CaseTypeContent content, DateTimeOffset now)
    {
        Id = id;
        Code = code;
        Version = version;
        ServiceId = serviceId;
        Content = content;
        IsCurrent = true;
        CreatedAt = now;
    }

    public void Supersede() => IsCurrent = false;

    public CaseStatus InitialStatus => Content.Statuses[0];

    public CaseStatus? Status(string code) => Content.Statuses.FirstOrDefault(s => s.Code == code);

    public bool AllowsMove(string from, string to) => Status(from)?.Next.Contains(to) ?? false;
}

/// Everything an admin writes about a case type; validated as a whole by CaseTypeRules.
internal sealed record CaseTypeContent
{
    public required LocalizedText Name { get; init; }
    /// The statutory processing time: the promise to the customer.
    public required ClockRule Clock { get; init; }
    /// The internal service norm, shorter than the statutory time.
    public int InternalNormDays { get; init; }
    /// Why the clock may be suspended; empty: it may not.
    public IReadOnlyList<CodedText> SuspensionReasons { get; init; } = [];
    /// The one extension allowed, in the clock's unit; null: none.
    public int? ExtensionDays { get; init; }
    public IReadOnlyList<LocalizedText> RequiredDocuments { get; init; } = [];
    /// In order; the first is where a case starts.
    public required IReadOnlyList<CaseStatus> Statuses { get; init; }
    /// The units that handle such cases; the first receives new ones.
    public required IReadOnlyList<Guid> UnitIds { get; init; }
    public IReadOnlyList<DecisionOutcome> Outcomes { get; init; } = [DecisionOutcome.Granted, DecisionOutcome.Refused];
    public required AppealInformation Appeal { get; init; }
    public IReadOnlyList<LocalizedText> LegalGroundTemplates { get; init; } = [];
}

internal sealed record CodedText(string Code, LocalizedText Label);

/// A step of the status model, with what the customer reads about it and how long it usually
/// takes. A final status closes the case; a decision status is final and reached only by issuing
/// the decision (never by a plain status change), so that "decided" always has its decision.
internal sealed record CaseStatus(string Code, LocalizedText CustomerText, int ExpectedDays, IReadOnlyList<string> Next, bool Final = false, bool Decision = false);

internal enum DecisionOutcome { Granted, Refused, PartiallyGranted, Inadmissible }

/// How to appeal a decision (law of 11 April 1994, art. 2, 4°): the body, the form, the deadline
/// in days from notification, and where to send it.
internal sealed record AppealInformation(LocalizedText Body, LocalizedText Form, int DeadlineDays, LocalizedText Address);

internal sealed class CaseTypeConfiguration : IEntityTypeConfiguration<CaseType>
{
    public void Configure(EntityTypeBuilder<CaseType> b)
    {
        b.ToTable("deliver_case_types");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(50);
        b.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        b.HasIndex(x => x.ServiceId);
        b.Property(x => x.Content).HasJsonConversion();
    }
}
