using System.Net;
using Guichet.Platform.Data;
using Guichet.Platform.Identity;
using Guichet.Platform.Localization;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Platform.Identity;

/// Failed sign-ins are limited per account and per client address (the address a known proxy
/// forwarded), counted in the database (ADR 0020).
public sealed class SignInThrottleTests(SignInThrottleTests.App app) : IClassFixture<SignInThrottleTests.App>
{
    /// Behind a proxy (the test server's requests carry no address of their own: X-Forwarded-For
    /// decides), with a lower limit per address so that the test reaches it quickly.
    public sealed class App : GuichetApp
    {
        public const int AddressFailures = 7;

        protected override void ConfigureMore(IWebHostBuilder builder)
        {
            builder.UseSetting("Web:KnownProxies", "127.0.0.1");
            builder.UseSetting("Identity:Throttle:AddressFailures", AddressFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private const string Password = "correct-horse-battery";
    private static readonly string[] Languages = ["fr", "nl", "de", "en"];

    private async Task NewAccountAsync(string email) => await app.InScopeAsync(async sp =>
    {
        await sp.GetRequiredService<StaffAccounts>().CreateAsync(email, "Throttle Test", [Roles.Editor], Password, null, default);
        return await sp.GetRequiredService<GuichetDb>().SaveChangesAsync();
    });

    /// A browser at <paramref name="address"/> (behind the proxy), in <paramref name="language"/>.
    private async Task<(HttpClient Client, CookieJar Jar)> BrowserAsync(string address, string language = "en")
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        var jar = new CookieJar();
        await jar.GetAsync(client, "/accessibility?lang=" + language);
        return (client, jar);
    }

    private string Text(string language, string key) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, app.Services.GetRequiredService<Texts>().Get(language, key), new SignInThrottleOptions().WindowMinutes);

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not a redirect
        return (await Html.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent ?? "";
    }

    [Fact]
    public async Task Failures_from_many_addresses_shut_the_account_even_for_its_right_password_in_four_languages_and_its_api_token_still_works()
    {
        var email = "throttled-account@guichet.test";
        await NewAccountAsync(email);
        var limit = new SignInThrottleOptions().AccountFailures;
        for (var i = 0; i < limit; i++)
        {
            var (client, jar) = await BrowserAsync($"198.51.100.{i + 1}");
            await jar.SignInAsync(client, email, "guess-" + i);
        }

        foreach (var language in Languages)
        {
            var (client, jar) = await BrowserAsync("198.51.100.200", language);
            var error = await ErrorAsync(await jar.SignInAsync(client, email, Password));
            Assert.Contains(Text(language, "signin.error.locked"), error);
        }
        var api = await app.ClientAsAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        // Another account from the same addresses is not concerned.
        var (other, otherJar) = await BrowserAsync("198.51.100.1");
        Assert.Equal(HttpStatusCode.Redirect, (await otherJar.SignInAsync(other, DemoAccounts.Editor, DemoAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Failures_from_one_address_shut_that_address_for_every_account_but_not_other_addresses()
    {
        var email = "throttled-address@guichet.test";
        await NewAccountAsync(email);
        var (client, jar) = await BrowserAsync("203.0.113.7");
        for (var i = 0; i < App.AddressFailures; i++)
            Assert.Contains("The e-mail address or the password is wrong", await ErrorAsync(await jar.SignInAsync(client, $"someone-{i}@guichet.test", "guess")));

        foreach (var language in Languages)
        {
            var (c, j) = await BrowserAsync("203.0.113.7", language);
            Assert.Contains(Text(language, "signin.error.throttled-address"), await ErrorAsync(await j.SignInAsync(c, email, Password)));
        }
        var (elsewhere, elsewhereJar) = await BrowserAsync("192.0.2.44");
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhereJar.SignInAsync(elsewhere, email, Password)).StatusCode);
        // Only hashes are stored, neither e-mails nor addresses.
        var keys = app.InScope(db => db.Set<SignInFailure>().AsNoTracking().Select(f => f.AccountKey + f.AddressKey).ToList());
        Assert.DoesNotContain(keys, k => k.Contains("203.0.113.7", StringComparison.Ordinal) || k.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_counters_are_shared_by_the_nodes_of_an_installation()
    {
        var email = "two-nodes@guichet.test";
        await NewAccountAsync(email);
        var second = GuichetApp.NodeOf(app);
        await ((IAsyncLifetime)second).InitializeAsync();
        try
        {
            var limit = new SignInThrottleOptions().AccountFailures;
            for (var i = 0; i < limit; i++)
                await new CookieJar().SignInAsync((i % 2 == 0 ? app : second).Client(), email, "guess-" + i);
            var error = await ErrorAsync(await new CookieJar().SignInAsync(second.Client(), email, Password));
            Assert.Contains(Text("fr", "signin.error.locked"), error); // French unless the visitor chose otherwise
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }
}
