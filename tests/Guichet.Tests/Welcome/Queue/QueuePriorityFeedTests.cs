using System.Collections.Concurrent;
using Guichet.Tests.Support;
using Guichet.Welcome.Queue;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Guichet.Tests.Welcome.Queue;

/// Any feed plugs in through IQueuePriorityFeed (appointments have theirs, see QueueFlowTests).
/// This host registers a feed of its own to show that call-next honours it before priority tickets.
public sealed class FeedQueueApp : GuichetApp
{
    public DueTickets Feed { get; } = new();

    /// Monday 5 October 2026, 09:00 in Brussels: the counter is open (tickets are issued only then).
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 5, 7, 0, 0, TimeSpan.Zero));

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IQueuePriorityFeed>(Feed);
            services.AddSingleton<TimeProvider>(Clock);
        });

    public sealed class DueTickets : IQueuePriorityFeed
    {
        public ConcurrentQueue<Guid> Due { get; } = new();

        Task<IReadOnlyList<Guid>> IQueuePriorityFeed.DueTicketsAsync(Guid officeId, IReadOnlyCollection<Guid> serviceIds, DateTimeOffset now, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Guid>>([.. Due]);
    }
}

public sealed class QueuePriorityFeedTests(FeedQueueApp app) : IClassFixture<FeedQueueApp>
{
    [Fact]
    public async Task Tickets_named_by_a_priority_feed_are_called_before_priority_and_first_come_tickets()
    {
        var kiosk = app.Client();
        var first = await Q.IssueAsync(kiosk, Q.Address);
        var priority = await Q.IssueAsync(kiosk, Q.Address, "reducedMobility");
        var appointment = await Q.IssueAsync(kiosk, Q.Address);
        app.Feed.Due.Enqueue(Guid.NewGuid()); // a ticket that is not waiting here is skipped
        app.Feed.Due.Enqueue(appointment.Id);

        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var desk = Guichet.Welcome.Queue.Demo.QueueDemoSeeder.Desk(3);
        var order = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var response = await Q.CallNextAsync(staff, desk);
            var ticket = await response.ReadJsonAsync();
            order.Add(ticket.GetProperty("code").GetString());
            await Q.ActAsync(staff, desk, ticket.GetProperty("id").GetGuid(), "finish", new { outcome = "answered" });
        }
        Assert.Equal([appointment.Code, priority.Code, first.Code], order);
    }
}
