using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guichet.Follow.Webhooks;
using Guichet.Platform.EventLog;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Follow.Webhooks;

/// A real HTTP receiver on a random loopback port, as an integrator's system would be: it answers
/// each path as told (200, 500, or too late) and keeps what it received.
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly WebApplication _app;
    public ConcurrentQueue<Received> Requests { get; } = new();
    public ConcurrentDictionary<string, string> Modes { get; } = new();
    public string BaseUrl { get; }

    private WebhookReceiver(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? self = null;
        app.MapPost("/{name}", async (string name, HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            self!.Requests.Enqueue(new Received(name, headers, body));
            switch (self.Modes.GetValueOrDefault(name, "ok"))
            {
                case "fail": return Results.StatusCode(500);
                case "slow": await Task.Delay(TimeSpan.FromSeconds(4)); return Results.Ok();
                default: return Results.Ok();
            }
        });
        await app.StartAsync();
        var address = app.Urls.First();
        self = new WebhookReceiver(app, address);
        return self;
    }

    public List<Received> To(string name) => [.. Requests.Where(r => r.Path == name)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class WebhooksApp : GuichetApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        TestMailServer.UseIn(builder);
        builder.UseSetting("Follow:Webhooks:SettleSeconds", "0");
        builder.UseSetting("Follow:Webhooks:TimeoutSeconds", "1");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task DispatchAllAsync()
    {
        while (await Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync() > 0) { }
    }

    public Task<int> RunJobAsync() => Services.GetRequiredService<WebhookJob>().RunOnceAsync();
}

