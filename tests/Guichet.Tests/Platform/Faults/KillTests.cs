using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Tests.Support;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Platform.Faults;

/// kill -9 of the app under write load (issue 12, §7): every write the app acknowledged (201)
/// is there after a restart, on the provider the suite runs on.
public sealed class KillTests : IAsyncLifetime
{
    private static readonly Guid Passport = CatalogueDemoSeeder.StableId("service:hautrival-passport");
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Every_acknowledged_write_is_there_after_a_kill_minus_9_and_a_restart()
    {
        await using var app = new AppProcess(_db, new Dictionary<string, string> { ["Outbox:Enabled"] = "false" });
        await app.CommandAsync("migrate");
        await app.CommandAsync("seed", "--demo");
        var token = (await app.CommandAsync("token", "create", "--email", DemoAccounts.FrontOffice, "--name", "load")).Trim();
        await app.StartAsync();

        var acknowledged = new ConcurrentBag<Guid>();
        using var killed = new CancellationTokenSource();
        async Task WriterAsync(int writer)
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            for (var i = 0; !killed.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await client.PostAsync("/api/v1/contacts", JsonBody(new
                    {
                        channel = "phone", customerKind = "person", customerName = "Load Test", language = "fr", subject = $"Load {writer}-{i}", serviceId = Passport,
                    }));
                    if (response.StatusCode == HttpStatusCode.Created)
                        acknowledged.Add(Guid.Parse((await response.ReadJsonAsync()).GetProperty("id").GetString()!));
                    else Assert.Fail($"Unexpected {(int)response.StatusCode} under load.");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // the app is gone: what was not answered was not acknowledged
                }
            }
        }
        var writers = Enumerable.Range(0, 6).Select(WriterAsync).ToList();
        // Kill while the writers are busy: once enough writes were acknowledged, not at a set time.
        var until = DateTime.UtcNow.AddSeconds(120);
        while (acknowledged.Count < 60 && DateTime.UtcNow < until) await Task.Delay(20);
        Assert.True(acknowledged.Count >= 60, $"Only {acknowledged.Count} writes in 120 s.");
        app.Kill();
        killed.Cancel();
        await Task.WhenAll(writers);

        await app.StartAsync();
        using var reader = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var missing = new List<Guid>();
        foreach (var id in acknowledged)
            if ((await reader.GetAsync($"/api/v1/contacts/{id}")).StatusCode != HttpStatusCode.OK) missing.Add(id);
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged writes are missing after the restart.");
    }
}
