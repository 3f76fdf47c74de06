namespace Guichet.Platform.EventLog;

/// Records what happened in the same unit of work as the change itself: the entry is added to
/// the use case's GuichetDb and committed by its SaveChanges, so both land or neither does.
/// Every activity comes from a stage's catalogue (XActivities); see docs/journal.md.
internal sealed class EventLog(GuichetDb db, TimeProvider time, JournalKey key)
{
    public EventLogEntry Record(
        ClaimsPrincipal? user,
        Activity activity,
        IEnumerable<EventLogObject> objects,
        IReadOnlyDictionary<string, object?>? attributes = null,
        DateTimeOffset? occurredAt = null) =>
        Record(ActorOf(user), activity, objects, attributes, occurredAt);

    public EventLogEntry Record(
        string actor,
        Activity activity,
        IEnumerable<EventLogObject> objects,
        IReadOnlyDictionary<string, object?>? attributes = null,
        DateTimeOffset? occurredAt = null)
    {
        var now = time.GetUtcNow();
        var entry = new EventLogEntry(now, occurredAt ?? now, actor, activity, objects, attributes);
        db.Add(entry);
        return entry;
    }

    /// The customer as a journal object: a keyed hash of the national or enterprise number (a
    /// stable pseudonym), never the number itself (ADR 0013).
    public EventLogObject Customer(string number) => new("customer", key.Pseudonym(number), Role.Customer);

    public static string ActorOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? "staff:" + (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity.Name ?? "?")
            : "anonymous";

    /// The instant a business date stands for: the moment itself when the date is today, else
    /// the start of that day in Brussels (a letter received on Monday was received on Monday).
    public static DateTimeOffset OccurredOn(DateOnly date, DateTimeOffset now) =>
        Calendar.BrusselsTime.LocalDate(now) == date ? now : Calendar.BrusselsTime.ToInstant(date, TimeOnly.MinValue);
}
