namespace Guichet.Platform.EventLog;

/// One thing that happened: when it was recorded, when it happened in business terms (a letter
/// received last week, a decision notified on a date), who, what (the activity of the catalogue),
/// its kind, which objects in which role, and attributes. Append-only: there is no method that
/// changes an entry; only the retention job removes old ones. Its shape follows OCEL 2.0 (an event
/// relates to several objects, each with a qualifier) so process mining can read it as is.
internal sealed class EventLogEntry
{
    public long Id { get; private set; }

    /// When the platform recorded it.
    public DateTimeOffset At { get; private set; }

    /// When it happened for the process (the received date of a paper letter, the notification
    /// date of a decision); the same as At when the two do not differ.
    public DateTimeOffset OccurredAt { get; private set; }

    public EventKind Kind { get; private set; }
    public string Actor { get; private set; } = "";
    public string Activity { get; private set; } = "";
    public string Attributes { get; private set; } = "{}";
    public List<EventLogObject> Objects { get; private set; } = [];

    private EventLogEntry() { }

    internal EventLogEntry(DateTimeOffset at, DateTimeOffset occurredAt, string actor, Activity activity, IEnumerable<EventLogObject> objects, IReadOnlyDictionary<string, object?>? attributes)
    {
        At = at;
        OccurredAt = occurredAt;
        Kind = activity.Kind;
        Actor = actor;
        Activity = activity.Code;
        // One row per object and role (the same object named twice in one role is one relation), and
        // rows of this entry's own: a list of objects may be passed to several entries.
        Objects = [.. objects.DistinctBy(o => (o.ObjectType, o.ObjectId, o.Qualifier)).Select(o => new EventLogObject(o.ObjectType, o.ObjectId, o.Qualifier))];
        Attributes = JsonSerializer.Serialize(attributes ?? new Dictionary<string, object?>(), JsonColumn.Options);
    }
}

internal sealed class EventLogObject
{
    public long EventId { get; private set; }
    public string ObjectType { get; private set; } = "";
    public string ObjectId { get; private set; } = "";

    /// The object's role in the event (see Role), never a number or a name.
    public string Qualifier { get; private set; } = "";

    private EventLogObject() { }

    public EventLogObject(string objectType, string objectId, string qualifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(qualifier);
        ObjectType = objectType;
        ObjectId = objectId;
        Qualifier = qualifier;
    }
}

internal sealed class EventLogConfiguration : IEntityTypeConfiguration<EventLogEntry>, IEntityTypeConfiguration<EventLogObject>
{
    public void Configure(EntityTypeBuilder<EventLogEntry> b)
    {
        b.ToTable("platform_event_log");
        b.HasKey(e => e.Id);
        b.Property(e => e.Actor).HasMaxLength(200);
        b.Property(e => e.Activity).HasMaxLength(200);
        b.Property(e => e.Kind).HasConversion(k => k.ToString().ToLowerInvariant(), s => Enum.Parse<EventKind>(s, true)).HasMaxLength(20);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Activity, e.OccurredAt });
        b.HasIndex(e => new { e.Kind, e.At });
        b.HasMany(e => e.Objects).WithOne().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EventLogObject> b)
    {
        b.ToTable("platform_event_log_objects");
        b.HasKey(o => new { o.EventId, o.ObjectType, o.ObjectId, o.Qualifier });
        b.Property(o => o.ObjectType).HasMaxLength(100);
        b.Property(o => o.ObjectId).HasMaxLength(100);
        b.Property(o => o.Qualifier).HasMaxLength(100);
        b.HasIndex(o => new { o.ObjectType, o.ObjectId });
    }
}
