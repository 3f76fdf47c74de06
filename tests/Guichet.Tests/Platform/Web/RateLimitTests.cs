using System.Net;
using Guichet.Platform.Data;
using Guichet.Platform.Web;
using Guichet.Tests.Support;
using Guichet.Welcome.Appointments;
using Guichet.Welcome.Contacts;
using Microsoft.AspNetCore.Hosting;

namespace Guichet.Tests.Platform.Web;

/// A host whose anonymous limits are small (3 posts per hour) so that the tests reach them; the
/// production defaults are in RateLimits.Defaults.
public class LimitedApp : GuichetApp
{
    public const int Permits = 3;

    public LimitedApp() { }

    protected LimitedApp(TestDatabase shared) : base(shared) { }

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        foreach (var limit in RateLimits.Defaults)
        {
            builder.UseSetting($"Limits:{limit.Name}:Permits", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"Limits:{limit.Name}:WindowSeconds", "3600");
        }
    }
}

public sealed class RateLimitTests(LimitedApp app) : IClassFixture<LimitedApp>
{
    private (int Contacts, int Appointments) Counts() => app.InScope(db => (db.Set<Contact>().Count(), db.Set<Appointment>().Count()));

    /// Posts until the limit: the first Permits posts are answered by the endpoint (whatever it
    /// says of their content), the next is 429 with Retry-After and stores nothing.
    private async Task<HttpResponseMessage> ExhaustAsync(string policy, Func<HttpClient, Task<HttpResponseMessage>> post)
    {
        var client = app.Client();
        for (var i = 0; i < LimitedApp.Permits; i++)
        {
            var r = await post(client);
            Assert.True(r.StatusCode != HttpStatusCode.TooManyRequests, $"{policy}: hit {i + 1} refused");
        }
        var before = Counts();
        var refused = await post(client);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal(before, Counts());
        Assert.Equal(LimitedApp.Permits + 1, app.InScope(db => db.Set<RateCounter>().Where(c => c.Policy == policy).Sum(c => c.Hits)));
        return refused;
    }

    private static FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    [Fact]
    public async Task Booking_through_the_API_is_limited_with_a_problem()
    {
        var refused = await ExhaustAsync(RateLimits.Booking, c => c.PostAsync("/api/v1/appointments", ApiJson.JsonBody(new { service = Guid.NewGuid() })));
        Assert.Equal("too-many-requests", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
        // The booking page counts in the same limit.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.Client().PostAsync("/appointments", Form(("name", "x")))).StatusCode);
    }

    [Fact]
    public async Task Queue_tickets_are_limited()
    {
        var refused = await ExhaustAsync(RateLimits.QueueKiosk, c => c.PostAsync($"/api/v1/queue/offices/{Guid.NewGuid()}/tickets", ApiJson.JsonBody(new { })));
        Assert.Equal("too-many-requests", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(RateLimits.ContactForm, "/contact?lang=en")]
    [InlineData(RateLimits.ComplaintForm, "/complaint?lang=en")]
    public async Task Public_forms_are_limited_with_a_readable_page(string policy, string path)
    {
        var refused = await ExhaustAsync(policy, c => c.PostAsync(path, Form(("name", "Amélie"), ("message", "Bonjour"))));
        var page = await Html.ParseAsync(refused);
        Assert.Contains("Too many requests", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Fact]
    public async Task Open311_posts_are_limited_in_the_Open311_error_format()
    {
        var refused = await ExhaustAsync(RateLimits.Open311Post, c => c.PostAsync("/open311/v2/requests.json", Form(("api_key", "gch_guess"), ("service_code", "x"))));
        var errors = await refused.ReadJsonAsync();
        Assert.Equal(429, errors[0].GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(errors[0].GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Reading_is_not_limited()
    {
        for (var i = 0; i < LimitedApp.Permits * 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/contact")).StatusCode);
    }
}

/// Another node of a LimitedApp's installation, with the same limits.
public sealed class LimitedNode(LimitedApp first) : LimitedApp(first.Database);

/// Two nodes of one installation (one database): a caller spreading its posts over both gets the
/// limit once, not twice.
public sealed class SharedRateLimitTests : IAsyncLifetime
{
    private readonly LimitedApp _first = new();
    private LimitedNode? _second;

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = new LimitedNode(_first);
        await ((IAsyncLifetime)_second).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_second is not null) await ((IAsyncLifetime)_second).DisposeAsync();
        await ((IAsyncLifetime)_first).DisposeAsync();
    }

    [Fact]
    public async Task Two_nodes_on_one_database_share_the_count()
    {
        HttpClient a = _first.Client(), b = _second!.Client();
        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { a, b, a, b })
            statuses.Add((await client.PostAsync("/contact", new FormUrlEncodedContent([]))).StatusCode);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..LimitedApp.Permits]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await a.PostAsync("/contact", new FormUrlEncodedContent([]))).StatusCode);
    }
}
