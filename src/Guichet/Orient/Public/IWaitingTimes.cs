namespace Guichet.Orient.Public;

/// The estimated wait now at one counter for a service ("about 15 minutes now").
internal sealed record WaitingTime(Guid ChannelId, int Minutes);

/// What the service page asks a later stage (the counter queue, in Welcome) without knowing it:
/// the wait now at each counter taking queue tickets for a service. None registered, or no
/// estimate for a counter (no desk open), and the page says nothing about waiting.
internal interface IWaitingTimes
{
    Task<IReadOnlyList<WaitingTime>> ForServiceAsync(Guid serviceId, CancellationToken ct);
}
