using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Guichet.BrowserTests.Support;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.BrowserTests.Platform;

/// A Guichet host whose staff sign in through a real OpenID provider (oidc-provider, the npm
/// package in tests/oidc-provider, run by node on 127.0.0.1), with local passwords switched off.
public sealed class OidcBrowserApp : BrowserApp
{
    public const string ClientId = "guichet-test";
    public const string ClientSecret = "a-client-secret-for-the-tests";
    public static readonly Guid MappedUnit = Guichet.Orient.Catalogue.Demo.CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-urban-planning");

    public int ProviderPort { get; } = FreePort();
    public string ProviderUrl => $"http://127.0.0.1:{ProviderPort}";
    private Process? _provider;
    private readonly string _folder = Directory.CreateTempSubdirectory("guichet-oidc-").FullName;

    /// The provider's people: login → claims ("groups" the roles, "department" the unit).
    public static readonly Dictionary<string, Dictionary<string, object>> Accounts = new()
    {
        ["olga"] = new() { ["email"] = "olga.oidc@organisation.test", ["name"] = "Olga Oidc", ["groups"] = new[] { "guichet-handlers", "staff" }, ["department"] = "urban-planning" },
        ["nora"] = new() { ["email"] = "nora.norole@organisation.test", ["name"] = "Nora Norole", ["groups"] = new[] { "staff" } },
        ["tom"] = new() { ["email"] = "tom.tamper@organisation.test", ["name"] = "Tom Tamper", ["groups"] = new[] { "guichet-editors" } },
    };

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        base.ConfigureMore(builder);
        builder.UseSetting("Identity:LocalPasswords", "false");
        builder.UseSetting("Identity:Oidc:Authority", ProviderUrl);
        builder.UseSetting("Identity:Oidc:ClientId", ClientId);
        builder.UseSetting("Identity:Oidc:ClientSecret", ClientSecret);
        builder.UseSetting("Identity:Oidc:DisplayName", "Organisation ID");
        builder.UseSetting("Identity:Oidc:Scopes", "guichet");
        builder.UseSetting("Identity:Oidc:RequireHttpsMetadata", "false");
        builder.UseSetting("Identity:Oidc:RoleClaim", "groups");
        builder.UseSetting("Identity:Oidc:Roles:guichet-handlers", "casehandler,manager");
        builder.UseSetting("Identity:Oidc:Roles:guichet-editors", "editor");
        builder.UseSetting("Identity:Oidc:UnitClaim", "department");
        builder.UseSetting("Identity:Oidc:Units:urban-planning", MappedUnit.ToString());
    }

    /// Starts the provider once the host's address is known (its client's redirect addresses).
    public async Task StartProviderAsync()
    {
        await StartBrowserAsync();
        if (_provider is not null) return;
        var config = Path.Combine(_folder, "provider.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            port = ProviderPort,
            clientId = ClientId,
            clientSecret = ClientSecret,
            redirectUris = new[] { BaseUrl + OidcSignIn.CallbackPath },
            postLogoutRedirectUris = new[] { BaseUrl + OidcSignIn.SignedOutCallbackPath },
            accounts = Accounts,
        }));
        var folder = ProviderFolder();
        var script = Path.Combine(folder, "provider.mjs");
        if (!File.Exists(Path.Combine(folder, "node_modules", "oidc-provider", "package.json")))
            throw new InvalidOperationException("tests/oidc-provider is not installed: run `npm ci` there (test.sh does).");
        var start = new ProcessStartInfo("node", [script, config])
        {
            // The provider ends when this test process does (its standard input closes).
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _provider = Process.Start(start)!;
        _provider.OutputDataReceived += (_, _) => { };
        _provider.ErrorDataReceived += (_, _) => { };
        _provider.BeginOutputReadLine();
        _provider.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await http.GetAsync(ProviderUrl + "/.well-known/openid-configuration")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            if (_provider.HasExited) throw new InvalidOperationException("The OpenID provider stopped at its start (exit " + _provider.ExitCode + ").");
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The OpenID provider did not answer.");
    }

    /// tests/oidc-provider, above the test binaries.
    private static string ProviderFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Guichet.slnx"))) return Path.Combine(dir.FullName, "tests", "oidc-provider");
        throw new InvalidOperationException("Guichet.slnx not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_provider is { HasExited: false })
        {
            _provider.Kill(entireProcessTree: true);
            await _provider.WaitForExitAsync();
        }
        _provider?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class OidcCollection : ICollectionFixture<OidcBrowserApp>
{
    public const string Name = "oidc";
}

[Collection(OidcCollection.Name)]
public sealed class OidcSignInTests(OidcBrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartProviderAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// From Guichet's sign-in page to the provider's login form, as <paramref name="login"/>.
    private async Task SignInAtProviderAsync(IPage page, string login, string language = "en")
    {
        await page.GotoAsync($"{app.BaseUrl}/staff/sign-in?lang={language}");
        await page.ClickAsync("#sign-in-oidc");
        // The first challenge of a run fetches the provider's metadata and keys through the app's
        // back channel; on a loaded two-core machine that took longer than Playwright's default
        // 30 s once. Wait longer, and say where the browser is when it never gets there.
        try
        {
            await page.WaitForURLAsync(app.ProviderUrl + "/**", new() { WaitUntil = WaitUntilState.Commit, Timeout = 90_000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Not at the provider after signing in: {page.Url}\n{await page.ContentAsync()}", e);
        }
        await page.WaitForSelectorAsync("input[name=login]", new() { Timeout = 60_000 });
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", "any password");
        await page.ClickAsync("button[type=submit]");
    }

    private T Query<T>(Func<Guichet.Platform.Data.GuichetDb, T> query)
    {
        using var scope = app.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<Guichet.Platform.Data.GuichetDb>());
    }

    private StaffUser? Account(string email) => Query(db => db.Set<StaffUser>().AsNoTracking().SingleOrDefault(u => u.Email == email));

    private List<string> Activities(Guid userId) => Query(db => db.Set<Guichet.Platform.EventLog.EventLogEntry>().AsNoTracking()
        .Where(e => e.Actor == "staff:" + userId).OrderBy(e => e.Id).Select(e => e.Activity).ToList());

    [Fact]
    public async Task A_person_with_a_mapped_role_signs_in_gets_roles_and_unit_from_the_claims_and_signing_out_ends_both_sessions()
    {
        var page = await app.NewPageAsync();
        await SignInAtProviderAsync(page, "olga");
        await page.WaitForURLAsync(app.BaseUrl + "/staff");
        Assert.Equal("Staff area", await page.InnerTextAsync("h1"));

        var user = Account("olga.oidc@organisation.test");
        Assert.NotNull(user);
        Assert.Equal(["casehandler", "manager"], user.RoleList.Order());
        Assert.Equal(OidcBrowserApp.MappedUnit, user.UnitId);
        Assert.Equal($"{app.ProviderUrl}|olga", user.ExternalSubject);
        Assert.Equal(["platform.staff-user.created", "platform.staff-user.signed-in"], Activities(user.Id));
        var created = Query(db => db.Set<Guichet.Platform.EventLog.EventLogEntry>().AsNoTracking().Single(e => e.Activity == "platform.staff-user.created" && e.Actor == "staff:" + user.Id));
        Assert.Contains("\"source\":\"oidc\"", created.Attributes);
        // A case handler's page opens.
        var cases = await page.GotoAsync(app.BaseUrl + "/staff/cases");
        Assert.Equal(200, cases!.Status);
        var cookies = await page.Context.CookiesAsync();

        // Sign out: Guichet's session ends, then the provider's (its end-session page), then home.
        await page.GotoAsync(app.BaseUrl + "/staff/sign-out?lang=en");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(app.ProviderUrl + "/**");
        await page.ClickAsync("button[name=logout]");
        await page.WaitForURLAsync(app.BaseUrl + "/");
        Assert.Contains("platform.staff-user.signed-out", Activities(user.Id));

        // The old cookie, replayed, opens nothing.
        var replay = await app.Browser.NewContextAsync();
        await replay.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Secure = c.Secure, HttpOnly = c.HttpOnly }));
        var replayed = await replay.NewPageAsync();
        await replayed.GotoAsync(app.BaseUrl + "/staff");
        Assert.Contains("/staff/sign-in", replayed.Url);

        // The provider's session ended too: signing in again asks for the login.
        await page.GotoAsync($"{app.BaseUrl}/staff/sign-in?lang=en");
        await page.ClickAsync("#sign-in-oidc");
        await page.WaitForURLAsync(app.ProviderUrl + "/**");
        Assert.True(await page.IsVisibleAsync("input[name=login]"));
    }

    [Fact]
    public async Task A_person_without_a_mapped_role_gets_a_clear_page_and_no_account()
    {
        var page = await app.NewPageAsync();
        await SignInAtProviderAsync(page, "nora", "nl");
        await page.WaitForURLAsync(app.BaseUrl + "/staff/sign-in/problem**");
        Assert.Contains("geen rol in Guichet", await page.InnerTextAsync("#sign-in-problem"));
        await BrowserApp.AssertAccessibleAsync(page, "nl", "sign-in problem");
        Assert.Null(Account("nora.norole@organisation.test"));
        var staff = await page.GotoAsync(app.BaseUrl + "/staff");
        Assert.Contains("/staff/sign-in", page.Url);
        Assert.Equal(200, staff!.Status);
    }

    [Fact]
    public async Task A_tampered_state_is_refused_with_a_clear_page_and_no_session()
    {
        var page = await app.NewPageAsync();
        // The provider's answer comes back as a form post to /signin-oidc: change its state.
        await page.RouteAsync("**/signin-oidc", async route =>
        {
            var body = route.Request.PostData ?? "";
            var tampered = System.Text.RegularExpressions.Regex.Replace(body, "state=([^&]{10})([^&])", m => "state=" + m.Groups[1].Value + (m.Groups[2].Value == "A" ? "B" : "A"));
            Assert.NotEqual(body, tampered);
            await route.ContinueAsync(new RouteContinueOptions { PostData = System.Text.Encoding.UTF8.GetBytes(tampered) });
        });
        await SignInAtProviderAsync(page, "tom", "de");
        await page.WaitForURLAsync(app.BaseUrl + "/staff/sign-in/problem**");
        Assert.Contains("konnte nicht geprüft werden", await page.InnerTextAsync("#sign-in-problem"));
        Assert.Null(Account("tom.tamper@organisation.test"));

        // A made-up answer straight to the callback: the same page, never a 500.
        var forged = await page.GotoAsync(app.BaseUrl + "/signin-oidc?code=made-up&state=made-up");
        Assert.Contains("/staff/sign-in/problem", page.Url);
        Assert.Equal(400, forged!.Status);
    }

    [Theory]
    [InlineData("fr", "Se connecter avec Organisation ID")]
    [InlineData("nl", "Aanmelden met Organisation ID")]
    [InlineData("de", "Mit Organisation ID anmelden")]
    [InlineData("en", "Sign in with Organisation ID")]
    public async Task Without_local_passwords_the_page_offers_the_provider_only_and_has_no_axe_violations(string language, string button)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/staff/sign-in?lang={language}");
        Assert.Equal(button, (await page.InnerTextAsync("#sign-in-oidc")).Trim());
        Assert.Equal(0, await page.Locator("#password").CountAsync());
        await BrowserApp.AssertAccessibleAsync(page, language, "sign-in with a provider");
    }
}
