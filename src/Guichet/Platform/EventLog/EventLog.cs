using System.Security.Claims;
using Guichet.Platform.Data;

namespace Guichet.Platform.EventLog;

/// Records what happened in the same unit of work as the change itself: the entry is added to
/// the use case's GuichetDb and committed by its SaveChanges, so both land or neither does.
internal sealed class EventLog(GuichetDb db, TimeProvider time)
{
    public EventLogEntry Record(
        ClaimsPrincipal? user,
        string activity,
        IEnumerable<EventLogObject> objects,
        IReadOnlyDictionary<string, object?>? attributes = null) =>
        Record(ActorOf(user), activity, objects, attributes);

    public EventLogEntry Record(
        string actor,
        string activity,
        IEnumerable<EventLogObject> objects,
        IReadOnlyDictionary<string, object?>? attributes = null)
    {
        var entry = new EventLogEntry(time.GetUtcNow(), actor, activity, objects, attributes);
        db.Add(entry);
        return entry;
    }

    public static string ActorOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? "staff:" + (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity.Name ?? "?")
            : "anonymous";
}
