namespace Guichet.Improve.Processes;

/// One version of a catalogue service's declared process: the steps its customers go through
/// across the stages, each mapped to an activity of the journal, with the unit that owns it and a
/// norm time. A change makes a new version (as with case types); measurements and conformance read
/// the current one. The inventory is the list of these, one per service.
internal sealed class DeclaredProcess : Guichet.Platform.EventLog.IJournaled
{
    public const int MaxSteps = 40, MaxNormDays = 3650, MaxNote = 2000;

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int Version { get; private set; }
    public bool IsCurrent { get; private set; }
    public ProcessContent Content { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    private DeclaredProcess() { }

    public DeclaredProcess(Guid serviceId, Guid organisationId, int version, ProcessContent content, string createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ServiceId = serviceId;
        OrganisationId = organisationId;
        Version = version;
        IsCurrent = true;
        Content = content;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public void Supersede() => IsCurrent = false;
}

/// What a manager or quality officer declares: the owner unit of the whole process, the case type
/// whose cases follow it (none: every case type of the service), the steps in their order.
internal sealed record ProcessContent
{
    public required Guid OwnerUnitId { get; init; }
    public string? CaseType { get; init; }
    public required IReadOnlyList<ProcessStep> Steps { get; init; }
    public string? Note { get; init; }

    public bool SameAs(ProcessContent other) =>
        OwnerUnitId == other.OwnerUnitId && CaseType == other.CaseType && Note == other.Note && Steps.SequenceEqual(other.Steps);
}

/// A step: the journal activity that marks it done, the unit that owns it (none: the process's
/// owner), its norm time in working days counted by the one calendar from the step before (from
/// the receipt for the first), and whether a case may skip it (advice is asked only when needed).
internal sealed record ProcessStep(string Activity, Guid? UnitId, int NormDays, bool Optional);

internal sealed class DeclaredProcessConfiguration : IEntityTypeConfiguration<DeclaredProcess>
{
    public void Configure(EntityTypeBuilder<DeclaredProcess> b)
    {
        b.ToTable("improve_declared_processes");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ServiceId, x.Version }).IsUnique();
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.Content).HasJsonConversion();
    }
}
