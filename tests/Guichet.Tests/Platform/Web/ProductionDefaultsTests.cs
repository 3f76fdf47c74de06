using System.Net;
using Guichet.Platform.Data;
using Guichet.Platform.Identity;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Guichet.Tests.Platform.Web;

/// A first start in the Production environment, as an operator makes it: no demo asked for, no
/// public address configured.
public sealed class ProductionApp : GuichetApp
{
    protected override bool LoadDemo => false;

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Web:PublicBaseUrl", "");
    }
}

/// A host behind a reverse proxy at 203.0.113.5 (Web:KnownProxies).
public sealed class ProxiedApp : GuichetApp
{
    protected override void ConfigureMore(IWebHostBuilder builder) => builder.UseSetting("Web:KnownProxies", "203.0.113.5");
}

public sealed class ProductionDefaultsTests(ProductionApp production, GuichetApp app, ProxiedApp proxied)
    : IClassFixture<ProductionApp>, IClassFixture<GuichetApp>, IClassFixture<ProxiedApp>
{
    private async Task<string> ConsoleOfAsync(GuichetApp host)
    {
        using var output = new StringWriter();
        await Setup.PrepareAsync(host.Services, host.Services.GetRequiredService<IConfiguration>(), host.Services.GetRequiredService<IHostEnvironment>(), output);
        return output.ToString();
    }

    [Fact]
    public async Task A_fresh_production_install_has_no_account_with_a_known_password_and_says_how_to_make_the_first_admin()
    {
        Assert.Equal(0, production.InScope(db => db.Set<StaffUser>().Count()));
        var console = await ConsoleOfAsync(production);

        Assert.Contains("users add --email", console);
        Assert.Contains("--role admin", console);
        Assert.DoesNotContain(DemoAccounts.Password, console);
        var refused = await new CookieJar().SignInAsync(production.Client(), DemoAccounts.Admin, DemoAccounts.Password);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Theory]
    [InlineData("Production", false, false, false)]
    [InlineData("Production", true, false, true)]
    [InlineData("Production", false, true, true)]
    [InlineData("Development", false, false, true)]
    public void The_demo_loads_only_when_asked(string environment, bool argument, bool setting, bool loads)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:SeedIfEmpty"] = setting ? "true" : null }).Build();
        var host = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };
        Assert.Equal(loads, Setup.DemoAsked(configuration, host, argument));
    }

    [Fact]
    public async Task Without_a_public_address_production_holds_mail_back_and_says_so_on_health_and_the_console()
    {
        var health = await production.Client().GetAsync("/health");
        var text = await health.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("Degraded", text);
        Assert.Contains("Web:PublicBaseUrl", text);
        Assert.Contains("mail sending is OFF", await ConsoleOfAsync(production));

        var id = await production.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GuichetDb>();
            var message = new OutboxMessage("mail", "{}", "pending mail", DateTimeOffset.UtcNow.AddMinutes(-1));
            db.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        Assert.Equal(0, await production.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync());
        var held = production.Message(id);
        Assert.Equal(0, held.Attempts);
        Assert.True(held.IsPending);
    }

    [Fact]
    public async Task Links_never_come_from_the_Host_the_caller_sends()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://evil.example") });

        var html = await client.GetStringAsync("/services/hautrival-eid");

        Assert.Contains("https://localhost/services/hautrival-eid", html);
        Assert.DoesNotContain("evil.example", html);
    }

    [Fact]
    public async Task Answers_other_than_static_files_are_not_stored_by_caches()
    {
        var client = app.Client();
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var session = await app.SignedInAsync(DemoAccounts.Admin);

        foreach (var response in new[]
        {
            await session.Jar.GetAsync(session.Client, "/staff"),
            await admin.GetAsync("/api/v1/cases"),
            await client.GetAsync("/staff/sign-in"),
            await client.GetAsync("/"),
            await client.GetAsync("/api/v1/does-not-exist"),
        })
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri}: {response.Headers.CacheControl}");
        var css = await client.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.CacheControl?.NoStore ?? false);
    }

    [Fact]
    public void Kestrel_sends_no_Server_header() =>
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);

    [Fact]
    public async Task HSTS_is_sent_on_https_answers_only()
    {
        var https = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://guichet.example") });
        var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://guichet.example") });

        Assert.True((await https.GetAsync("/")).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await http.GetAsync("/")).Headers.Contains("Strict-Transport-Security"));
    }

    private static async Task<bool> SeenAsHttpsAsync(GuichetApp host, string remoteAddress)
    {
        var context = await host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
            c.Request.Method = "GET";
            c.Request.Scheme = "http";
            c.Request.Host = new HostString("guichet.example");
            c.Request.Path = "/";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.20";
        });
        return context.Response.Headers.ContainsKey("Strict-Transport-Security");
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_only_from_a_configured_proxy()
    {
        Assert.True(await SeenAsHttpsAsync(proxied, "203.0.113.5"));
        Assert.False(await SeenAsHttpsAsync(proxied, "198.51.100.9"));
        Assert.False(await SeenAsHttpsAsync(app, "127.0.0.1")); // none configured: not even loopback
    }

    [Fact]
    public async Task Two_nodes_and_a_restart_on_one_database_accept_each_others_cookies_and_antiforgery_tokens()
    {
        var first = new GuichetApp();
        await ((IAsyncLifetime)first).InitializeAsync();
        try
        {
            var jar = new CookieJar();
            var page = await Html.ParseAsync(await jar.GetAsync(first.Client(), "/staff/sign-in"));
            var second = GuichetApp.NodeOf(first);
            await ((IAsyncLifetime)second).InitializeAsync();
            try
            {
                // The form and its antiforgery token from the first node, posted to the second.
                var signIn = await jar.PostFormAsync(second.Client(), "/staff/sign-in", new Dictionary<string, string>
                {
                    ["email"] = DemoAccounts.Admin, ["password"] = DemoAccounts.Password, ["__RequestVerificationToken"] = Html.Antiforgery(page),
                });
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                // The sign-in cookie of the second node, on the first.
                Assert.Equal(HttpStatusCode.OK, (await jar.GetAsync(first.Client(), "/staff")).StatusCode);
            }
            finally
            {
                await ((IAsyncLifetime)second).DisposeAsync();
            }

            // A node started afterwards (a restart) still knows the session.
            var restarted = GuichetApp.NodeOf(first);
            await ((IAsyncLifetime)restarted).InitializeAsync();
            try
            {
                Assert.Equal(HttpStatusCode.OK, (await jar.GetAsync(restarted.Client(), "/staff")).StatusCode);
                Assert.NotEqual(0, restarted.InScope(db => db.Set<DataProtectionKey>().Count()));
            }
            finally
            {
                await ((IAsyncLifetime)restarted).DisposeAsync();
            }
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }
    }

    [Fact]
    public async Task The_data_folder_and_the_SQLite_file_are_created_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var root = Path.Combine(Path.GetTempPath(), "guichet-tests", Guid.NewGuid().ToString("N"));
        var dir = Path.Combine(root, "data");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Data:Directory"] = dir, ["Database:Provider"] = "sqlite",
            }).Build();
            await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddData().BuildServiceProvider();
            using (var scope = services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
                await DataModule.MigrateAsync(db);
                Assert.True(await db.Database.CanConnectAsync());
            }

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
            var files = Directory.GetFiles(dir, "guichet.db*");
            Assert.Contains(Path.Combine(dir, "guichet.db"), files);
            foreach (var file in files)
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
