namespace Guichet.Welcome.Queue;

/// The calls of an office as the event log holds them (ticket called and recalled, by any node):
/// what the display board shows first and what its stream polls for.
internal static class QueueCalls
{
    private static readonly string CalledActivity = WelcomeActivities.TicketCalled.Code;
    private static readonly string RecalledActivity = WelcomeActivities.TicketRecalled.Code;

    /// Calls of the office recorded in the event log after entry <paramref name="after"/> (by any node).
    public static Task<List<QueueCall>> SinceAsync(GuichetDb db, Guid officeId, long after, DateTimeOffset since, CancellationToken ct) =>
        CallsAsync(Calls(db, officeId.ToString(), since).Where(e => e.Id > after).OrderBy(e => e.Id), officeId, ct);

    /// The last calls of an office today, newest first, for the board's first paint.
    public static Task<List<QueueCall>> RecentAsync(GuichetDb db, Guid officeId, DateTimeOffset since, int count, CancellationToken ct) =>
        CallsAsync(Calls(db, officeId.ToString(), since).OrderByDescending(e => e.Id).Take(count), officeId, ct);

    private static IQueryable<EventLogEntry> Calls(GuichetDb db, string office, DateTimeOffset since) =>
        db.Set<EventLogEntry>().AsNoTracking().Where(e => e.At >= since && (e.Activity == CalledActivity || e.Activity == RecalledActivity)
            && e.Objects.Any(o => o.ObjectType == "queue-office" && o.ObjectId == office));

    private static async Task<List<QueueCall>> CallsAsync(IQueryable<EventLogEntry> entries, Guid officeId, CancellationToken ct)
    {
        var rows = await entries.Select(e => new { e.Id, e.Activity, e.Attributes, e.At }).ToListAsync(ct);
        var calls = new List<QueueCall>();
        foreach (var row in rows)
        {
            using var json = JsonDocument.Parse(row.Attributes);
            if (json.RootElement.TryGetProperty("code", out var code) && json.RootElement.TryGetProperty("desk", out var desk) && desk.TryGetInt32(out var number))
                calls.Add(new QueueCall(row.Id, officeId, code.GetString() ?? "", number, row.Activity == RecalledActivity, row.At));
        }
        return calls;
    }
}
