namespace Guichet.Follow.Satisfaction;

/// Reads the journal on every node, like the outbox dispatcher reads the outbox: earlier stages
/// do not know Follow, so a closed case, a served ticket or an answered complaint reaches the
/// survey through its journal event (ADR 0012), never through a call.
internal sealed class SurveyJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<SatisfactionOptions> options, ILogger<SurveyJob> log)
    : PeriodicJob(time, log)
{
    protected override TimeSpan? Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override async Task RoundAsync(CancellationToken ct)
    {
        // A full batch means more may be waiting: go on at once.
        while (await RunOnceAsync(ct) >= options.Value.BatchSize) { }
    }

    /// One batch (tests call it themselves).
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyWork>().RequestDueAsync(ct);
    }
}
