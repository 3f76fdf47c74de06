using System.Net.Http.Headers;
using System.Text.Json;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Guichet.Welcome.Queue;

namespace Guichet.Tests.Welcome.Queue;

public sealed class QueueEventsTests(QueueApp app) : IClassFixture<QueueApp>
{
    /// Reads the stream until a `call` event comes, or fails when none comes in time.
    private static async Task<JsonElement> NextCallAsync(StreamReader reader, CancellationToken ct)
    {
        string? eventName = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) eventName = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "call") return JsonDocument.Parse(line[6..]).RootElement.Clone();
            else if (line.Length == 0) eventName = null;
        }
        throw new InvalidOperationException("The stream ended.");
    }

    private async Task<(HttpResponseMessage Response, StreamReader Reader)> OpenAsync(string language, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/queue/offices/{Q.Office}/events?lang={language}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await app.Client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        Assert.Equal("retry: 2000", await reader.ReadLineAsync(ct)); // the stream is open: calls from now on come
        return (response, reader);
    }

    [Fact]
    public async Task The_display_stream_delivers_a_call_and_a_recall()
    {
        app.NewDay();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (response, reader) = await OpenAsync("en", timeout.Token);
        using (response)
        using (reader)
        {
            var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);
            var (id, code, _) = await Q.IssueAsync(app.Client(), Q.Eid);
            var desk = await app.NewDeskAsync(Q.Eid);
            var number = app.InScope(db => db.Set<QueueDesk>().Single(d => d.Id == desk).Number);
            Assert.Equal(code, await Q.CallNextCodeAsync(staff, desk));

            var call = await NextCallAsync(reader, timeout.Token);
            Assert.Equal((code, number, false), (call.GetProperty("ticket").GetString(), call.GetProperty("desk").GetInt32(), call.GetProperty("recall").GetBoolean()));
            Assert.Equal($"{code} to desk {number}", call.GetProperty("text").GetString());

            await Q.ActAsync(staff, desk, id, "recall");
            var recall = await NextCallAsync(reader, timeout.Token);
            Assert.True(recall.GetProperty("recall").GetBoolean());
            Assert.True(recall.GetProperty("id").GetInt64() > call.GetProperty("id").GetInt64());
            await Q.ActAsync(staff, desk, id, "finish", new { outcome = "answered" });
        }
    }

    [Fact]
    public async Task A_call_made_on_another_node_reaches_the_display_through_the_database()
    {
        app.NewDay();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (response, reader) = await OpenAsync("fr", timeout.Token);
        using (response)
        using (reader)
        {
            // Another node records its call in the shared database; this node's broadcaster never hears of it.
            await app.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<GuichetDb>();
                sp.GetRequiredService<EventLog>().Record("staff:other-node", Guichet.Welcome.WelcomeActivities.TicketCalled,
                    [new EventLogObject("queue-ticket", Guid.NewGuid().ToString(), Role.Subject), new EventLogObject("queue-office", Q.Office.ToString(), Role.Office)],
                    new Dictionary<string, object?> { ["code"] = "C-007", ["desk"] = 3 });
                await db.SaveChangesAsync();
                return 0;
            });
            var call = await NextCallAsync(reader, timeout.Token);
            Assert.Equal(("C-007", 3, "C-007 au guichet 3"), (call.GetProperty("ticket").GetString(), call.GetProperty("desk").GetInt32(), call.GetProperty("text").GetString()));
        }
    }

    [Fact]
    public async Task An_unknown_office_has_no_stream() =>
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.Client().GetAsync($"/queue/offices/{Guid.NewGuid()}/events")).StatusCode);
}
