using System.Net;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Guichet.Welcome.Queue;
using Guichet.Welcome.Queue.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Welcome.Queue;

/// A host whose clock stands on Monday 5 October 2026, 09:00 in Brussels, and whose kiosk limit
/// lets a test issue many tickets. Each test starts a new day (NewDay), so tickets of earlier
/// tests are yesterday's and never called, and uses desks of its own (NewDeskAsync).
public sealed class QueueApp : GuichetApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 5, 7, 0, 0, TimeSpan.Zero));

    private int _deskNumber = 100;

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Limits:queue-kiosk:Permits", "100000");
        builder.UseSetting("Welcome:Queue:DisplayLanguages", "fr,nl");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// 09:00 on the next day the town hall counter opens (tickets are issued only while it is
    /// open): a weekday that is not a public holiday.
    public void NewDay()
    {
        var now = Clock.GetUtcNow();
        var day = Guichet.Platform.Calendar.BrusselsTime.LocalDate(now).AddDays(1);
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        Clock.Advance(Guichet.Platform.Calendar.BrusselsTime.ToInstant(day, new TimeOnly(9, 0)) - now);
    }

    private static readonly DateOnly[] Holidays = [new(2026, 11, 1), new(2026, 11, 11), new(2026, 12, 25), new(2027, 1, 1)];

    private static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day);

    public int NextDeskNumber() => Interlocked.Increment(ref _deskNumber);

    /// A new desk of the town hall office serving the given services.
    public async Task<Guid> NewDeskAsync(params Guid[] services) => await NewDeskAtAsync(QueueDemoSeeder.TownHallOffice, services);

    public async Task<Guid> NewDeskAtAsync(Guid office, params Guid[] services)
    {
        var admin = await ClientAsAsync(DemoAccounts.Admin);
        var response = await admin.PostAsync($"/api/v1/queue/offices/{office}/desks", JsonBody(new { number = NextDeskNumber(), serviceIds = services }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    internal QueueTicket Ticket(Guid id) => InScope(db => db.Set<QueueTicket>().AsNoTracking().Single(t => t.Id == id));

    internal (int Tickets, int Events) Counts() => InScope(db => (db.Set<QueueTicket>().Count(), db.Set<EventLogEntry>().Count()));
}

internal static class Q
{
    public static readonly Guid Office = QueueDemoSeeder.TownHallOffice;
    public static readonly Guid Eid = QueueDemoSeeder.Service("hautrival-eid");
    public static readonly Guid Passport = QueueDemoSeeder.Service("hautrival-passport");
    public static readonly Guid Address = QueueDemoSeeder.Service("hautrival-change-of-address");
    public static readonly Guid Licence = QueueDemoSeeder.Service("hautrival-driving-licence");
    public static readonly Guid CpasCounter = CatalogueDemoSeeder.StableId("channel:hautrival-cpas-counter");
    public static readonly Guid IntegrationIncome = CatalogueDemoSeeder.StableId("service:hautrival-integration-income");
    public static readonly Guid FpsNamurOffice = CatalogueDemoSeeder.StableId("channel:fps-taxation-namur-office");
    public static readonly Guid FpsTaxReturnHelp = CatalogueDemoSeeder.StableId("service:fps-tax-return-help");

    /// Issues a ticket through the kiosk's API; returns the ticket and its token.
    public static async Task<(Guid Id, string Code, string Token)> IssueAsync(HttpClient client, Guid service, string? priority = null, Guid? office = null)
    {
        var response = await client.PostAsync($"/api/v1/queue/offices/{office ?? Office}/tickets", JsonBody(new { serviceId = service, priority, language = "fr" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        var ticket = json.GetProperty("ticket");
        return (ticket.GetProperty("id").GetGuid(), ticket.GetProperty("code").GetString()!, json.GetProperty("token").GetString()!);
    }

    public static async Task<HttpResponseMessage> CallNextAsync(HttpClient staff, Guid desk) => await staff.PostAsync($"/api/v1/queue/desks/{desk}/call-next", null);

    /// The code of the ticket called next, or null when nobody waits.
    public static async Task<string?> CallNextCodeAsync(HttpClient staff, Guid desk)
    {
        var response = await CallNextAsync(staff, desk);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("code").GetString();
    }

    public static async Task<HttpResponseMessage> ActAsync(HttpClient staff, Guid desk, Guid ticket, string action, object? body = null) =>
        await staff.PostAsync($"/api/v1/queue/desks/{desk}/tickets/{ticket}/{action}", JsonBody(body ?? new { }));
}
