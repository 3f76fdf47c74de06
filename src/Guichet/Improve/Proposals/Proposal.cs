namespace Guichet.Improve.Proposals;

/// Where a proposal stands: made, accepted by whoever decides, being carried out, done (on a day,
/// from which its effect is measured) or dropped. Done and dropped are final.
internal enum ProposalStatus { Proposed, Accepted, InProgress, Done, Dropped }

/// An improvement proposal: a change to a service's process (and one of its steps), the problem it
/// answers with a link to the figure or graph that shows it, the unit and the person who carry it,
/// and the KPI it must move with its target. Once done, its effect is measured on the journal over
/// equal windows before and after the day it was done (ProposalEffect).
internal sealed class Proposal : Guichet.Platform.EventLog.IJournaled
{
    public const int MaxTitle = 200, MaxText = 4000, MaxEvidence = 500, MaxNote = 1000, MinWindow = 7, MaxWindow = 366, DefaultWindow = 28;

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    /// A readable reference within the organisation: "P-2026-004" is the fourth proposal of 2026.
    public string Reference { get; private set; } = "";
    public Guid ServiceId { get; private set; }
    public ProposalContent Content { get; private set; } = null!;
    public ProposalStatus Status { get; private set; }
    /// The day the change was done (its effect is measured from the day after).
    public DateOnly? DoneOn { get; private set; }
    public List<ProposalStatusChange> History { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    /// Raised by every change: two people changing the same proposal at once cannot both win.
    public int Revision { get; private set; }

    private Proposal() { }

    public Proposal(Guid organisationId, string reference, Guid serviceId, ProposalContent content, string by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Reference = reference;
        ServiceId = serviceId;
        Content = content;
        Status = ProposalStatus.Proposed;
        CreatedAt = now;
        CreatedBy = by;
        History = [new ProposalStatusChange(ProposalStatus.Proposed, now, by, null, null)];
    }

    public bool IsOpen => Status is not (ProposalStatus.Done or ProposalStatus.Dropped);

    /// The statuses a proposal may go to from where it stands.
    public static IReadOnlyList<ProposalStatus> Next(ProposalStatus from) => from switch
    {
        ProposalStatus.Proposed => [ProposalStatus.Accepted, ProposalStatus.Dropped],
        ProposalStatus.Accepted => [ProposalStatus.InProgress, ProposalStatus.Done, ProposalStatus.Dropped],
        ProposalStatus.InProgress => [ProposalStatus.Done, ProposalStatus.Dropped],
        _ => [],
    };

    public void Revise(ProposalContent content)
    {
        Content = content;
        Revision++;
    }

    public void Move(ProposalStatus to, DateOnly? doneOn, string? note, string by, DateTimeOffset now)
    {
        Status = to;
        DoneOn = to == ProposalStatus.Done ? doneOn : null;
        History = [.. History, new ProposalStatusChange(to, now, by, note, DoneOn)];
        Revision++;
    }
}

/// What a proposal says, as made or revised.
internal sealed record ProposalContent
{
    public required string Title { get; init; }
    /// The journal activity of the declared process's step it changes (none: the process as a whole).
    public string? Step { get; init; }
    public required string Problem { get; init; }
    /// The staff page of the figure or graph that shows the problem (a measurement, the mining map).
    public string? Evidence { get; init; }
    public required string Change { get; init; }
    public required Guid OwnerUnitId { get; init; }
    public Guid? OwnerId { get; init; }
    public required string Kpi { get; init; }
    public required double Target { get; init; }
    /// The length in days of each of the two windows compared (before and after the change).
    public required int WindowDays { get; init; }
}

/// One line of a proposal's history: the status it went to, when, by whom, why, and for done the day.
internal sealed record ProposalStatusChange(ProposalStatus Status, DateTimeOffset At, string By, string? Note, DateOnly? DoneOn);

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("improve_proposals");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
        b.HasIndex(x => x.ServiceId);
        b.Property(x => x.Reference).HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Content).HasJsonConversion();
        b.Property(x => x.History).HasJsonConversion();
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