public sealed class WebhooksTests(WebhooksApp app) : IClassFixture<WebhooksApp>, IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    private async Task<(Guid Id, string Secret)> SubscribeAsync(string name, params string[] types)
    {
        var client = await app.ClientAsAsync(DemoAccounts.Admin);
        var response = await client.PostAsync("/api/v1/webhooks", JsonBody(new { url = $"{receiver.BaseUrl}/{name}", description = "Test " + name, eventTypes = types }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        return (json.GetProperty("id").GetGuid(), json.GetProperty("secret").GetString()!);
    }

    private async Task<Guid> OpenCaseAsync()
    {
        var response = await (await app.ClientAsAsync(DemoAccounts.CaseHandler)).PostAsJsonAsync("/api/v1/cases", new
        {
            caseType = "building-permit", language = "fr", subject = "Véranda",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Amélie Lambert", number = "85.07.30-033.28", email = "amelie.webhook@example.be" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static string Signature(string secret, string id, string timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    [Fact]
    public async Task An_event_arrives_once_as_a_signed_thin_cloud_event()
    {
        var (_, secret) = await SubscribeAsync("signed", "case.opened");
        var caseId = await OpenCaseAsync();
        Assert.True(await app.RunJobAsync() >= 1);
        await app.DispatchAllAsync();

        var received = Assert.Single(receiver.To("signed"));
        Assert.StartsWith("application/cloudevents+json", received.Headers["content-type"]);
        Assert.Equal(Signature(secret, received.Headers["webhook-id"], received.Headers["webhook-timestamp"], received.Body), received.Headers["webhook-signature"]);
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), received.Headers["webhook-timestamp"]);
        var cloudEvent = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("be.guichet.case.opened", cloudEvent.GetProperty("type").GetString());
        Assert.Equal($"case/{caseId}", cloudEvent.GetProperty("subject").GetString());
        Assert.Equal($"https://localhost/api/v1/cases/{caseId}", cloudEvent.GetProperty("data").GetProperty("url").GetString());
        var eventId = app.InScope(db => db.Set<EventLogEntry>().Where(e => e.Activity == "deliver.case.opened" && e.Objects.Any(o => o.ObjectId == caseId.ToString())).Select(e => e.Id).Single());
        Assert.Equal(eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), cloudEvent.GetProperty("id").GetString());
        // Thin: nothing personal travels.
        Assert.DoesNotContain("Amélie", received.Body);
        Assert.DoesNotContain("Lambert", received.Body);
        Assert.DoesNotContain("85.07.30", received.Body);
        Assert.DoesNotContain("850730", received.Body);
        Assert.DoesNotContain("example.be", received.Body);
        Assert.DoesNotContain("Véranda", received.Body);

        // The job run again sends nothing twice.
        await app.RunJobAsync();
        await app.DispatchAllAsync();
        Assert.Single(receiver.To("signed"));
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_the_same_id_until_it_answers()
    {
        var (flaky, _) = await SubscribeAsync("flaky", "case.opened");
        receiver.Modes["flaky"] = "fail";
        await OpenCaseAsync();
        await app.RunJobAsync();
        await app.DispatchAllAsync();
        Assert.Single(receiver.To("flaky"));
        var message = app.InScope(db => db.Set<OutboxMessage>().Where(m => m.Kind == "webhook").AsEnumerable().Single(m => m.Payload.Contains(flaky.ToString(), StringComparison.Ordinal)));
        Assert.Equal(1, message.Attempts);
        Assert.Contains("500", message.LastError);

        receiver.Modes["flaky"] = "ok";
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // past the outbox's first retry delay
        await app.DispatchAllAsync();
        var both = receiver.To("flaky");
        Assert.Equal(2, both.Count);
        Assert.Equal(both[0].Headers["webhook-id"], both[1].Headers["webhook-id"]);
        Assert.NotNull(app.Message(message.Id).SentAt);
        Assert.NotNull(app.InScope(db => db.Set<WebhookSubscription>().Single(s => s.Url.EndsWith("/flaky")).LastSuccessAt));
    }

    [Fact]
    public async Task A_slow_receiver_times_out_and_is_retried()
    {
        var (slow, _) = await SubscribeAsync("slow", "case.opened");
        receiver.Modes["slow"] = "slow";
        await OpenCaseAsync();
        await app.RunJobAsync();
        await app.DispatchAllAsync();
        var message = app.InScope(db => db.Set<OutboxMessage>().Where(m => m.Kind == "webhook").AsEnumerable().Single(m => m.Payload.Contains(slow.ToString(), StringComparison.Ordinal)));
        Assert.Contains("did not answer within 1 s", message.LastError);
        Assert.Null(message.DeadLetteredAt);
    }

    [Fact]
    public async Task A_receiver_failing_for_days_is_switched_off_and_the_admins_are_told_at_most_once_a_day()
    {
        var (id, _) = await SubscribeAsync("broken", "case.opened");
        receiver.Modes["broken"] = "fail";
        await OpenCaseAsync();
        await app.RunJobAsync();
        int Alerts() => app.InScope(db => db.Set<OutboxMessage>().Count(m => m.Kind == "mail" && m.Summary.Contains("/broken")));
        for (var i = 0; i < 4; i++)
        {
            await app.DispatchAllAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(15)); // past each retry delay (30 s, 2 min, 10 min)
        }
        Assert.Equal(1, Alerts()); // the third failure told the admins; the fourth, the same day, did not
        var failing = app.InScope(db => db.Set<WebhookSubscription>().Single(s => s.Id == id));
        Assert.True(failing.Active);
        Assert.Equal(4, failing.Failures);

        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.DispatchAllAsync();
        var off = app.InScope(db => db.Set<WebhookSubscription>().Single(s => s.Id == id));
        Assert.False(off.Active);
        Assert.NotNull(off.DisabledAt);
        Assert.Equal(2, Alerts()); // a day later: the switch-off is told
        Assert.Contains("follow.webhook.disabled", app.Activities("webhook-subscription", id));
        Assert.Equal(5, receiver.To("broken").Count);
        await app.DispatchAllAsync();
        var alert = await TestMailServer.MailsToAsync(DemoAccounts.Admin, atLeast: 2);
        Assert.Contains(alert, m => m.Subject.Contains("/broken", StringComparison.Ordinal));

        // Switched off: new events are not queued for it; switched on again, they are.
        await OpenCaseAsync();
        await app.RunJobAsync();
        await app.DispatchAllAsync();
        Assert.Equal(5, receiver.To("broken").Count);
        var client = await app.ClientAsAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/webhooks/{id}/enable", null)).StatusCode);
        receiver.Modes["broken"] = "ok";
        await OpenCaseAsync();
        await app.RunJobAsync();
        await app.DispatchAllAsync();
        Assert.Equal(6, receiver.To("broken").Count);
    }

    public static TheoryData<string, string, string> BadSubscriptions => new()
    {
        { """{"url":"ftp://example.be/hook","eventTypes":["case.opened"]}""", "url", "invalid-url" },
        { """{"url":"not a url","eventTypes":["case.opened"]}""", "url", "invalid-url" },
        { """{"url":"https://localhost/api/v1/hook","eventTypes":["case.opened"]}""", "url", "url-is-the-platform" },
        { """{"url":"https://LOCALHOST:8443/x","eventTypes":["case.opened"]}""", "url", "url-is-the-platform" },
        { """{"eventTypes":["case.opened"]}""", "url", "required" },
        { """{"url":"https://example.be/hook","eventTypes":["case.exploded"]}""", "eventTypes", "unknown-event-type" },
        { """{"url":"https://example.be/hook","eventTypes":[]}""", "eventTypes", "required" },
        { """{"url":"https://example.be/hook","eventTypes":["case.opened"],"secret":"plain"}""", "secret", "invalid-secret" },
    };

    [Theory, MemberData(nameof(BadSubscriptions))]
    public async Task A_bad_subscription_is_refused_and_nothing_is_stored(string json, string field, string code)
    {
        var client = await app.ClientAsAsync(DemoAccounts.Admin);
        (int, int) Counts() => app.InScope(db => (db.Set<WebhookSubscription>().Count(), db.Set<EventLogEntry>().Count(e => e.Activity.StartsWith("follow.webhook"))));
        var before = Counts();
        var response = await client.PostAsync("/api/v1/webhooks", JsonBody(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{field}:{code}", (await response.ProblemAsync()).Invalid);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task The_admin_page_subscribes_a_receiver_and_shows_its_secret_once()
    {
        var session = await app.SignedInAsync(DemoAccounts.Admin, "fr");
        var page = await session.PageAsync("/staff/webhooks");
        var bad = await session.SubmitAsync(page, "form#webhook-form", new Dictionary<string, string> { ["url"] = "https://localhost/x", ["eventTypes"] = "case.opened" }, "/staff/webhooks");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("#url", Html.ErrorSummaryLinks(await Html.ParseAsync(bad)));
        var good = await session.SubmitAsync(page, "form#webhook-form", new Dictionary<string, string> { ["url"] = receiver.BaseUrl + "/page", ["eventTypes"] = "decision.issued" }, "/staff/webhooks");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var shown = await Html.ParseAsync(good);
        Assert.StartsWith("whsec_", shown.QuerySelector("#new-secret")?.GetAttribute("value"));
        var again = await session.PageAsync("/staff/webhooks");
        Assert.Null(again.QuerySelector("#new-secret"));
        Assert.Contains(receiver.BaseUrl + "/page", again.Body!.TextContent);
    }
}
