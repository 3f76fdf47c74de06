using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.Platform.EventLog;

/// Marks an entity whose every stored change is a state change of a customer-facing object: a
/// save that adds, changes or removes one must add its journal event too.
internal interface IJournaled;

/// A guard for the test runs (Journal:Guard=true): a SaveChanges that touches an IJournaled
/// entity without adding a journal entry fails, so a missing event (a missing measurement for
/// the improvement loop) cannot come back unnoticed; and an event that names an object role or an
/// attribute its activity does not declare fails too, so docs/journal.md stays what the journal
/// holds. Off in production: it only checks.
internal sealed class JournalGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? db)
    {
        if (db is null) return;
        var entries = db.ChangeTracker.Entries().ToList();
        var events = entries.Where(e => e.Entity is EventLogEntry && e.State == EntityState.Added).Select(e => (EventLogEntry)e.Entity).ToList();
        foreach (var entry in events) CheckDeclared(entry);
        if (events.Count > 0) return;
        var unrecorded = entries
            .Where(e => e.Entity is IJournaled && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => $"{e.Entity.GetType().Name} {e.State}")
            .Distinct().ToList();
        if (unrecorded.Count > 0)
            throw new InvalidOperationException("Journal guard: a change without its journal event: " + string.Join(", ", unrecorded));
    }

    /// The event names only what its activity declares: objects as type:role, attribute names.
    private static void CheckDeclared(EventLogEntry entry)
    {
        // Only an Activity can be recorded; one outside the catalogue is the tests' own set-up marker.
        if (ActivityCatalogue.Find(entry.Activity) is not { } activity) return;
        var objects = entry.Objects.Select(o => o.ObjectType + ":" + o.Qualifier).Distinct().Except(activity.Objects).ToList();
        using var json = JsonDocument.Parse(entry.Attributes);
        var attributes = json.RootElement.EnumerateObject().Select(p => p.Name).Except(activity.Attributes).ToList();
        if (objects.Count > 0 || attributes.Count > 0)
            throw new InvalidOperationException($"Journal guard: {entry.Activity} names what its catalogue entry does not declare: "
                + string.Join(", ", objects.Select(o => "object " + o).Concat(attributes.Select(a => "attribute " + a))));
    }
}
