using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guichet.Platform.Calendar;
using Guichet.Platform.Identity;
using Guichet.Welcome.Queue;
using Guichet.Welcome.Queue.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Guichet.Bench;

/// The counter queue: tickets issued by the kiosk endpoint at 1 and 16 clients against the same
/// rows inserted bare, and the delay from a desk's call-next to the call arriving on the display
/// board's Server-Sent Events stream, on the same node and from another node (a second app
/// process on the same database, which the board finds by polling the event log).
internal static class QueueBench
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(BenchOptions o)
    {
        foreach (var provider in BenchDatabase.Providers(o.Provider))
        {
            var report = await RunProviderAsync(o, provider);
            var file = $"bench/out/queue-{provider}.md";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, report);
            Console.WriteLine(report);
        }
        await ResultsPage.UpdateWelcomeAsync();
        return 0;
    }

    internal sealed record Delays(string What, int Calls, int Missed, double[] Board, double[] Post);

    private static async Task<string> RunProviderAsync(BenchOptions o, string provider)
    {
        var loadBefore = BenchDatabase.LoadAverage();
        Console.WriteLine($"[{provider}] load average before: {loadBefore}");
        await using var db = await BenchDatabase.CreateAsync(o, provider, "queue");
        // The kiosk's per-address limit (60 a minute by default) raised for the bench.
        var env = db.AppEnvironment(new Dictionary<string, string> { ["Welcome__Queue__KioskTicketsPerMinute"] = "100000000" });
        await AppProcess.RunCommandAsync(o, env, "seed", "--demo");

        var office = QueueDemoSeeder.TownHallOffice;
        var desk = QueueDemoSeeder.Desk(1);
        List<(Guid ServiceId, string Letter)> lines;
        string token;
        await using (var ctx = db.Context())
        {
            lines = (await ctx.Set<OfficeService>().AsNoTracking().Where(l => l.OfficeId == office).ToListAsync()).Select(l => (l.ServiceId, l.Letter)).ToList();
            var frontOffice = await ctx.Set<StaffUser>().AsNoTracking().SingleAsync(u => u.Email == "frontoffice@guichet.demo");
            var (t, plain) = ApiToken.Create(frontOffice.Id, "bench", DateTimeOffset.UtcNow);
            ctx.Add(t);
            await ctx.SaveChangesAsync();
            token = plain;
        }

        using var app = AppProcess.Start(o, env, out var baseUrl);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(30) }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        await WaitAsync(http, $"/api/v1/queue/estimates?service={lines[0].ServiceId}");

        // Tickets: what a kiosk sends, for one of the office's services at random.
        var inputs = Enumerable.Range(0, 1000).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        string? issueError = null;
        var results = new List<Load.Result>();
        await using var bare = IBareWelcome.Create(db);
        var duration = TimeSpan.FromSeconds(o.Seconds);
        foreach (var clients in new[] { 1, 16 })
        {
            results.Add(await RunLoad("Guichet over HTTP", clients, duration, inputs, async q =>
            {
                var line = lines[Random.Shared.Next(lines.Count)];
                using var response = await http.PostAsJsonAsync($"/api/v1/queue/offices/{office}/tickets", new { serviceId = line.ServiceId, language = "fr" });
                if (response.StatusCode == HttpStatusCode.Created) return true;
                var body = await response.Content.ReadAsStringAsync();
                Interlocked.CompareExchange(ref issueError, $"{(int)response.StatusCode} {(body.Length > 300 ? body[..300] : body)}", null);
                return false;
            }));
            results.Add(await RunLoad($"bare {(db.IsPostgres ? "Npgsql" : "Microsoft.Data.Sqlite")}, same rows", clients, duration, inputs, async q =>
            {
                var line = lines[Random.Shared.Next(lines.Count)];
                await bare.IssueAsync(new BareTicket(office, line.ServiceId, BrusselsTime.LocalDate(DateTimeOffset.UtcNow), line.Letter));
                return true;
            }));
        }
        var waiting = await db.ScalarAsync("SELECT count(*) FROM welcome_queue_tickets WHERE \"Status\" = 'Waiting'");
        var duplicates = await db.ScalarAsync("SELECT count(*) FROM (SELECT 1 FROM welcome_queue_tickets GROUP BY \"OfficeId\", \"Day\", \"Letter\", \"Number\" HAVING count(*) > 1) d");

        // The board: one client listens to the stream of node A while the desk calls.
        using var asDesk = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(30) }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        asDesk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await using var board = await Board.OpenAsync(baseUrl, office);
        var sameNode = await CallsAsync("call on the board's node (broadcast)", o.Calls, asDesk, asDesk, desk, board);

        // Node B: a second app process on the same database; its calls reach A's board by A's poll of the event log.
        using var appB = AppProcess.Start(o, env, out var baseUrlB);
        using var asDeskB = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(30) }) { BaseAddress = new Uri(baseUrlB), Timeout = TimeSpan.FromMinutes(2) };
        asDeskB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await WaitAsync(asDeskB, $"/api/v1/queue/estimates?service={lines[0].ServiceId}");
        var otherNode = await CallsAsync("call on another node (the board polls the event log)", Math.Max(20, o.Calls / 4), asDeskB, asDeskB, desk, board);

        app.Refresh();
        var rssMb = app.WorkingSet64 / 1024 / 1024;
        foreach (var p in new[] { app, appB })
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        if (!db.IsPostgres) SqliteConnection.ClearAllPools();
        var loadAfter = BenchDatabase.LoadAverage();
        Console.WriteLine($"[{provider}] load average after: {loadAfter}");
        return Report(o, db, await db.DescribeAsync(), results, issueError, waiting, duplicates, [sameNode, otherNode], rssMb, loadBefore, loadAfter);
    }

    private static async Task<Load.Result> RunLoad(string name, int clients, TimeSpan duration, IReadOnlyList<string> inputs, Func<string, Task<bool>> send)
    {
        Console.WriteLine($"  tickets: {name} at {clients} client(s) ...");
        var result = await Load.RunAsync(name, clients, Warmup, duration, inputs, async (_, q) =>
        {
            try { return await send(q); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or NpgsqlException or SqliteException)
            {
                Console.Error.WriteLine($"  {name}: {e.GetType().Name}: {e.Message}");
                return false;
            }
        });
        Console.WriteLine($"    {result.PerSecond:F0}/s, p50 {result.P50:F1} ms, p95 {result.P95:F1} ms, p99 {result.P99:F1} ms, errors {result.Errors}");
        return result;
    }

    /// N calls one after the other: call-next, wait until the board's stream shows the called
    /// ticket, finish the visit (the desk is free again), next.
    private static async Task<Delays> CallsAsync(string what, int calls, HttpClient caller, HttpClient finisher, Guid desk, Board board)
    {
        Console.WriteLine($"  board: {what}, {calls} calls ...");
        var delays = new List<double>();
        var posts = new List<double>();
        var missed = 0;
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await caller.PostAsync($"/api/v1/queue/desks/{desk}/call-next", null);
            posts.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"call-next answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
            var code = ticket.GetProperty("code").GetString()!;
            try
            {
                var arrived = await board.ArrivalAsync(code).WaitAsync(TimeSpan.FromSeconds(10));
                delays.Add(Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds);
            }
            catch (TimeoutException)
            {
                missed++;
            }
            using var finish = await finisher.PostAsJsonAsync($"/api/v1/queue/desks/{desk}/tickets/{ticket.GetProperty("id").GetGuid()}/finish", new { outcome = "answered" });
            if (!finish.IsSuccessStatusCode) throw new InvalidOperationException($"finish answered {(int)finish.StatusCode}: {await finish.Content.ReadAsStringAsync()}");
        }
        var result = new Delays(what, calls, missed, [.. delays.Order()], [.. posts.Order()]);
        Console.WriteLine($"    board p50 {AppointmentsBench.P(result.Board, 0.5):F0} ms, p95 {AppointmentsBench.P(result.Board, 0.95):F0} ms, max {result.Board.LastOrDefault():F0} ms, missed {missed}");
        return result;
    }

    /// The display board's stream as a browser's EventSource reads it; the moment each called
    /// ticket's `event: call` arrives.
    private sealed class Board : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _arrivals = new();
        private readonly CancellationTokenSource _stop = new();
        private HttpClient _http = null!;
        private Task _reader = Task.CompletedTask;

        public Task<long> ArrivalAsync(string code) => Slot(code).Task;

        private TaskCompletionSource<long> Slot(string code) => _arrivals.GetOrAdd(code, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

        public static async Task<Board> OpenAsync(string baseUrl, Guid office)
        {
            var board = new Board { _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan } };
            var response = await board._http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/queue/offices/{office}/events"), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            board._reader = Task.Run(async () =>
            {
                string? kind = null;
                try
                {
                    while (await reader.ReadLineAsync(board._stop.Token) is { } line)
                    {
                        if (line.StartsWith(": connected", StringComparison.Ordinal)) connected.TrySetResult();
                        else if (line.StartsWith("event: ", StringComparison.Ordinal)) kind = line[7..];
                        else if (line.StartsWith("data: ", StringComparison.Ordinal) && kind == "call")
                        {
                            var at = Stopwatch.GetTimestamp();
                            using var json = JsonDocument.Parse(line[6..]);
                            board.Slot(json.RootElement.GetProperty("ticket").GetString()!).TrySetResult(at);
                        }
                        else if (line.Length == 0) kind = null;
                    }
                }
                catch (OperationCanceledException) { }
                finally { response.Dispose(); }
            });
            await connected.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return board;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try { await _reader; } catch (IOException) { }
            _http.Dispose();
        }
    }

    private static async Task WaitAsync(HttpClient http, string url)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var r = await http.GetAsync(url);
                if (r.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { } // not listening yet
            await Task.Delay(500);
        }
        throw new InvalidOperationException("The app did not answer within 5 minutes.");
    }

    private static string Report(BenchOptions o, BenchDatabase db, string server, List<Load.Result> results, string? issueError, long waiting, long duplicates,
        Delays[] delays, long rssMb, string loadBefore, string loadAfter)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"## Counter queue on {db.Name}: kiosk tickets and the display board");
        sb.AppendLine();
        sb.AppendLine(inv, $"Run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Machine.Describe()}; {server}; the app (`dotnet Guichet.dll`, server GC), the database and the load generator share the machine. Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter} (other work on the machine counts in these numbers).");
        sb.AppendLine();
        sb.AppendLine(inv, $"Set-up: the demo data (`seed --demo`): the Hautrival town hall office, 4 services (letters A–D), desk 1 calling. The kiosk endpoint's per-address limit (`Welcome:Queue:KioskTicketsPerMinute`, 60 by default) is raised to 100,000,000 by configuration for the bench; the outbox's sender is off. Ticket runs of {o.Seconds} s after {Warmup.TotalSeconds:F0} s of warm-up, each ticket for one of the 4 services at random. App memory at the end {rssMb} MB.");
        sb.AppendLine();
        sb.AppendLine("### Tickets issued: POST /api/v1/queue/offices/{id}/tickets (the ticket and its event, one commit; number = the day's last of the letter + 1, retried on a clash)");
        sb.AppendLine();
        sb.AppendLine("| what | clients | tickets/s | p50 ms | p95 ms | p99 ms | errors |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results) sb.AppendLine(inv, $"| {r.Name} | {r.Clients} | {r.PerSecond:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Errors} |");
        sb.AppendLine();
        foreach (var clients in new[] { 1, 16 })
        {
            var ours = results.Single(r => r.Clients == clients && r.Name.StartsWith("Guichet", StringComparison.Ordinal));
            var bare = results.Single(r => r.Clients == clients && !r.Name.StartsWith("Guichet", StringComparison.Ordinal));
            sb.AppendLine(inv, $"- {clients} client(s): Guichet / bare = **{ours.PerSecond / bare.PerSecond:F2}**.");
        }
        sb.AppendLine(inv, $"- Ticket numbers given twice (same office, day and letter): {duplicates}; tickets waiting after the runs: {waiting:N0}. An error is a ticket whose 20 tries all clashed with another client's number (the app's and the baseline's rule alike).");
        if (issueError is not null) sb.AppendLine(inv, $"- A failed issue answered `{issueError.ReplaceLineEndings(" ")}`");
        sb.AppendLine();
        sb.AppendLine("### Display board: from the desk's call-next to the call on the board's stream (`/queue/offices/{id}/events`)");
        sb.AppendLine();
        sb.AppendLine("One client listens to the board's Server-Sent Events stream on node A; the desk calls the next ticket (`POST /api/v1/queue/desks/{id}/call-next`), the delay runs from sending the call to the `event: call` of that ticket arriving; the desk then finishes the visit and calls again. Node B is a second `dotnet Guichet.dll` on the same database: its calls reach A's board through A's poll of the event log (`Welcome:Queue:DisplayPollInterval`, 1 s by default).");
        sb.AppendLine();
        sb.AppendLine("| path | calls | board p50 ms | board p95 ms | board max ms | missed (> 10 s) | call-next p50 ms | call-next p95 ms |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var d in delays)
            sb.AppendLine(inv, $"| {d.What} | {d.Calls} | {AppointmentsBench.P(d.Board, 0.5):F0} | {AppointmentsBench.P(d.Board, 0.95):F0} | {d.Board.LastOrDefault():F0} | {d.Missed} | {AppointmentsBench.P(d.Post, 0.5):F1} | {AppointmentsBench.P(d.Post, 0.95):F1} |");
        sb.AppendLine();
        foreach (var d in delays)
        {
            var max = d.Board.Length == 0 ? double.PositiveInfinity : d.Board[^1];
            sb.AppendLine(inv, $"- {d.What}: the board is updated within a second of the call (the issue's target) in {d.Board.Count(x => x <= 1000)} of {d.Calls} calls; max {max:F0} ms: target {(d.Missed == 0 && max <= 1000 ? "met" : "missed")}.");
        }
        return sb.ToString();
    }
}
