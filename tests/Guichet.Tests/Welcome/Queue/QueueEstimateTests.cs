using System.Net;
using Guichet.Tests.Support;
using Guichet.Welcome.Queue;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Welcome.Queue;

public sealed class QueueEstimateRuleTests
{
    [Theory]
    [InlineData(8, 3, 2, 12)]
    [InlineData(5, 1, 2, 3)]   // 2.5 minutes: rounded up
    [InlineData(6, 0, 1, 0)]   // nobody ahead
    public void The_wait_is_the_median_service_time_times_the_people_ahead_over_the_open_desks(int medianMinutes, int ahead, int desks, int expected) =>
        Assert.Equal(expected, QueueEstimates.Minutes(TimeSpan.FromMinutes(medianMinutes), ahead, desks));

    [Fact]
    public void Without_an_open_desk_there_is_no_estimate() => Assert.Null(QueueEstimates.Minutes(TimeSpan.FromMinutes(5), 4, 0));

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(TimeSpan.FromMinutes(5), QueueEstimates.Median([TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(2)]));
}

public sealed class QueueEstimateTests(QueueApp app) : IClassFixture<QueueApp>
{
    [Fact]
    public async Task The_estimate_comes_from_recent_service_times_and_the_waiting_times_from_the_event_log()
    {
        app.NewDay();
        var kiosk = app.Client();
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);

        // No served ticket yet: the default service time (8 minutes); demo desks 2 and 3 are open for the driving licence.
        var first = await Q.IssueAsync(kiosk, Q.Licence);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Q.IssueAsync(kiosk, Q.Licence);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await Q.IssueAsync(kiosk, Q.Licence);
        var estimate = (await (await kiosk.GetAsync($"/api/v1/queue/estimates?service={Q.Licence}")).ReadJsonAsync())[0];
        Assert.Equal((3, 2, 8.0, 12), (estimate.GetProperty("waiting").GetInt32(), estimate.GetProperty("openDesks").GetInt32(),
            estimate.GetProperty("medianServiceMinutes").GetDouble(), estimate.GetProperty("estimatedMinutes").GetInt32()));

        // Three visits of 4, 6 and 20 minutes at a third desk.
        var desk = await app.NewDeskAsync(Q.Licence);
        foreach (var (ticket, minutes) in new[] { (first, 4), (second, 6), (third, 20) })
        {
            Assert.Equal(ticket.Code, await Q.CallNextCodeAsync(staff, desk));
            Assert.Equal(HttpStatusCode.OK, (await Q.ActAsync(staff, desk, ticket.Id, "start")).StatusCode);
            app.Clock.Advance(TimeSpan.FromMinutes(minutes));
            Assert.Equal(HttpStatusCode.OK, (await Q.ActAsync(staff, desk, ticket.Id, "finish", new { outcome = "answered" })).StatusCode);
        }

        // Median 6 minutes, three open desks: four people waiting make 8 minutes; the fourth ticket has three before it.
        for (var i = 0; i < 3; i++) await Q.IssueAsync(kiosk, Q.Licence);
        var response = await kiosk.PostAsync($"/api/v1/queue/offices/{Q.Office}/tickets", JsonBody(new { serviceId = Q.Licence }));
        var issued = await response.ReadJsonAsync();
        Assert.Equal((3, 6), (issued.GetProperty("ahead").GetInt32(), issued.GetProperty("estimatedMinutes").GetInt32()));
        estimate = (await (await kiosk.GetAsync($"/api/v1/queue/estimates?service={Q.Licence}")).ReadJsonAsync())[0];
        Assert.Equal((4, 3, 6.0, 8), (estimate.GetProperty("waiting").GetInt32(), estimate.GetProperty("openDesks").GetInt32(),
            estimate.GetProperty("medianServiceMinutes").GetDouble(), estimate.GetProperty("estimatedMinutes").GetInt32()));
        Assert.Equal(Q.Office, estimate.GetProperty("officeId").GetGuid());
        Assert.StartsWith("Hôtel de ville", estimate.GetProperty("officeName").GetProperty("fr").GetString());

        // The query service the public service page uses says the same.
        var estimates = await app.InScopeAsync(sp => sp.GetRequiredService<QueueEstimates>().ForServiceAsync(Q.Licence));
        Assert.Equal(8, Assert.Single(estimates).Minutes);

        // Waiting times (issue to first call) come from the event log: 2, 5 and 10 minutes.
        var stats = await (await staff.GetAsync($"/api/v1/queue/offices/{Q.Office}/statistics")).ReadJsonAsync();
        var licence = stats.EnumerateArray().Single(s => s.GetProperty("serviceId").GetGuid() == Q.Licence);
        Assert.Equal((7, 3, 3, 0), (licence.GetProperty("issued").GetInt32(), licence.GetProperty("called").GetInt32(), licence.GetProperty("served").GetInt32(), licence.GetProperty("noShows").GetInt32()));
        Assert.Equal((5.7, 5.0, 10.0), (licence.GetProperty("averageWaitMinutes").GetDouble(), licence.GetProperty("medianWaitMinutes").GetDouble(), licence.GetProperty("p90WaitMinutes").GetDouble()));

        // Every desk serving it closed: no estimate rather than a wrong one.
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        foreach (var d in new[] { desk, Guichet.Welcome.Queue.Demo.QueueDemoSeeder.Desk(2), Guichet.Welcome.Queue.Demo.QueueDemoSeeder.Desk(3) })
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/queue/desks/{d}/close", null)).StatusCode);
        estimate = (await (await kiosk.GetAsync($"/api/v1/queue/estimates?service={Q.Licence}")).ReadJsonAsync())[0];
        Assert.Equal(0, estimate.GetProperty("openDesks").GetInt32());
        Assert.False(estimate.TryGetProperty("estimatedMinutes", out _));
        foreach (var d in new[] { Guichet.Welcome.Queue.Demo.QueueDemoSeeder.Desk(2), Guichet.Welcome.Queue.Demo.QueueDemoSeeder.Desk(3) })
            await admin.PostAsync($"/api/v1/queue/desks/{d}/open", null);
    }

    [Fact]
    public async Task Estimates_need_a_known_published_service()
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/queue/estimates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/queue/estimates?service={Guid.NewGuid()}")).StatusCode);
        // A published service without a queue anywhere: an empty list.
        var none = await client.GetAsync($"/api/v1/queue/estimates?service={Guichet.Orient.Catalogue.Demo.CatalogueDemoSeeder.StableId("service:hautrival-marriage")}");
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal(0, (await none.ReadJsonAsync()).GetArrayLength());
    }
}
