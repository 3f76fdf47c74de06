namespace Guichet.Improve.Mining;

/// A log of another system, imported to be analysed with the same views as the live journal: kept
/// apart from the journal, in its own tables, until someone deletes it.
internal sealed class AnalysisSpace : IJournaled
{
    public const int MaxName = 200;

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Format { get; private set; } = "";
    public int Events { get; private set; }
    public int Cases { get; private set; }
    public int Activities { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private AnalysisSpace() { }

    public AnalysisSpace(Guid id, string name, ImportedLog log, string createdBy, DateTimeOffset now)
    {
        Id = id;
        Name = name;
        Format = log.Format;
        Events = log.Events.Count;
        Cases = log.CaseCount;
        Activities = log.Events.Select(e => e.Activity).Distinct(StringComparer.Ordinal).Count();
        CreatedBy = createdBy;
        CreatedAt = now;
    }
}

/// One imported event, flattened on its case; Seq keeps the file's order for events at the same instant.
internal sealed class AnalysisEvent
{
    public const int MaxText = 300;

    public Guid SpaceId { get; private set; }
    public int Seq { get; private set; }
    public string CaseId { get; private set; } = "";
    public string Activity { get; private set; } = "";
    public DateTimeOffset Time { get; private set; }
    public string? Lifecycle { get; private set; }
    public string? Resource { get; private set; }
    public string? Unit { get; private set; }

    private AnalysisEvent() { }

    public AnalysisEvent(Guid spaceId, int seq, LogEvent e)
    {
        SpaceId = spaceId;
        Seq = seq;
        CaseId = e.Case;
        Activity = e.Activity;
        Time = e.Time.ToUniversalTime(); // PostgreSQL keeps instants in UTC only
        Lifecycle = e.Lifecycle;
        Resource = e.Resource;
        Unit = e.Unit;
    }

    public LogEvent ToLogEvent() => new(CaseId, Activity, Time, Lifecycle, Resource, Unit);
}

internal sealed class AnalysisSpaceConfiguration : IEntityTypeConfiguration<AnalysisSpace>, IEntityTypeConfiguration<AnalysisEvent>
{
    public void Configure(EntityTypeBuilder<AnalysisSpace> b)
    {
        b.ToTable("improve_analysis_spaces");
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(AnalysisSpace.MaxName);
        b.Property(s => s.Format).HasMaxLength(10);
        b.Property(s => s.CreatedBy).HasMaxLength(200);
        b.HasIndex(s => s.CreatedAt);
    }

    public void Configure(EntityTypeBuilder<AnalysisEvent> b)
    {
        b.ToTable("improve_analysis_events");
        b.HasKey(e => new { e.SpaceId, e.Seq });
        b.Property(e => e.CaseId).HasMaxLength(AnalysisEvent.MaxText);
        b.Property(e => e.Activity).HasMaxLength(AnalysisEvent.MaxText);
        b.Property(e => e.Lifecycle).HasMaxLength(AnalysisEvent.MaxText);
        b.Property(e => e.Resource).HasMaxLength(AnalysisEvent.MaxText);
        b.Property(e => e.Unit).HasMaxLength(AnalysisEvent.MaxText);
        b.HasOne<AnalysisSpace>().WithMany().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
