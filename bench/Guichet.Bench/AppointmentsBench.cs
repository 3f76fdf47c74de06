using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guichet.Platform.Calendar;
using Guichet.Welcome.Appointments;
using Guichet.Welcome.Appointments.Demo;
using Guichet.Welcome.Appointments.Pages;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Guichet.Bench;

/// An appointment release rush: about N seats bookable in the horizon, C clients at once, each
/// as a stream of citizens who fetch the free slots and book one of the earliest, trying another
/// slot on 409 slot-taken, until no seat is left. Against the same reads and rows written bare,
/// with the same clients, then the seats held twice read back from the database.
internal static class AppointmentsBench
{
    /// Citizens pick among the earliest free slots, so that the rush meets on the same slots.
    private const int Earliest = 10;

    /// Taken slots in a row after which a citizen fetches the free slots again.
    private const int RetriesBeforeReload = 3;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    /// A rush stops early when this many requests failed (a broken set-up, not contention).
    private const int MaxErrors = 1000;

    public static async Task<int> RunAsync(BenchOptions o)
    {
        foreach (var provider in BenchDatabase.Providers(o.Provider))
        {
            var report = await RunProviderAsync(o, provider);
            var file = $"bench/out/appointments-{provider}.md";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, report);
            Console.WriteLine(report);
        }
        await ResultsPage.UpdateWelcomeAsync();
        return 0;
    }

    /// A bookable start as /slots gives it.
    private sealed record SlotDto(DateTimeOffset Start, DateTimeOffset End, int Free);

    /// What one rush measured.
    internal sealed record Rush(string What, int Clients, int Booked, int Conflicts, int Errors, int Fetches, double Seconds, double[] Post, double[] Fetch, string? FirstError)
    {
        public double PerSecond => Booked / Seconds;
    }

    internal sealed record Check(long Appointments, long Seats, long SeatsHeldTwice, long OverbookedSlots, long AppointmentsWithoutSeat);

    private static async Task<string> RunProviderAsync(BenchOptions o, string provider)
    {
        var loadBefore = BenchDatabase.LoadAverage();
        Console.WriteLine($"[{provider}] load average before: {loadBefore}");
        await using var db = await BenchDatabase.CreateAsync(o, provider, "appointments");
        var env = db.AppEnvironment();
        await AppProcess.RunCommandAsync(o, env, "seed", "--demo");

        // The bench's service: the demo's eID appointments at the Hautrival town hall counter
        // (seed data), its capacity set so that the horizon holds about --slots seats.
        var service = AppointmentsDemoSeeder.Service("hautrival-eid");
        var channel = AppointmentsDemoSeeder.TownHallCounter;
        var today = BrusselsTime.LocalDate(DateTimeOffset.UtcNow);
        var horizon = new AppointmentOptions().HorizonDays;
        var windows = new List<(DateOnly From, DateOnly To)>();
        // From tomorrow: seats of today would run out by the clock during the run, not by bookings.
        // Windows of the booking page's 14 days, as a citizen pages through them.
        for (var d = today.AddDays(1); d <= today.AddDays(horizon); d = d.AddDays(AppointmentPage.Days))
            windows.Add((d, Min(d.AddDays(AppointmentPage.Days - 1), today.AddDays(horizon))));

        using var app = AppProcess.Start(o, env, out var baseUrl);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = o.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        string SlotsUrl((DateOnly From, DateOnly To) w) =>
            $"/api/v1/appointments/slots?service={service}&from={w.From:yyyy-MM-dd}&to={w.To:yyyy-MM-dd}";
        await WaitAsync(http, SlotsUrl(windows[0]));

        var grid = new List<SlotDto>();
        foreach (var w in windows) grid.AddRange((await http.GetFromJsonAsync<List<SlotDto>>(SlotsUrl(w)))!);
        var capacity = Math.Max(1, (int)Math.Round(o.Slots / (double)grid.Count));
        int duration;
        await using (var ctx = db.Context())
        {
            await ctx.Set<AppointmentService>().Where(s => s.ServiceId == service).ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, capacity));
            duration = await ctx.Set<AppointmentService>().Where(s => s.ServiceId == service).Select(s => s.DurationMinutes).SingleAsync();
        }
        var seats = 0;
        foreach (var w in windows) seats += (await http.GetFromJsonAsync<List<SlotDto>>(SlotsUrl(w)))!.Sum(s => s.Free);
        Console.WriteLine($"[{provider}] {grid.Count} slots of {duration} min from {windows[0].From} to {windows[^1].To}, {capacity} seats each: {seats} seats; {o.Clients} clients");

        // The rush through the app.
        var ours = await RushAsync("Guichet over HTTP", o.Clients, windows.Count, async (client, w) =>
        {
            var sw = Stopwatch.StartNew();
            var list = await http.GetFromJsonAsync<List<SlotDto>>(SlotsUrl(windows[w]));
            return (list!.Select(s => s.Start).ToList(), sw.Elapsed.TotalMilliseconds);
        }, async (client, start) =>
        {
            using var response = await http.PostAsJsonAsync("/api/v1/appointments", new
            {
                service, start, name = "Jeanne Benchmark", email = "jeanne@example.be", language = "fr",
            });
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode switch
            {
                HttpStatusCode.Created => Outcome.Booked,
                HttpStatusCode.Conflict when body.Contains("\"slot-taken\"", StringComparison.Ordinal) => Outcome.Taken,
                _ => Outcome.Error($"{(int)response.StatusCode} {(body.Length > 300 ? body[..300] : body)}"),
            };
        });
        var ourCheck = await CheckAsync(db, service, capacity);
        var outbox = await OutboxSampleAsync(db);
        var stillFree = 0;
        foreach (var w in windows) stillFree += (await http.GetFromJsonAsync<List<SlotDto>>(SlotsUrl(w)))!.Sum(s => s.Free);
        app.Refresh();
        var rssMb = app.WorkingSet64 / 1024 / 1024;
        app.Kill(entireProcessTree: true);
        await app.WaitForExitAsync();
        if (!db.IsPostgres) SqliteConnection.ClearAllPools();

        // The same rush written bare, on the same tables emptied of the app's bookings.
        await db.ExecuteAsync("DELETE FROM welcome_appointment_seats; DELETE FROM welcome_appointments;");
        var byStart = grid.ToDictionary(s => s.Start.UtcTicks);
        var windowSlots = windows.Select(w => grid.Where(s => BrusselsTime.LocalDate(s.Start) >= w.From && BrusselsTime.LocalDate(s.Start) <= w.To).ToList()).ToList();
        await using var bare = IBareWelcome.Create(db);
        var theirs = await RushAsync($"bare {(db.IsPostgres ? "Npgsql" : "Microsoft.Data.Sqlite")}, same reads and rows", o.Clients, windows.Count, async (client, w) =>
        {
            var sw = Stopwatch.StartNew();
            var slots = windowSlots[w];
            var held = slots.Count == 0 ? [] : await bare.HeldAsync(service, slots[0].Start, slots[^1].Start);
            var free = slots.Where(s => held.GetValueOrDefault(s.Start.UtcTicks) < capacity).Select(s => s.Start).ToList();
            return (free, sw.Elapsed.TotalMilliseconds);
        }, async (client, start) =>
        {
            var taken = await bare.SeatsAsync(service, start);
            var slot = byStart[start.UtcTicks];
            for (var seat = 1; seat <= capacity; seat++)
            {
                if (taken.Contains(seat)) continue;
                if (await bare.TryBookAsync(new BareBooking(service, channel, slot.Start, slot.End, seat, outbox.Kind, outbox.Payload, outbox.Summary))) return Outcome.Booked;
            }
            return Outcome.Taken;
        });
        var theirCheck = await CheckAsync(db, service, capacity);

        var loadAfter = BenchDatabase.LoadAverage();
        Console.WriteLine($"[{provider}] load average after: {loadAfter}");
        return Report(o, db, await db.DescribeAsync(), grid.Count, duration, capacity, seats, windows, ours, ourCheck, stillFree, theirs, theirCheck, rssMb, loadBefore, loadAfter);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    internal sealed record Outcome(int Kind, string? Text)
    {
        public static readonly Outcome Booked = new(0, null);
        public static readonly Outcome Taken = new(1, null);
        public static Outcome Error(string text) => new(2, text);
    }

    /// C clients started together; each fetches a window's free slots, books one of the earliest,
    /// on slot-taken tries another of its list, fetches again after a booking (the next citizen)
    /// or when its list is used up, and moves to the next window when a window has no free slot.
    private static async Task<Rush> RushAsync(string what, int clients, int windows,
        Func<int, int, Task<(List<DateTimeOffset> Free, double Ms)>> fetch, Func<int, DateTimeOffset, Task<Outcome>> book)
    {
        Console.WriteLine($"  rush: {what}, {clients} clients ...");
        var post = new ConcurrentBag<double>();
        var fetches = new ConcurrentBag<double>();
        int booked = 0, conflicts = 0, errors = 0;
        string? firstError = null;
        var clock = new Stopwatch();
        double lastBooking = 0;
        var gate = new Lock();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            await go.Task;
            var w = 0;
            List<DateTimeOffset> free = [];
            var fresh = false;
            var missed = 0;
            while (w < windows && clock.Elapsed < Limit && Volatile.Read(ref errors) < MaxErrors)
            {
                try
                {
                    if (free.Count == 0)
                    {
                        if (fresh) { w++; fresh = false; continue; } // this window has nothing left
                        var (list, ms) = await fetch(c, w);
                        fetches.Add(ms);
                        free = list;
                        fresh = true;
                        continue;
                    }
                    var i = random.Next(Math.Min(Earliest, free.Count));
                    var start = free[i];
                    free.RemoveAt(i);
                    var sw = Stopwatch.StartNew();
                    var outcome = await book(c, start);
                    post.Add(sw.Elapsed.TotalMilliseconds);
                    if (outcome.Kind == 0)
                    {
                        Interlocked.Increment(ref booked);
                        var now = clock.Elapsed.TotalSeconds;
                        lock (gate) lastBooking = Math.Max(lastBooking, now);
                        free = []; // the next citizen looks at the slots afresh
                        fresh = false;
                        missed = 0;
                    }
                    else if (outcome.Kind == 1)
                    {
                        Interlocked.Increment(ref conflicts);
                        // After a few taken slots in a row a citizen reloads the list; an empty list is fetched again before the window is given up.
                        if (free.Count == 0 || ++missed == RetriesBeforeReload)
                        {
                            free = [];
                            fresh = false;
                            missed = 0;
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, outcome.Text, null);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or NpgsqlException or SqliteException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                    free = [];
                    fresh = false;
                }
            }
        })).ToArray();
        clock.Start();
        go.SetResult();
        await Task.WhenAll(workers);
        var rush = new Rush(what, clients, booked, conflicts, errors, fetches.Count, lastBooking, [.. post.Order()], [.. fetches.Order()], firstError);
        Console.WriteLine($"    {booked} booked in {lastBooking:F1} s ({rush.PerSecond:F0}/s), {conflicts} slot-taken, {errors} errors, {fetches.Count} fetches; POST p50 {P(rush.Post, 0.5):F1} ms, p95 {P(rush.Post, 0.95):F1} ms, p99 {P(rush.Post, 0.99):F1} ms");
        if (firstError is not null) Console.WriteLine($"    first error: {firstError}");
        return rush;
    }

    internal static double P(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// Read back after a rush: a seat held twice, or more active appointments at one start than
    /// the service has seats, would each be a double booking.
    private static async Task<Check> CheckAsync(BenchDatabase db, Guid service, int capacity)
    {
        var id = db.IsPostgres ? $"'{service}'::uuid" : $"'{service.ToString().ToUpperInvariant()}'";
        return new Check(
            await db.ScalarAsync($"""SELECT count(*) FROM welcome_appointments WHERE "ServiceId" = {id} AND "Status" = 'Booked'"""),
            await db.ScalarAsync($"""SELECT count(*) FROM welcome_appointment_seats WHERE "ServiceId" = {id}"""),
            await db.ScalarAsync($"""SELECT count(*) FROM (SELECT 1 FROM welcome_appointment_seats WHERE "ServiceId" = {id} GROUP BY "StartsAt", "Seat" HAVING count(*) > 1) d"""),
            await db.ScalarAsync($"""SELECT count(*) FROM (SELECT 1 FROM welcome_appointments WHERE "ServiceId" = {id} AND "Status" = 'Booked' GROUP BY "StartsAt" HAVING count(*) > {capacity}) d"""),
            await db.ScalarAsync($"""SELECT count(*) FROM welcome_appointments a WHERE a."ServiceId" = {id} AND NOT EXISTS (SELECT 1 FROM welcome_appointment_seats s WHERE s."AppointmentId" = a."Id")"""));
    }

    /// The confirmation mail's outbox row as the app wrote it, which the baseline writes too.
    private static async Task<(string Kind, string Payload, string Summary)> OutboxSampleAsync(BenchDatabase db) => (
        await db.TextAsync("""SELECT "Kind" FROM platform_outbox ORDER BY "CreatedAt" DESC LIMIT 1""") ?? "mail",
        await db.TextAsync("""SELECT "Payload" FROM platform_outbox ORDER BY "CreatedAt" DESC LIMIT 1""") ?? "{}",
        await db.TextAsync("""SELECT "Summary" FROM platform_outbox ORDER BY "CreatedAt" DESC LIMIT 1""") ?? "");

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

    private static string Report(BenchOptions o, BenchDatabase db, string server, int slots, int duration, int capacity, int seats, List<(DateOnly From, DateOnly To)> windows,
        Rush ours, Check ourCheck, int stillFree, Rush theirs, Check theirCheck, long rssMb, string loadBefore, string loadAfter)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"## Appointment release rush on {db.Name}: {seats:N0} seats, {o.Clients} clients");
        sb.AppendLine();
        sb.AppendLine(inv, $"Run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Machine.Describe()}; {server}; the app (`dotnet Guichet.dll`, server GC), the database and the load generator share the machine. Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter} (other work on the machine counts in these numbers).");
        sb.AppendLine();
        sb.AppendLine(inv, $"Set-up: the demo data (`seed --demo`), whose eID appointments at the Hautrival town hall counter ({duration} min) got {capacity} seats per slot (the seed row's capacity, changed in the database before the rush) so that the {slots:N0} slots of the counter's opening hours from {windows[0].From:yyyy-MM-dd} (tomorrow) to {windows[^1].To:yyyy-MM-dd} (the 60-day horizon) hold **{seats:N0} seats**. " +
            $"{o.Clients} clients start together; each is a stream of citizens: `GET /api/v1/appointments/slots?service=&from=&to=` ({AppointmentPage.Days}-day windows, as the booking page shows them), `POST /api/v1/appointments` on one of the {Earliest} earliest free slots, on 409 `slot-taken` another slot of its list (after {RetriesBeforeReload} in a row, a fresh fetch), after a booking a fresh fetch (the next citizen), until no window has a free slot. " +
            $"Rate limits: the booking API has none (only the HTML booking page has the per-address `public-forms` limit, not used here), so none had to be raised. The outbox's sender is off (`Outbox__Enabled=false`): each booking still writes its confirmation mail's outbox row in its transaction, nothing is sent. App memory at the end {rssMb} MB.");
        sb.AppendLine();
        sb.AppendLine("| what | clients | bookings | bookings/s | POST p50 ms | POST p95 ms | POST p99 ms | 409 slot-taken | errors | slot fetches | fetch p50 ms | fetch p95 ms |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in new[] { ours, theirs })
            sb.AppendLine(inv, $"| {r.What} | {r.Clients} | {r.Booked:N0} | {r.PerSecond:F0} | {P(r.Post, 0.5):F1} | {P(r.Post, 0.95):F1} | {P(r.Post, 0.99):F1} | {r.Conflicts:N0} | {r.Errors} | {r.Fetches:N0} | {P(r.Fetch, 0.5):F1} | {P(r.Fetch, 0.95):F1} |");
        sb.AppendLine();
        sb.AppendLine(inv, $"- Throughput Guichet / bare = **{ours.PerSecond / theirs.PerSecond:F2}** ({ours.PerSecond:F0} against {theirs.PerSecond:F0} bookings/s; the bare clients do the same free-slot read, seat read and rows: appointment, seat, event-log entry with its 3 objects, outbox row, one commit).");
        foreach (var (name, r, c) in new[] { ("Guichet", ours, ourCheck), ("bare", theirs, theirCheck) })
            sb.AppendLine(inv, $"- Read back after the {name} rush: {c.Appointments:N0} booked appointments, {c.Seats:N0} seats held, **{c.SeatsHeldTwice + c.OverbookedSlots} double bookings** (seats held twice: {c.SeatsHeldTwice}; slots with more appointments than seats: {c.OverbookedSlots}); appointments without a seat: {c.AppointmentsWithoutSeat}; {r.Booked:N0} bookings answered as made.");
        sb.AppendLine(inv, $"- Seats left free after the Guichet rush (read through /slots): {stillFree}.");
        if (ours.FirstError is not null) sb.AppendLine(inv, $"- First Guichet error: `{ours.FirstError.ReplaceLineEndings(" ")}`");
        if (theirs.FirstError is not null) sb.AppendLine(inv, $"- First bare error: `{theirs.FirstError.ReplaceLineEndings(" ")}`");
        return sb.ToString();
    }
}
