using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.Platform.EventLog;

/// Marks an entity whose every stored change is a state change of a customer-facing object: a
/// save that adds, changes or removes one must add its journal event too.
internal interface IJournaled;

/// A guard for the test runs (Journal:Guard=true): a SaveChanges that touches an IJournaled
/// entity without adding a journal entry fails, so a missing event (a missing measurement for
/// the improvement loop) cannot come back unnoticed. Off in production: it only checks.
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
        if (entries.Any(e => e.Entity is EventLogEntry && e.State == EntityState.Added)) return;
        var unrecorded = entries
            .Where(e => e.Entity is IJournaled && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => $"{e.Entity.GetType().Name} {e.State}")
            .Distinct().ToList();
        if (unrecorded.Count > 0)
            throw new InvalidOperationException("Journal guard: a change without its journal event: " + string.Join(", ", unrecorded));
    }
}
