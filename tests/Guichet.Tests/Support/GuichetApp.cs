using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Platform.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Tests.Support;

/// A Guichet host over a fresh database of its own (SQLite or PostgreSQL, see TestDatabase),
/// migrated and loaded with the demo data, exactly as a first start with `--demo` does. Given
/// another host's database, it is a second node of the same installation (it neither migrates
/// a new database nor drops it at the end).
public class GuichetApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;
    private readonly bool _sharedDatabase;

    public GuichetApp() { }

    // One public constructor: xUnit makes fixtures with it.
    protected GuichetApp(TestDatabase shared)
    {
        _database = shared;
        _sharedDatabase = true;
    }

    /// Another node of <paramref name="first"/>'s installation, on its database (not started yet).
    public static GuichetApp NodeOf(GuichetApp first) => new(first.Database);

    /// Whether the demo data is asked for (a production install starts without it).
    protected virtual bool LoadDemo => true;
    private readonly ConcurrentDictionary<(string Email, string Language), Task<StaffSession>> _sessions = new();

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _database ??= await TestDatabase.CreateAsync();
        BeforeStart();
        StartServer(); // migrations and demo data run here
    }

    /// Browser tests switch to a real Kestrel port here.
    protected virtual void BeforeStart() { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Data:Directory", Database.Directory);
        if (LoadDemo) builder.UseSetting("Demo:SeedIfEmpty", "true");
        // Links in mails come from the configured public address only.
        builder.UseSetting("Web:PublicBaseUrl", "https://localhost");
        builder.UseSetting("Demo:ProcessHistory", "false"); // tests arrange the history they need (DemoHistoryTests turns it on)
        // Every change of a customer-facing record must add its journal event (JournalGuard).
        builder.UseSetting("Journal:Guard", "true");
        // Tests run the journal retention themselves (JournalRetention.PurgeAsync).
        builder.UseSetting("Journal:Retention:IntervalMinutes", "0");
        // Tests run outbox rounds themselves (OutboxDispatcher.DispatchDueAsync), when they choose.
        builder.UseSetting("Outbox:Enabled", "false");
        // Tests run the satisfaction survey job themselves (SurveyJob.RunOnceAsync), when they choose.
        builder.UseSetting("Follow:Satisfaction:PollSeconds", "0");
        // ... and the notice sender and the webhook job (NoticeJob, WebhookJob).
        builder.UseSetting("Follow:Notices:PollSeconds", "0");
        builder.UseSetting("Follow:Webhooks:PollSeconds", "0");
        // Tests post far more than a person would in an hour: the anonymous limits are raised
        // here (RateLimitTests runs them at a small size, LimitedApp).
        foreach (var limit in Guichet.Platform.Web.RateLimits.Defaults) builder.UseSetting($"Limits:{limit.Name}:Permits", "100000");
        ConfigureMore(builder);
    }

    protected virtual void ConfigureMore(IWebHostBuilder builder) { }

    /// A client over https (cookies are Secure), not following redirects.
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
    });

    /// A client with a fresh API token of the given demo account.
    public async Task<HttpClient> ClientAsAsync(string email)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var user = db.Set<StaffUser>().Single(u => u.Email == email);
        var (token, plain) = ApiToken.Create(user.Id, "test", DateTimeOffset.UtcNow);
        db.Add(token);
        await db.SaveChangesAsync();
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        return client;
    }

    /// A staff member signed in through the real sign-in page, on a client of its own. With a
    /// language, a page is opened in it first, so the session keeps that language.
    public async Task<StaffSession> SignInAsync(string email, string? language = "en", string password = DemoAccounts.Password)
    {
        var session = new StaffSession(Client(), new CookieJar());
        if (language is not null) await session.Jar.GetAsync(session.Client, $"/accessibility?lang={language}");
        var response = await session.Jar.SignInAsync(session.Client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// The session of that account and language on this host, signed in the first time it is asked
    /// for: sign-in is rate-limited per address, and every client of the test server has the same one.
    public Task<StaffSession> SignedInAsync(string email, string language = "en", string password = DemoAccounts.Password) =>
        _sessions.GetOrAdd((email, language), _ => SignInAsync(email, language, password));

    internal T InScope<T>(Func<GuichetDb, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<GuichetDb>());
    }

    private static readonly Guichet.Platform.EventLog.Activity Arranged =
        Guichet.Platform.EventLog.Activity.Administration("platform.test-data.arranged", "Test set-up written straight to the database.", []);

    /// Test set-up written straight to the database (rows no use case could make, such as a contact
    /// received last week), with a journal entry saying so: the journal guard lets no change of a
    /// customer-facing record pass without one.
    internal T Arrange<T>(Func<GuichetDb, T> arrange)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Guichet.Platform.EventLog.EventLog>().Record("test", Arranged, []);
        return arrange(scope.ServiceProvider.GetRequiredService<GuichetDb>());
    }

    /// The activities the event log holds about one object, oldest first.
    internal List<string> Activities(string objectType, Guid id) => InScope(db =>
    {
        var key = id.ToString();
        return db.Set<EventLogEntry>().AsNoTracking().Where(e => e.Objects.Any(o => o.ObjectType == objectType && o.ObjectId == key))
            .OrderBy(e => e.Id).Select(e => e.Activity).ToList();
    });

    internal OutboxMessage Message(Guid id) => InScope(db => db.Set<OutboxMessage>().Single(m => m.Id == id));

    /// Stores a mail that has failed with <paramref name="error"/>: dead-lettered, or pending with a
    /// retry planned.
    public async Task<Guid> StoreFailedMailAsync(string summary, bool deadLettered, string error)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var now = DateTimeOffset.UtcNow;
        var message = new OutboxMessage("mail", "{}", summary, now);
        message.RecordFailure(error, permanent: deadLettered, now, new OutboxOptions());
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && !_sharedDatabase) await _database.DisposeAsync();
    }
}
