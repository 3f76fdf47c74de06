namespace Guichet.Platform.EventLog;

/// The one reader of an object's history in the journal (a case, a contact): its events in the
/// order they were recorded, of the kinds asked for. The staff history, the customer's status
/// page and the API's history all read through here.
internal static class JournalReader
{
    public static Task<List<EventLogEntry>> HistoryAsync(GuichetDb db, string objectType, Guid id, IReadOnlyCollection<EventKind> kinds, CancellationToken ct)
    {
        var key = id.ToString();
        var all = kinds.Count == Enum.GetValues<EventKind>().Length;
        return db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.Objects.Any(o => o.ObjectType == objectType && o.ObjectId == key))
            .Where(e => all || kinds.Contains(e.Kind))
            .OrderBy(e => e.Id)
            .ToListAsync(ct);
    }

    public static readonly EventKind[] Everything = Enum.GetValues<EventKind>();
    public static readonly EventKind[] ProcessOnly = [EventKind.Process];
}
