using System.Threading.Channels;

namespace Guichet.Welcome.Queue;

/// A ticket called (or called again) to a desk: what a display board announces. EventId is the
/// event-log entry of the call, so a board that also polls the database sees each call once.
internal sealed record QueueCall(long EventId, Guid OfficeId, string Code, int Desk, bool Recall, DateTimeOffset At);

/// Tells the display boards connected to this node about calls made on this node, at once. Boards
/// also poll the event log (QueueCalls) for calls made on other nodes.
internal sealed class QueueBroadcaster
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, List<Channel<QueueCall>>> _subscribers = [];

    public Subscription Subscribe(Guid officeId)
    {
        // A board that stops reading loses its oldest calls rather than holding memory.
        var channel = Channel.CreateBounded<QueueCall>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(officeId, out var list)) _subscribers[officeId] = list = [];
            list.Add(channel);
        }
        return new Subscription(channel.Reader, () =>
        {
            lock (_lock)
            {
                if (_subscribers.TryGetValue(officeId, out var list) && list.Remove(channel) && list.Count == 0) _subscribers.Remove(officeId);
            }
        });
    }

    public void Publish(QueueCall call)
    {
        Channel<QueueCall>[] targets;
        lock (_lock) targets = _subscribers.TryGetValue(call.OfficeId, out var list) ? [.. list] : [];
        foreach (var target in targets) target.Writer.TryWrite(call);
    }

    public int SubscriberCount(Guid officeId)
    {
        lock (_lock) return _subscribers.TryGetValue(officeId, out var list) ? list.Count : 0;
    }

    internal sealed class Subscription(ChannelReader<QueueCall> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<QueueCall> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
