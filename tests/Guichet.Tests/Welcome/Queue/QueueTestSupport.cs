using System.Net;
using System.Text;
using System.Text.Json;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Guichet.Welcome.Queue;
using Guichet.Welcome.Queue.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

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
        builder.UseSetting("Welcome:Queue:KioskTicketsPerMinute", "100000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public void NewDay() => Clock.Advance(TimeSpan.FromDays(1));

    public int NextDeskNumber() => Interlocked.Increment(ref _deskNumber);

    /// A new desk of the town hall office serving the given services.
    public async Task<Guid> NewDeskAsync(params Guid[] services) => await NewDeskAtAsync(QueueDemoSeeder.TownHallOffice, services);

    public async Task<Guid> NewDeskAtAsync(Guid office, params Guid[] services)
    {
        var admin = await ClientAsAsync(DemoAccounts.Admin);
        var response = await admin.PostAsync($"/api/v1/queue/offices/{office}/desks", Q.Json(new { number = NextDeskNumber(), serviceIds = services }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await Q.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    internal List<string> Activities(Guid ticketId) => InScope(db =>
    {
        var id = ticketId.ToString();
        return db.Set<EventLogEntry>().AsNoTracking().Where(e => e.Objects.Any(o => o.ObjectType == "queue-ticket" && o.ObjectId == id))
            .OrderBy(e => e.Id).Select(e => e.Activity).ToList();
    });

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

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();

    /// Issues a ticket through the kiosk's API; returns the ticket and its token.
    public static async Task<(Guid Id, string Code, string Token)> IssueAsync(HttpClient client, Guid service, string? priority = null, Guid? office = null)
    {
        var response = await client.PostAsync($"/api/v1/queue/offices/{office ?? Office}/tickets", Json(new { serviceId = service, priority, language = "fr" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await ReadAsync(response);
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
        return (await ReadAsync(response)).GetProperty("code").GetString();
    }

    public static async Task<HttpResponseMessage> ActAsync(HttpClient staff, Guid desk, Guid ticket, string action, object? body = null) =>
        await staff.PostAsync($"/api/v1/queue/desks/{desk}/tickets/{ticket}/{action}", Json(body ?? new { }));

    public static async Task<(int Status, string Code, List<string> Invalid)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await ReadAsync(response);
        var invalid = json.TryGetProperty("invalidParams", out var list) ? list.EnumerateArray().Select(p => p.GetProperty("name").GetString()! + ":" + p.GetProperty("code").GetString()).ToList() : [];
        return ((int)response.StatusCode, json.GetProperty("code").GetString()!, invalid);
    }
}
