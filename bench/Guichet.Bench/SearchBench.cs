using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Guichet.Orient.Catalogue;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Guichet.Bench;

/// Search over HTTP (GET /api/v1/services?q=) against a bare PostgreSQL full-text query
/// (tsvector + GIN, ts_rank, top 20) over the same generated catalogue, at 1 and 8 clients.
internal static class SearchBench
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        var dbName = "guichet_bench_search";
        var cs = new NpgsqlConnectionStringBuilder(o.PostgresServer) { Database = dbName, MaxPoolSize = 50 }.ToString();
        await RecreateDatabaseAsync(o.PostgresServer, dbName);

        var clock = Stopwatch.StartNew();
        var queries = await GenerateAsync(cs, o.Services);
        var generated = clock.Elapsed;
        await CreateBaselineAsync(cs);
        Console.WriteLine($"data: {o.Services:N0} services generated in {generated.TotalSeconds:F0} s; baseline index built");

        using var app = StartApp(o, cs, out var baseUrl);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = new Uri(baseUrl) };
        var ready = Stopwatch.StartNew();
        await WaitUntilSearchAnswersAsync(http);
        var firstAnswer = ready.Elapsed;
        Console.WriteLine($"app: first search answered {firstAnswer.TotalSeconds:F1} s after start (index build included)");

        await using var source = NpgsqlDataSource.Create(cs);
        var results = new List<Load.Result>();
        var warmup = TimeSpan.FromSeconds(3);
        var duration = TimeSpan.FromSeconds(o.Seconds);
        foreach (var clients in new[] { 1, 8 })
        {
            results.Add(await Load.RunAsync("Guichet search over HTTP", clients, warmup, duration, queries, async (_, q) =>
            {
                using var response = await http.GetAsync($"/api/v1/services?q={Uri.EscapeDataString(q)}&lang=fr&pageSize=20");
                await response.Content.CopyToAsync(Stream.Null);
                return response.IsSuccessStatusCode;
            }));
            results.Add(await Load.RunAsync("bare PostgreSQL full-text (Npgsql)", clients, warmup, duration, queries, async (_, q) =>
            {
                await using var cmd = source.CreateCommand(
                    "SELECT id, ts_rank(doc, q) AS r FROM bench_fts, websearch_to_tsquery('simple', $1) q WHERE doc @@ q ORDER BY r DESC LIMIT 20");
                cmd.Parameters.AddWithValue(q);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) { }
                return true;
            }));
        }
        app.Refresh();
        var rssMb = app.WorkingSet64 / 1024 / 1024;

        var report = Report(o, results, queries.Count, generated, firstAnswer, rssMb, await ServerVersionAsync(cs));
        Console.WriteLine(report);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(o.Out))!);
        await File.WriteAllTextAsync(o.Out, report);
        app.Kill(entireProcessTree: true);
        return 0;
    }

    private static async Task RecreateDatabaseAsync(string server, string name)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin)) await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin)) await create.ExecuteNonQueryAsync();
    }

    /// N services in four languages, spread over generated municipalities, made from the demo
    /// catalogue's texts with a varying place name and number, so that documents differ.
    private static async Task<List<string>> GenerateAsync(string cs, int count)
    {
        var options = new DbContextOptionsBuilder<PostgresGuichetDb>().UseNpgsql(cs).Options;
        await using (var db = new PostgresGuichetDb(options)) await DataModule.MigrateAsync(db);

        var demo = CatalogueDemoSeeder.Read();
        var templates = demo.Organisations.SelectMany(x => x.Services).ToList();
        var hours = demo.Organisations.SelectMany(x => x.Channels).First(c => c.OpeningHours is not null).OpeningHours;
        var places = new[] { "Aubel", "Beloeil", "Chiny", "Durbuy", "Ellezelles", "Florenville", "Gouvy", "Hamois", "Incourt", "Jalhay", "Kelmis", "Lierneux", "Manhay", "Nandrin", "Ohey", "Paliseul", "Quévy", "Rumes", "Sivry", "Tellin", "Vresse", "Wellin", "Yvoir", "Zwalm", "Bever", "Dentergem", "Herne", "Kortemark", "Lierde", "Moerbeke", "Ruiselede", "Spiere", "Zuienkerke", "Amel", "Büllingen", "Burg-Reuland", "Eupen", "Lontzen", "Raeren", "Sankt Vith" };
        var now = DateTimeOffset.UtcNow;
        var perOrganisation = 500;
        var organisations = (count + perOrganisation - 1) / perOrganisation;
        var random = new Random(42);
        for (var o = 0; o < organisations; o++)
        {
            await using var db = new PostgresGuichetDb(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var place = places[o % places.Length] + (o >= places.Length ? " " + (o / places.Length + 1).ToString(CultureInfo.InvariantCulture) : "");
            var org = new Organisation(Guid.NewGuid(), new OrganisationContent($"bench-org-{o}", OrganisationKind.Municipality, o % 3 == 1 ? "nl" : "fr", false,
                LocalizedText.Of($"Commune de {place}", $"Gemeente {place}", $"Gemeinde {place}", $"Municipality of {place}"), null, null), now);
            var unit = new Unit(Guid.NewGuid(), org.Id, new UnitContent($"bench-unit-{o}", null, LocalizedText.Of("Administration", "Administratie", "Verwaltung", "Administration")), now);
            var counter = new Channel(Guid.NewGuid(), org.Id, new ChannelContent($"bench-counter-{o}", ChannelKind.Counter, unit.Id,
                LocalizedText.Of("Guichet", "Loket", "Schalter", "Counter"), new PostalAddress("Place communale 1", "5000", LocalizedText.Of(place, place, place, place)),
                50.5, 4.8, "+32 81 00 00 00", null, null, hours), now);
            db.AddRange(org, unit, counter);
            for (var i = 0; i < perOrganisation && o * perOrganisation + i < count; i++)
            {
                var t = templates[random.Next(templates.Count)];
                var n = o * perOrganisation + i;
                LocalizedText Vary(LocalizedText text, string sep) => new()
                {
                    Fr = text.Fr is null ? null : $"{text.Fr}{sep}{place}",
                    Nl = text.Nl is null ? null : $"{text.Nl}{sep}{place}",
                    De = text.De is null ? null : $"{text.De}{sep}{place}",
                    En = text.En is null ? null : $"{text.En}{sep}{place}",
                };
                var content = new ServiceContent
                {
                    Slug = $"bench-{n}",
                    UnitId = unit.Id,
                    Name = Vary(t.Name, " – "),
                    Description = Vary(t.Description, " "),
                    Keywords = t.Keywords ?? new LocalizedKeywords(),
                    Audiences = t.Audiences.Select(a => Enum.Parse<Audience>(a, true)).ToList(),
                    Themes = t.Themes,
                    LifeEvents = t.LifeEvents,
                    BusinessEvents = t.BusinessEvents,
                    Cost = t.Cost,
                    Evidence = t.Evidence,
                    Output = t.Output,
                    LegalResources = t.LegalResources,
                    ProcessingTime = t.ProcessingTime,
                    AppealSummary = t.AppealSummary,
                    ChannelIds = [counter.Id],
                };
                var service = new PublicService(Guid.NewGuid(), org.Id, content, now);
                service.Publish(now);
                db.Add(service);
            }
            await db.SaveChangesAsync();
        }

        // Queries: words people type, in four languages, from the templates' names and keywords.
        var queries = new List<string>();
        foreach (var t in templates)
            foreach (var language in LocalizedText.Languages)
            {
                var name = t.Name[language];
                if (name is null) continue;
                var longest = name.Split(' ', '\'', '(', ')', ',').Where(w => w.Length >= 5).OrderByDescending(w => w.Length).FirstOrDefault();
                if (longest is not null) queries.Add(longest.ToLowerInvariant());
                var keyword = t.Keywords?[language].FirstOrDefault();
                if (keyword is not null) queries.Add(keyword);
            }
        return queries.Distinct().ToList();
    }

    private static async Task CreateBaselineAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        const string text = """
            CREATE TABLE bench_fts AS
            SELECT "Id" AS id,
                   setweight(to_tsvector('simple', coalesce(c->'name'->>'fr','') || ' ' || coalesce(c->'name'->>'nl','') || ' ' || coalesce(c->'name'->>'de','') || ' ' || coalesce(c->'name'->>'en','')), 'A') ||
                   setweight(to_tsvector('simple', coalesce(c->>'keywords','')), 'B') ||
                   setweight(to_tsvector('simple', coalesce(c->'description'->>'fr','') || ' ' || coalesce(c->'description'->>'nl','') || ' ' || coalesce(c->'description'->>'de','') || ' ' || coalesce(c->'description'->>'en','')), 'C') AS doc
            FROM (SELECT "Id", "Content"::jsonb AS c FROM catalogue_services WHERE "Status" = 'Published') s;
            CREATE INDEX bench_fts_doc ON bench_fts USING gin (doc);
            ANALYZE bench_fts;
            ANALYZE catalogue_services;
            """;
        await using var cmd = new NpgsqlCommand(text, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static Process StartApp(BenchOptions o, string cs, out string baseUrl) =>
        AppProcess.Start(o, new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["Database__ConnectionString"] = cs,
            ["Demo__SeedIfEmpty"] = "false",
        }, out baseUrl);

    private static async Task WaitUntilSearchAnswersAsync(HttpClient http)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var r = await http.GetAsync("/api/v1/services?q=passeport&lang=fr");
                if (r.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { } // not listening yet, or still building its index
            await Task.Delay(500);
        }
        throw new InvalidOperationException("The app did not answer searches within 5 minutes.");
    }

    private static async Task<string> ServerVersionAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SHOW server_version", conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private static string Report(BenchOptions o, List<Load.Result> results, int queryCount, TimeSpan generated, TimeSpan firstAnswer, long rssMb, string pgVersion)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"## Search: {o.Services:N0} services in 4 languages, {queryCount} distinct queries, {o.Seconds} s per run after 3 s warm-up");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine.Describe()}; PostgreSQL {pgVersion} (default settings: fsync and synchronous_commit on); load generator on the same machine.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Data generated in {generated.TotalSeconds:F0} s; first search answered {firstAnswer.TotalSeconds:F1} s after the app started (index build included); app memory after the runs: {rssMb} MB.");
        sb.AppendLine();
        sb.AppendLine("| what | clients | queries/s | p50 ms | p95 ms | p99 ms | errors |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Clients} | {r.PerSecond:F0} | {r.P50:F2} | {r.P95:F2} | {r.P99:F2} | {r.Errors} |");
        sb.AppendLine();
        foreach (var clients in new[] { 1, 8 })
        {
            var ours = results.Single(r => r.Clients == clients && r.Name.StartsWith("Guichet", StringComparison.Ordinal));
            var bare = results.Single(r => r.Clients == clients && !r.Name.StartsWith("Guichet", StringComparison.Ordinal));
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {clients} client(s): throughput ratio Guichet / bare PostgreSQL = **{ours.PerSecond / bare.PerSecond:F2}**; p95 {ours.P95:F2} ms vs {bare.P95:F2} ms.");
        }
        return sb.ToString();
    }
}

internal static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        var mem = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim()
            : "?";
        return $"{Environment.ProcessorCount} cores ({cpu}), {mem} memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}
