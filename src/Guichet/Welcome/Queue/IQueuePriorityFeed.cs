namespace Guichet.Welcome.Queue;

/// Extension point for "appointments due now first": a feed names waiting tickets of an office
/// that a desk must call before priority and first-come tickets (e.g. customers with an
/// appointment who checked in: Appointments/AppointmentQueueFeed). Call-next asks every
/// registered feed, in registration order.
internal interface IQueuePriorityFeed
{
    /// Ids of waiting tickets of <paramref name="officeId"/> for <paramref name="serviceIds"/>,
    /// most urgent first.
    Task<IReadOnlyList<Guid>> DueTicketsAsync(Guid officeId, IReadOnlyCollection<Guid> serviceIds, DateTimeOffset now, CancellationToken ct);
}
