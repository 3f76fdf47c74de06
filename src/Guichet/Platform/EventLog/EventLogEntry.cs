using System.Text.Json;
using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Platform.EventLog;

/// One thing that happened: when, who, what (the activity), which objects, and attributes.
/// Append-only: there is no method that changes or removes an entry. Its shape follows OCEL 2.0
/// (an event relates to several objects, each with a qualifier) so process mining can read it as is.
internal sealed class EventLogEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Activity { get; private set; } = "";
    public string Attributes { get; private set; } = "{}";
    public List<EventLogObject> Objects { get; private set; } = [];

    private EventLogEntry() { }

    internal EventLogEntry(DateTimeOffset at, string actor, string activity, IEnumerable<EventLogObject> objects, IReadOnlyDictionary<string, object?>? attributes)
    {
        At = at;
        Actor = actor;
        Activity = activity;
        Objects = objects.ToList();
        Attributes = JsonSerializer.Serialize(attributes ?? new Dictionary<string, object?>(), JsonColumn.Options);
    }
}

internal sealed class EventLogObject
{
    public long EventId { get; private set; }
    public string ObjectType { get; private set; } = "";
    public string ObjectId { get; private set; } = "";
    public string Qualifier { get; private set; } = "";

    private EventLogObject() { }

    public EventLogObject(string objectType, string objectId, string qualifier = "")
    {
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
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.Activity);
        b.HasMany(e => e.Objects).WithOne().HasForeignKey(o => o.EventId);
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
