namespace Guichet.Platform.EventLog;

/// How long each kind of journal event is kept, in days (ADR 0013). Process events feed the
/// improvement loop's year-on-year figures; access events answer a data subject's question "who
/// saw my data" (an organisation authorised to use the National Register keeps them as its
/// authorisation says: raise AccessDays); administration events record the set-up.
internal sealed class JournalRetentionOptions
{
    public const string Section = "Journal:Retention";
    public int ProcessDays { get; set; } = 3650;
    public int AccessDays { get; set; } = 730;
    public int AdministrationDays { get; set; } = 1825;

    /// Minutes between two runs; 0 turns the job off (tests run it themselves).
    public int IntervalMinutes { get; set; } = 24 * 60;

    public int DaysFor(EventKind kind) => kind switch
    {
        EventKind.Process => ProcessDays,
        EventKind.Access => AccessDays,
        _ => AdministrationDays,
    };
}

/// The retention job: removes journal events older than their kind's retention, in batches, and
/// applies every module's retention rule (IRetentionRule: expired links, personal data of past
/// appointments, old counters), on every node (a delete twice is harmless); the only code that
/// removes journal entries.
internal sealed class JournalRetention(IServiceScopeFactory scopes, TimeProvider time, IOptions<JournalRetentionOptions> options, ILogger<JournalRetention> log)
    : PeriodicJob(time, log)
{
    private readonly TimeProvider _time = time;
    private readonly ILogger _log = log;

    private const int Batch = 5000;

    protected override TimeSpan? Interval => TimeSpan.FromMinutes(options.Value.IntervalMinutes);

    protected override async Task RoundAsync(CancellationToken ct)
    {
        var removed = await PurgeAsync(ct);
        if (removed > 0) _log.LogInformation("Journal retention removed {Count} events past their retention.", removed);
        foreach (var (rule, count) in await ApplyRulesAsync(ct))
            if (count > 0) _log.LogInformation("Retention {Rule}: {Count} records removed or blanked.", rule, count);
    }

    /// Applies each module's retention rule, each in a scope (and a save) of its own.
    public async Task<IReadOnlyList<(string Rule, int Count)>> ApplyRulesAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var done = new List<(string, int)>();
        using var outer = scopes.CreateScope();
        foreach (var name in outer.ServiceProvider.GetServices<IRetentionRule>().Select(r => r.Name).ToList())
        {
            using var scope = scopes.CreateScope();
            var rule = scope.ServiceProvider.GetServices<IRetentionRule>().Single(r => r.Name == name);
            done.Add((name, await rule.ApplyAsync(scope.ServiceProvider.GetRequiredService<GuichetDb>(), now, ct)));
        }
        return done;
    }

    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var removed = 0;
        var now = _time.GetUtcNow();
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            var before = now.AddDays(-options.Value.DaysFor(kind));
            while (true)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
                var ids = await db.Set<EventLogEntry>().Where(e => e.Kind == kind && e.At < before).OrderBy(e => e.Id).Select(e => e.Id).Take(Batch).ToListAsync(ct);
                if (ids.Count == 0) break;
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.Set<EventLogObject>().Where(o => ids.Contains(o.EventId)).ExecuteDeleteAsync(ct);
                removed += await db.Set<EventLogEntry>().Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        return removed;
    }
}
