namespace Guichet.Platform.Data;

/// A background job that runs one round every interval on every node (rounds are written so that
/// two nodes running them at once do no harm). A failed round is logged, not thrown: the database
/// or a server may be away for a moment, and the next round tries again.
internal abstract class PeriodicJob(TimeProvider clock, ILogger log) : BackgroundService
{
    /// The time between two rounds; null or zero turns the job off (tests run rounds themselves).
    protected abstract TimeSpan? Interval { get; }

    protected abstract Task RoundAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval is not { } interval || interval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Job} failed; retrying at the next round.", GetType().Name);
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
