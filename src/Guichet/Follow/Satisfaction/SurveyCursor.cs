namespace Guichet.Follow.Satisfaction;

/// How far the survey job has read the journal: the id of the last trigger event it handled.
/// One row; a node moves it from the value it read to the next event in the same transaction as
/// the survey it makes, so two nodes never handle one event twice.
internal sealed class SurveyCursor
{
    public const int TheOne = 1;

    public int Id { get; private set; }
    public long LastEventId { get; private set; }

    private SurveyCursor() { }

    public SurveyCursor(long lastEventId)
    {
        Id = TheOne;
        LastEventId = lastEventId;
    }
}

internal sealed class SurveyCursorConfiguration : IEntityTypeConfiguration<SurveyCursor>
{
    public void Configure(EntityTypeBuilder<SurveyCursor> b)
    {
        b.ToTable("follow_survey_cursor");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}
