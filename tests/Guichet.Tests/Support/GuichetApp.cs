using System.Net.Http.Headers;
using Guichet.Platform.Data;
using Guichet.Platform.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Tests.Support;

/// A Guichet host over a fresh database of its own (SQLite or PostgreSQL, see TestDatabase),
/// migrated and loaded with the demo data, exactly as a first start does.
public class GuichetApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
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
        builder.UseSetting("Demo:SeedIfEmpty", "true");
        builder.UseSetting("Demo:ProcessHistory", "false"); // tests arrange the history they need (DemoHistoryTests turns it on)
        // Every change of a customer-facing record must add its journal event (JournalGuard).
        builder.UseSetting("Journal:Guard", "true");
        // Tests run the journal retention themselves (JournalRetention.PurgeAsync).
        builder.UseSetting("Journal:Retention:IntervalMinutes", "0");
        // Tests run outbox rounds themselves (OutboxDispatcher.DispatchDueAsync), when they choose.
        builder.UseSetting("Outbox:Enabled", "false");
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

    internal Guichet.Platform.Outbox.OutboxMessage Message(Guid id) =>
        InScope(db => db.Set<Guichet.Platform.Outbox.OutboxMessage>().Single(m => m.Id == id));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
