using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guichet.Deliver.Cases;
using Guichet.Deliver.CaseTypes;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Platform.Localization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Guichet.Bench;

/// Case files at volume: N generated cases with ~10 events each, then creation over HTTP against
/// bare inserts of the same rows, and the work list, a case's page and a search by national
/// number at 1 and 16 clients against the same queries written by hand, on PostgreSQL and SQLite.
internal static class CasesBench
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(BenchOptions o)
    {
        string[] providers = o.Provider switch
        {
            "both" => ["postgres", "sqlite"],
            "postgres" or "sqlite" => [o.Provider],
            _ => throw new ArgumentException("--provider is postgres, sqlite or both"),
        };
        foreach (var provider in providers)
        {
            var report = await RunProviderAsync(o, provider);
            var file = o.OutOption ?? $"bench/out/cases-{provider}.md";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, report);
            Console.WriteLine(report);
        }
        await ResultsPage.UpdateAsync();
        return 0;
    }

    /// A fresh database of one provider, what the app needs to run on it, and the baseline.
    private sealed class Target(string provider, string appConnectionString, string bareConnectionString, string? sqliteDirectory) : IAsyncDisposable
    {
        public string Provider => provider;
        public bool IsPostgres => provider == "postgres";
        public string AppConnectionString => appConnectionString;

        public Dictionary<string, string> AppEnvironment => new()
        {
            ["Database__Provider"] = provider,
            ["Database__ConnectionString"] = appConnectionString,
            ["Demo__SeedIfEmpty"] = "false",
        };

        public GuichetDb Context() => IsPostgres
            ? new PostgresGuichetDb(new DbContextOptionsBuilder<PostgresGuichetDb>().UseNpgsql(appConnectionString).Options)
            : new SqliteGuichetDb(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite(appConnectionString).Options);

        public string BareConnectionString => bareConnectionString;


        public IBareCases Bare(BenchJournal journal) => IsPostgres ? new PostgresBareCases(bareConnectionString, journal) : new SqliteBareCases(bareConnectionString, journal);

        public async Task<string> DescribeAsync()
        {
            if (!IsPostgres)
            {
                // What the app's connections (through EF) and the baseline's actually run with.
                await using var db = Context();
                await db.Database.OpenConnectionAsync(); // as EF opens them, with its connection set-up
                var lite = (SqliteConnection)db.Database.GetDbConnection();
                string Pragma(SqliteConnection c, string name)
                {
                    using var cmd = c.CreateCommand();
                    cmd.CommandText = "PRAGMA " + name;
                    return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "?";
                }
                var app = $"journal_mode {Pragma(lite, "journal_mode")}, synchronous {Pragma(lite, "synchronous")}, foreign_keys {Pragma(lite, "foreign_keys")}";
                await using var bare = new SqliteConnection(bareConnectionString);
                await bare.OpenAsync();
                var baseline = $"synchronous {Pragma(bare, "synchronous")}, foreign_keys {Pragma(bare, "foreign_keys")}";
                return $"SQLite {SqliteVersion()} (app connections: {app}; baseline connections: {baseline}; synchronous 2 = FULL, 1 = NORMAL)";
            }
            await using var conn = new NpgsqlConnection(appConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT current_setting('server_version') || ', fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit') || ', shared_buffers ' || current_setting('shared_buffers')", conn);
            return "PostgreSQL " + (string)(await cmd.ExecuteScalarAsync())!;
        }

        public async Task<long> SizeAsync()
        {
            if (!IsPostgres)
                return Directory.GetFiles(sqliteDirectory!).Sum(f => new FileInfo(f).Length);
            await using var conn = new NpgsqlConnection(appConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT pg_database_size(current_database())", conn);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }

        public string SqlitePath => Path.Combine(sqliteDirectory!, "guichet.db");

        public ValueTask DisposeAsync()
        {
            if (sqliteDirectory is not null)
            {
                SqliteConnection.ClearAllPools();
                try { Directory.Delete(sqliteDirectory, recursive: true); } catch (IOException) { }
            }
            return ValueTask.CompletedTask;
        }
    }

    private static string SqliteVersion()
    {
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "select sqlite_version()";
        return (string)cmd.ExecuteScalar()!;
    }

    private static async Task<Target> CreateTargetAsync(BenchOptions o, string provider)
    {
        if (provider == "postgres")
        {
            const string name = "guichet_bench_cases";
            await using (var admin = new NpgsqlConnection(o.PostgresServer))
            {
                await admin.OpenAsync();
                await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin)) await drop.ExecuteNonQueryAsync();
                await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin)) await create.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(o.PostgresServer) { Database = name }.ToString();
            return new Target(provider, cs, cs, null);
        }
        var dir = Directory.CreateTempSubdirectory("guichet-bench-cases-").FullName;
        var path = Path.Combine(dir, "guichet.db");
        // The app's own default for SQLite (DataModule.DefaultSqlite), pointed at this file.
        var app = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        // EF Core turns foreign keys on for its connections; the baseline does the same.
        var bare = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30, ForeignKeys = true }.ToString();
        return new Target(provider, app, bare, dir);
    }

    private static async Task<string> RunProviderAsync(BenchOptions o, string provider)
    {
        var loadBefore = LoadAverage();
        Console.WriteLine($"[{provider}] load average before: {loadBefore}");
        await using var target = await CreateTargetAsync(o, provider);
        await AppProcess.RunCommandAsync(o, target.AppEnvironment, "seed", "--demo");

        // What the generator and the clients need from the demo data, and two API tokens.
        var now = DateTimeOffset.UtcNow;
        List<CaseType> types;
        StaffUser handler, frontOffice;
        string handlerToken, frontOfficeToken;
        long firstEvent, firstPartyNumber;
        BenchJournal journal;
        await using (var db = target.Context())
        {
            types = await db.Set<CaseType>().AsNoTracking().Where(t => t.IsCurrent).ToListAsync();
            handler = await db.Set<StaffUser>().AsNoTracking().SingleAsync(u => u.Email == "casehandler@guichet.demo");
            frontOffice = await db.Set<StaffUser>().AsNoTracking().SingleAsync(u => u.Email == "frontoffice@guichet.demo");
            var (t1, p1) = ApiToken.Create(handler.Id, "bench", now);
            var (t2, p2) = ApiToken.Create(frontOffice.Id, "bench", now);
            db.AddRange(t1, t2);
            await db.SaveChangesAsync();
            (handlerToken, frontOfficeToken) = (p1, p2);
            firstEvent = (await db.Set<EventLogEntry>().MaxAsync(e => (long?)e.Id) ?? 0) + 1;
            firstPartyNumber = (await db.Set<CasePartyNumber>().MaxAsync(n => (long?)n.Id) ?? 0) + 1;
            journal = await BenchJournal.ReadAsync(db); // the pseudonyms' key the app made
        }
        var unit = handler.UnitId ?? throw new InvalidOperationException("The demo case handler has no unit.");
        var calendar = new WorkingCalendar([MonthDay.Parse("09-27")], []); // as in appsettings.json
        var generator = new CaseGenerator(types, calendar, handler.Id, frontOffice.Id, now, journal);

        Console.WriteLine($"[{provider}] generating {o.Cases:N0} cases ...");
        var clock = Stopwatch.StartNew();
        GenerationStats stats;
        TimeSpan load, rebuild;
        if (target.IsPostgres)
        {
            await using var sink = await PostgresCaseSink.OpenAsync(target.AppConnectionString);
            stats = generator.Generate(o.Cases, sink, firstEvent, firstPartyNumber, unit, 5000);
            load = clock.Elapsed;
            rebuild = await sink.CompleteAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools(); // leaving WAL for the load needs the only connection to the file
            await using var sink = SqliteCaseSink.Open(target.SqlitePath);
            stats = generator.Generate(o.Cases, sink, firstEvent, firstPartyNumber, unit, 5000);
            load = clock.Elapsed;
            rebuild = sink.Complete();
        }
        var generated = clock.Elapsed;
        var rows = stats.Cases + stats.Events + stats.EventObjects + stats.PartyNumbers;
        var dbSize = await target.SizeAsync();
        Console.WriteLine($"[{provider}] {stats.Cases:N0} cases, {stats.Events:N0} events, {stats.EventObjects:N0} event objects, {stats.PartyNumbers:N0} party numbers: " +
            $"loaded in {load.TotalSeconds:F0} s ({rows / load.TotalSeconds:N0} rows/s), indexes and analyse {rebuild.TotalSeconds:F0} s; database {dbSize / 1024.0 / 1024 / 1024:F1} GiB");

        var unitCases = await CountUnitCasesAsync(target, unit);
        var plan = await ExplainListAsync(target, unit);

        using var app = AppProcess.Start(o, target.AppEnvironment, out var baseUrl);
        var handlerHttp = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        using var asHandler = new HttpClient(handlerHttp, disposeHandler: false) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        asHandler.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", handlerToken);
        using var asFrontOffice = new HttpClient(handlerHttp, disposeHandler: false) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        asFrontOffice.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", frontOfficeToken);
        var firstPage = await WaitForListAsync(asHandler);
        var cursor = firstPage.GetProperty("next").GetString() ?? throw new InvalidOperationException("The unit's work list has one page only.");
        var after = ReadCursor(cursor);

        await using var bare = target.Bare(journal);
        var actor = "staff:" + handler.Id;
        var results = new List<Load.Result>();
        var duration = TimeSpan.FromSeconds(o.Seconds);
        Task<Load.Result> Run(string name, int clients, IReadOnlyList<string> inputs, Func<string, Task<bool>> send) => RunLoad(duration, name, clients, inputs, send);
        var ids = stats.SampleCaseIds.Select(g => g.ToString()).ToList();
        var numbers = stats.SampleNumbers;

        async Task<bool> Get(HttpClient http, string url)
        {
            using var response = await http.GetAsync(url);
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        }

        // A national number goes in a body, never in a URL (ADR 0022).
        async Task<bool> Search(HttpClient http, string number)
        {
            using var response = await http.PostAsync("/api/v1/cases/search", new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new { nationalNumber = number }), System.Text.Encoding.UTF8, "application/json"));
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        }

        // Reads: each at 1 and 16 clients, Guichet then the baselines, on the same inputs.
        var reads = new (string What, IReadOnlyList<string> Inputs, Func<string, Task<bool>> Http, Func<string, string?, Task<bool>> Bare)[]
        {
            ("list, first page (50)", ["-"], _ => Get(asHandler, "/api/v1/cases?limit=50"), async (_, audit) => await bare.ListAsync(unit, null, null, audit) > 0),
            ("list, second page (?after=)", ["-"], _ => Get(asHandler, "/api/v1/cases?limit=50&after=" + cursor), async (_, audit) => await bare.ListAsync(unit, after, null, audit) > 0),
            ("case detail", ids, id => Get(asHandler, "/api/v1/cases/" + id), (id, audit) => bare.DetailAsync(unit, Guid.Parse(id), audit)),
            ("search by national number", numbers, n => Search(asHandler, n), async (n, audit) => await bare.ListAsync(unit, null, n, audit) > 0),
        };
        foreach (var (what, inputs, http, bareRead) in reads)
            foreach (var clients in new[] { 1, 16 })
            {
                results.Add(await Run($"{what}|Guichet over HTTP", clients, inputs, q => http(q)));
                results.Add(await Run($"{what}|bare SQL + the same audit rows", clients, inputs, q => bareRead(q, actor)));
                results.Add(await Run($"{what}|bare SQL, read only", clients, inputs, q => bareRead(q, null)));
            }

        // Creation: POST /api/v1/cases as the front office, against the same rows inserted bare.
        var year = BrusselsTime.LocalDate(DateTimeOffset.UtcNow).Year;
        var requests = Enumerable.Range(0, 2000).Select(_ => NewCaseRequest(generator, types)).ToList();
        var inputsForCreation = Enumerable.Range(0, requests.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var creationErrors = new Dictionary<string, string>();
        foreach (var clients in new[] { 1, 16 })
        {
            results.Add(await Run("create|Guichet over HTTP", clients, inputsForCreation, async q =>
            {
                using var response = await asFrontOffice.PostAsJsonAsync("/api/v1/cases", requests[int.Parse(q, CultureInfo.InvariantCulture)].Body);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != System.Net.HttpStatusCode.Created) lock (creationErrors) creationErrors[$"{(int)response.StatusCode}"] = body.Length > 300 ? body[..300] : body;
                return response.StatusCode == System.Net.HttpStatusCode.Created;
            }));
            results.Add(await Run("create|bare SQL, same rows", clients, inputsForCreation, async q =>
            {
                var r = requests[int.Parse(q, CultureInfo.InvariantCulture)];
                var number = year.ToString(CultureInfo.InvariantCulture) + "-" + (await bare.NextNumberAsync(year)).ToString("D5", CultureInfo.InvariantCulture);
                var at = DateTimeOffset.UtcNow;
                var today = BrusselsTime.LocalDate(at);
                var c = new Case(Guid.NewGuid(), number, r.Type, r.Type.Content.UnitIds[0], "fr", r.Subject, today, r.Complete, r.Parties, at);
                c.Touch(r.Type, today, calendar, at);
                var attributes = BenchJournal.Attributes(new Dictionary<string, object?>
                {
                    ["number"] = number, ["caseType"] = r.Type.Code, ["caseTypeVersion"] = r.Type.Version, ["status"] = c.Status,
                    ["unit"] = c.UnitId, ["language"] = c.Language, ["receivedOn"] = today, ["dueOn"] = c.DueOn, ["contact"] = null,
                });
                var (token, hash) = SecureToken.New();
                await bare.CreateAsync(new BareCase(c, [.. r.Parties.Select(p => p.Number).OfType<string>().Distinct()], hash, at.AddDays(400),
                    Acknowledgement(c, baseUrl, token), "staff:" + frontOffice.Id, attributes, journal.CaseObjects(c.Id, c.UnitId, c.Parties)));
                return true;
            }));
        }
        app.Refresh();
        var rssMb = app.WorkingSet64 / 1024 / 1024;
        var loadAfter = LoadAverage();
        Console.WriteLine($"[{provider}] load average after: {loadAfter}");
        var report = Report(o, target.Provider, await target.DescribeAsync(), stats, load, rebuild, generated, dbSize, unitCases, results, rssMb, loadBefore, loadAfter, plan, creationErrors);
        app.Kill(entireProcessTree: true);
        await app.WaitForExitAsync();
        return report;
    }

    private static async Task<Load.Result> RunLoad(TimeSpan duration, string name, int clients, IReadOnlyList<string> inputs, Func<string, Task<bool>> send)
    {
        Console.WriteLine($"  {name.Replace('|', ':')} at {clients} client(s) ...");
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

    private sealed record NewCase(object Body, CaseType Type, string Subject, bool Complete, List<CaseParty> Parties);

    private static readonly Texts Texts = new();

    /// The acknowledgement CaseMail puts in the outbox when a case is opened for an applicant with
    /// an e-mail address (the bench's cases are in French, of the Hautrival municipality).
    private static BareMail? Acknowledgement(Case c, string baseUrl, string statusToken)
    {
        if (c.Parties.FirstOrDefault(p => p.Role == PartyRole.Applicant && !string.IsNullOrEmpty(p.Email)) is not { } to) return null;
        var culture = CultureInfo.GetCultureInfo("fr-BE");
        var mail = new Guichet.Platform.Mail.MailMessage
        {
            To = [new Guichet.Platform.Mail.MailAddress(to.Email!, to.Name)],
            Subject = string.Format(culture, Texts.Get("fr", "deliver.mail.ack.subject"), c.Number),
            TextBody = string.Format(culture, Texts.Get("fr", "deliver.mail.ack.body"), c.Number, c.Subject, baseUrl + "/status/" + statusToken, "Commune de Hautrival"),
        };
        var onSent = PendingEvent.MailSent("case-acknowledgement", new EventLogObject("case", c.Id.ToString(), Role.Case));
        return new BareMail(JsonSerializer.Serialize(mail, JsonColumn.Options), mail.Describe(), JsonSerializer.Serialize(onSent, JsonColumn.Options));
    }

    private static NewCase NewCaseRequest(CaseGenerator generator, List<CaseType> types)
    {
        var type = types[Random.Shared.Next(types.Count)];
        var person = generator.PersonNumber();
        var complete = Random.Shared.Next(2) == 0;
        var subject = "Demande au guichet";
        var parties = new List<CaseParty> { new(PartyRole.Applicant, PartyKind.Person, "Jeanne Benchmark", person, "jeanne@example.be", null, "rue de la Station 1, 5395 Hautrival") };
        var body = new
        {
            caseType = type.Code, language = "fr", subject, complete,
            parties = new[] { new { role = "applicant", kind = "person", name = "Jeanne Benchmark", number = person, email = "jeanne@example.be", address = "rue de la Station 1, 5395 Hautrival" } },
        };
        return new NewCase(body, type, subject, complete, parties);
    }

    private static async Task<JsonElement> WaitForListAsync(HttpClient http)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var r = await http.GetAsync("/api/v1/cases?limit=50");
                if (r.IsSuccessStatusCode) return await r.Content.ReadFromJsonAsync<JsonElement>();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { } // not listening yet
            await Task.Delay(500);
        }
        throw new InvalidOperationException("The app did not answer the work list within 5 minutes.");
    }

    private static (DateOnly, Guid) ReadCursor(string text)
    {
        var b64 = text.Replace('-', '+').Replace('_', '/');
        b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
        var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('|');
        return (DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), Guid.Parse(parts[1]));
    }

    private static async Task<(int All, int Open)> CountUnitCasesAsync(Target target, Guid unit)
    {
        await using var db = target.Context();
        var all = await db.Set<Case>().CountAsync(c => c.UnitId == unit);
        var open = await db.Set<Case>().CountAsync(c => c.UnitId == unit && c.ClosedAt == null);
        return (all, open);
    }

    /// The plan of the work-list query, to show where its time goes.
    private static async Task<string> ExplainListAsync(Target target, Guid unit)
    {
        var sql = BareSql.List(false, false);
        if (target.IsPostgres)
        {
            await using var conn = new NpgsqlConnection(target.AppConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql.Replace("@unit", $"'{unit}'::uuid", StringComparison.Ordinal), conn);
            var lines = new List<string>();
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) lines.Add(r.GetString(0));
            return string.Join('\n', lines);
        }
        await using (var conn = new SqliteConnection(target.AppConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
            cmd.Parameters.AddWithValue("@unit", SqliteCaseSink.G(unit));
            var lines = new List<string>();
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) lines.Add(r.GetString(3));
            return string.Join('\n', lines);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Report(BenchOptions o, string provider, string server, GenerationStats s, TimeSpan load, TimeSpan rebuild, TimeSpan generated, long dbSize,
        (int All, int Open) unitCases, List<Load.Result> results, long rssMb, string loadBefore, string loadAfter, string plan, Dictionary<string, string> creationErrors)
    {
        var sb = new StringBuilder();
        var rows = s.Cases + s.Events + s.EventObjects + s.PartyNumbers;
        var name = provider == "postgres" ? "PostgreSQL" : "SQLite";
        sb.AppendLine(CultureInfo.InvariantCulture, $"## Case files on {name}: {s.Cases:N0} cases, {s.Events:N0} events");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Machine.Describe()}; {server}; the app (`dotnet Guichet.dll`, server GC), the database and the load generator share the machine. Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter} (other work on the machine counts in these numbers).");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Data: {s.Cases:N0} cases over {s.Years} years (at most {s.MaxPerYear:N0} in one year), {s.Closed * 100.0 / s.Cases:F0} % closed, {s.Suspended * 100.0 / s.Cases:F0} % suspended; {s.Events:N0} events ({s.Events / (double)s.Cases:F1} per case) with {s.EventObjects:N0} event-object rows; {s.PartyNumbers:N0} party numbers (valid national and enterprise numbers). " +
            $"Written in {load.TotalSeconds:F0} s ({rows / load.TotalSeconds:N0} rows/s, {(provider == "postgres" ? "binary COPY, indexes and foreign keys dropped during the load" : "prepared INSERTs in large transactions, secondary indexes dropped during the load")}), then indexes rebuilt and analysed in {rebuild.TotalSeconds:F0} s: {generated.TotalMinutes:F1} min in all. Database size {dbSize / 1024.0 / 1024 / 1024:F1} GiB. " +
            $"The case handler's unit (urban planning) holds {unitCases.All:N0} cases, {unitCases.Open:N0} of them open. Runs of {o.Seconds} s after {Warmup.TotalSeconds:F0} s of warm-up; app memory at the end {rssMb} MB.");
        sb.AppendLine();

        var creation = results.Where(r => r.Name.StartsWith("create|", StringComparison.Ordinal)).ToList();
        sb.AppendLine("### Creation: POST /api/v1/cases (a case, its party numbers, its event and event objects, one durable commit)");
        sb.AppendLine();
        sb.AppendLine("| what | clients | cases/s | p50 ms | p95 ms | p99 ms | errors |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in creation) sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name.Split('|')[1]} | {r.Clients} | {r.PerSecond:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Errors} |");
        sb.AppendLine();
        foreach (var clients in new[] { 1, 16 })
        {
            var ours = creation.Single(r => r.Clients == clients && r.Name.Contains("Guichet", StringComparison.Ordinal));
            var bare = creation.Single(r => r.Clients == clients && !r.Name.Contains("Guichet", StringComparison.Ordinal));
            var ratio = ours.PerSecond / bare.PerSecond;
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {clients} client(s): Guichet / bare = **{ratio:F2}** (target ≥ 0.5: {(ratio >= 0.5 ? "met" : "missed")}).");
        }
        foreach (var (status, body) in creationErrors) sb.AppendLine(CultureInfo.InvariantCulture, $"- A failed creation answered {status}: `{body.ReplaceLineEndings(" ")}`");
        sb.AppendLine();

        sb.AppendLine("### Reads as the unit's case handler (each also records its audit event, as the app does)");
        sb.AppendLine();
        sb.AppendLine("| request | what | clients | req/s | p50 ms | p95 ms | p99 ms | errors |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results.Where(r => !r.Name.StartsWith("create|", StringComparison.Ordinal)))
        {
            var parts = r.Name.Split('|');
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {parts[0]} | {parts[1]} | {r.Clients} | {r.PerSecond:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Errors} |");
        }
        sb.AppendLine();
        foreach (var what in results.Select(r => r.Name.Split('|')[0]).Where(w => w != "create").Distinct())
        {
            var ours = results.Single(r => r.Clients == 16 && r.Name == what + "|Guichet over HTTP");
            var bare = results.Single(r => r.Clients == 16 && r.Name == what + "|bare SQL + the same audit rows");
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {what}, 16 clients: median **{ours.P50:F1} ms** (target ≤ 20 ms: {(ours.P50 <= 20 ? "met" : "missed")}), p95 {ours.P95:F1} ms; throughput Guichet / bare with the same audit rows = {ours.PerSecond / bare.PerSecond:F2}.");
        }
        sb.AppendLine();
        sb.AppendLine("For scale: Open Zaak publishes a 240 ms median for its case list at 16 users on 10 CPUs.");
        sb.AppendLine();
        sb.AppendLine("<details><summary>Plan of the work-list query (first page) on this data</summary>");
        sb.AppendLine();
        sb.AppendLine("```");
        sb.AppendLine(plan);
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine("</details>");
        return sb.ToString();
    }
}
