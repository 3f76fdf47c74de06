using System.Net;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Platform.Identity;

public sealed class SignInTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    [Fact]
    public async Task Staff_pages_redirect_anonymous_visitors_to_sign_in()
    {
        var response = await app.Client().GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Signing_in_sets_a_secure_http_only_cookie_and_opens_the_staff_area()
    {
        var client = app.Client();
        var jar = new CookieJar();
        var response = await jar.SignInAsync(client, DemoAccounts.Editor, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentityModule.CookieName, StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var staff = await jar.GetAsync(client, "/staff");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var response = await app.Client().PostAsync("/staff/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = DemoAccounts.Editor,
            ["password"] = DemoAccounts.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_the_users_language()
    {
        var client = app.Client();
        var jar = new CookieJar();
        await jar.GetAsync(client, "/?lang=de");
        var response = await jar.SignInAsync(client, DemoAccounts.Manager, "not the password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch", page.QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var email = "lockout@guichet.test";
        await app.InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<StaffAccounts>();
            await accounts.CreateAsync(email, "Lock Out", [Roles.FrontOffice], "correct-horse-battery", null, default);
            await sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().SaveChangesAsync();
            return 0;
        });
        var client = app.Client();
        var jar = new CookieJar();
        var limit = new SignInThrottleOptions().AccountFailures;
        for (var i = 0; i < limit; i++)
            await jar.SignInAsync(client, email, "wrong-password-" + i);

        var response = await jar.SignInAsync(client, email, "correct-horse-battery");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the page again, not a redirect
        var user = app.InScope(db => db.Set<StaffUser>().AsNoTracking().Single(u => u.Email == email));
        Assert.NotNull(user.LockedUntil);
        var failures = app.InScope(db => db.Set<EventLogEntry>().Count(e => e.Activity == "platform.staff-user.sign-in-failed" && e.Actor == "staff:" + user.Id));
        Assert.Equal(limit + 1, failures);
    }
}

/// Identity:LocalPasswords=false: the form is gone and a password posted anyway is refused.
public sealed class LocalPasswordsOffTests(LocalPasswordsOffTests.App app) : IClassFixture<LocalPasswordsOffTests.App>
{
    public sealed class App : GuichetApp
    {
        protected override void ConfigureMore(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting("Identity:LocalPasswords", "false");
    }

    [Fact]
    public async Task The_form_is_hidden_and_a_right_password_is_refused_without_a_session()
    {
        var client = app.Client();
        var jar = new CookieJar();
        var other = await Html.ParseAsync(await jar.GetAsync(client, "/accessibility?lang=en"));
        var page = await Html.ParseAsync(await jar.GetAsync(client, "/staff/sign-in"));
        Assert.Null(page.QuerySelector("#password"));
        Assert.Contains("Signing in is not set up", page.QuerySelector("main")!.TextContent);

        // A crafted post (with a valid antiforgery token of another form).
        var response = await jar.PostFormAsync(client, "/staff/sign-in", new Dictionary<string, string>
        {
            ["email"] = DemoAccounts.Admin,
            ["password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = Html.Antiforgery(other),
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("switched off", (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(IdentityModule.CookieName, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await jar.GetAsync(client, "/staff")).StatusCode);
    }
}
