using Guichet.Orient.Public;

namespace Guichet.Welcome.Queue;

/// Orient's service page asks for the wait now; the queue answers from its estimate, per counter
/// (an office is a counter of the catalogue). Counters with no open desk give no estimate.
internal sealed class QueueWaitingTimes(QueueEstimates estimates) : IWaitingTimes
{
    public async Task<IReadOnlyList<WaitingTime>> ForServiceAsync(Guid serviceId, CancellationToken ct) =>
        [.. (await estimates.ForServiceAsync(serviceId, ct)).Where(e => e.Minutes is not null).Select(e => new WaitingTime(e.ChannelId, e.Minutes!.Value))];
}
