using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Guichet.Tests.Cli;

/// The command line, run for real: the built Guichet binary in a child process, on a database
/// of its own (SQLite or PostgreSQL, like the rest of the suite).
public sealed class CliTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> RunAsync(string stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _db.Directory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Guichet.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["Database__Provider"] = TestDatabase.Provider;
        psi.Environment["Database__ConnectionString"] = _db.ConnectionString;
        psi.Environment["Data__Directory"] = _db.Directory;
        psi.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Migrate_seed_users_and_tokens_work_end_to_end()
    {
        var migrate = await RunAsync("", "migrate");
        Assert.True(migrate.Exit == 0, migrate.Err);

        var seed = await RunAsync("", "seed", "--demo");
        Assert.Equal(0, seed.Exit);
        Assert.Contains("admin@guichet.demo", seed.Out);
        Assert.Contains("not empty", (await RunAsync("", "seed", "--demo")).Out);

        var add = await RunAsync("a-long-enough-password\n", "users", "add", "--email", "Integrator@Example.be", "--role", "editor", "--name", "Ina Integrator");
        Assert.True(add.Exit == 0, add.Err);
        Assert.Contains("integrator@example.be", add.Out);

        var token = await RunAsync("", "token", "create", "--email", "integrator@example.be", "--name", "ci");
        Assert.Equal(0, token.Exit);
        var plain = token.Out.Trim();
        Assert.StartsWith("gch_", plain);

        // The token works against a host on the same database, and stops working once revoked.
        await using var app = new HostOn(_db);
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        var id = token.Err.Split(' ')[1];
        Assert.Equal(0, (await RunAsync("", "token", "revoke", "--id", id)).Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);

        // New roles and a new password end the account's web sessions (within the host's check interval).
        var jar = new CookieJar();
        var browser = app.Client(followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, (await jar.SignInAsync(browser, "integrator@example.be", "a-long-enough-password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await jar.GetAsync(browser, "/staff")).StatusCode);
        var roles = await RunAsync("", "users", "roles", "--email", "integrator@example.be", "--role", "editor,manager");
        Assert.True(roles.Exit == 0, roles.Err);
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        Assert.Equal(HttpStatusCode.Redirect, (await jar.GetAsync(browser, "/staff")).StatusCode);
        var password = await RunAsync("another-long-password\n", "users", "password", "--email", "integrator@example.be");
        Assert.True(password.Exit == 0, password.Err);
        Assert.Equal(HttpStatusCode.OK, (await jar.SignInAsync(browser, "integrator@example.be", "a-long-enough-password")).StatusCode); // refused: the form again
        Assert.Equal(HttpStatusCode.Redirect, (await jar.SignInAsync(browser, "integrator@example.be", "another-long-password")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_and_exit_code_2()
    {
        Assert.Equal(0, (await RunAsync("", "migrate")).Exit);
        var shortPassword = await RunAsync("short\n", "users", "add", "--email", "x@example.be", "--role", "editor");
        Assert.Equal(2, shortPassword.Exit);
        Assert.Contains("at least 12", shortPassword.Err);

        var badRole = await RunAsync("a-long-enough-password\n", "users", "add", "--email", "x@example.be", "--role", "king");
        Assert.Equal(2, badRole.Exit);
        Assert.Contains("Unknown role", badRole.Err);

        var noAccount = await RunAsync("", "token", "create", "--email", "nobody@example.be");
        Assert.Equal(2, noAccount.Exit);

        var list = await RunAsync("", "users", "list");
        Assert.DoesNotContain("x@example.be", list.Out);

        Assert.Equal(2, (await RunAsync("", "frobnicate")).Exit);
    }

    /// A web host on an existing database (no demo seeding, no migration).
    private sealed class HostOn(TestDatabase db) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", TestDatabase.Provider);
            builder.UseSetting("Database:ConnectionString", db.ConnectionString);
            builder.UseSetting("Data:Directory", db.Directory);
            builder.UseSetting("Demo:SeedIfEmpty", "false");
        }

        public HttpClient Client(bool followRedirects = true) => CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = followRedirects });
    }
}
