using System.Net;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Platform.Identity;

/// Sessions end on the server: a sign-in cookie kept (or stolen) before a sign-out, a lock-out, a
/// new password or new roles opens nothing afterwards (ADR 0020).
public sealed class SessionEndTests(SessionEndTests.App app) : IClassFixture<SessionEndTests.App>
{
    /// Stamps cached for one second only, so that a change made elsewhere shows quickly.
    public sealed class App : GuichetApp
    {
        protected override void ConfigureMore(IWebHostBuilder builder) => builder.UseSetting("Identity:SessionCheckSeconds", "1");
    }

    private const string Password = "correct-horse-battery";

    private async Task<Guid> NewAccountAsync(string email, params string[] roles) => await app.InScopeAsync(async sp =>
    {
        var user = await sp.GetRequiredService<StaffAccounts>().CreateAsync(email, "Session Test", roles.Length > 0 ? roles : [Roles.Editor], Password, null, default);
        await sp.GetRequiredService<GuichetDb>().SaveChangesAsync();
        return user.Id;
    });

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused_on_pages_and_on_the_api()
    {
        var id = await NewAccountAsync("signout@guichet.test");
        var session = await app.SignInAsync("signout@guichet.test", password: Password);
        var kept = session.Jar.Copy();
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync(session.Client, "/staff")).StatusCode);

        var signOut = await session.PageAsync("/staff/sign-out");
        var response = await session.SubmitAsync(signOut, "main form", new Dictionary<string, string>(), "/staff/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        AssertSentToSignIn(await kept.GetAsync(session.Client, "/staff"));
        AssertSentToSignIn(await kept.GetAsync(session.Client, "/staff/tokens"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await kept.GetAsync(session.Client, "/api/v1/me")).StatusCode);
        Assert.Contains("platform.staff-user.signed-out", app.Activities("staff-user", id));
        // Signing in again works, with a new session.
        var again = await app.SignInAsync("signout@guichet.test", password: Password);
        Assert.Equal(HttpStatusCode.OK, (await again.Jar.GetAsync(again.Client, "/staff")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_accounts_sessions_in_other_browsers_too()
    {
        await NewAccountAsync("two-browsers@guichet.test");
        var laptop = await app.SignInAsync("two-browsers@guichet.test", password: Password);
        var phone = await app.SignInAsync("two-browsers@guichet.test", password: Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.Jar.GetAsync(phone.Client, "/staff")).StatusCode);

        await laptop.SubmitAsync(await laptop.PageAsync("/staff/sign-out"), "main form", new Dictionary<string, string>(), "/staff/sign-out");

        AssertSentToSignIn(await phone.Jar.GetAsync(phone.Client, "/staff"));
    }

    [Fact]
    public async Task A_lock_out_ends_the_open_sessions()
    {
        var id = await NewAccountAsync("locked-session@guichet.test");
        var session = await app.SignInAsync("locked-session@guichet.test", password: Password);
        var attacker = new CookieJar();
        for (var i = 0; i < new SignInThrottleOptions().AccountFailures; i++)
            await attacker.SignInAsync(session.Client, "locked-session@guichet.test", "guess-" + i);

        AssertSentToSignIn(await session.Jar.GetAsync(session.Client, "/staff"));
        var user = app.InScope(db => db.Set<StaffUser>().AsNoTracking().Single(u => u.Id == id));
        Assert.True(user.IsLockedOut(DateTimeOffset.UtcNow));
        var locked = app.InScope(db => db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.Activity == "platform.staff-user.sign-in-failed" && e.Actor == "staff:" + id).Select(e => e.Attributes).ToList());
        Assert.Single(locked, a => a.Contains("\"lockedOut\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_roles_given_on_another_node_or_the_command_line_end_the_session_within_the_check_interval()
    {
        var id = await NewAccountAsync("promoted@guichet.test", Roles.Editor);
        var session = await app.SignInAsync("promoted@guichet.test", password: Password);
        Assert.Equal(HttpStatusCode.OK, (await session.Jar.GetAsync(session.Client, "/staff")).StatusCode);

        // As `guichet users roles` does, in another process: this node's cache is not told.
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GuichetDb>();
            var user = await db.Set<StaffUser>().SingleAsync(u => u.Id == id);
            Assert.True(sp.GetRequiredService<StaffAccounts>().ChangeRoles(user, [Roles.Editor, Roles.Manager]));
            sp.GetRequiredService<EventLog>().Record("system:cli", PlatformActivities.RolesChanged,
                [new EventLogObject("staff-user", id.ToString(), Role.Subject)], new Dictionary<string, object?> { ["roles"] = user.RoleList });
            return await db.SaveChangesAsync();
        });
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        AssertSentToSignIn(await session.Jar.GetAsync(session.Client, "/staff"));
        var again = await app.SignInAsync("promoted@guichet.test", password: Password);
        var me = await again.PageAsync("/staff");
        Assert.NotNull(me);
    }

    [Fact]
    public async Task A_new_password_ends_the_session()
    {
        var id = await NewAccountAsync("new-password@guichet.test");
        var session = await app.SignInAsync("new-password@guichet.test", password: Password);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GuichetDb>();
            var user = await db.Set<StaffUser>().SingleAsync(u => u.Id == id);
            sp.GetRequiredService<StaffAccounts>().ChangePassword(user, "another-long-password");
            sp.GetRequiredService<EventLog>().Record("system:cli", PlatformActivities.PasswordChanged, [new EventLogObject("staff-user", id.ToString(), Role.Subject)]);
            await db.SaveChangesAsync();
            sp.GetRequiredService<SessionStamps>().Forget(id);
            return 0;
        });

        AssertSentToSignIn(await session.Jar.GetAsync(session.Client, "/staff"));
    }

    [Fact]
    public async Task The_lock_out_message_is_the_same_whether_the_account_exists_or_not()
    {
        await NewAccountAsync("exists@guichet.test");
        var client = app.Client();
        async Task<List<string>> AnswersAsync(string email)
        {
            var jar = new CookieJar();
            await jar.GetAsync(client, "/accessibility?lang=en");
            var answers = new List<string>();
            for (var i = 0; i <= new SignInThrottleOptions().AccountFailures; i++)
            {
                var response = await jar.SignInAsync(client, email, "wrong-password-" + i);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answers.Add((await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent.Trim());
            }
            return answers;
        }

        var known = await AnswersAsync("exists@guichet.test");
        var unknown = await AnswersAsync("does-not-exist@guichet.test");

        Assert.Equal(known, unknown);
        Assert.Contains("The e-mail address or the password is wrong", known[0]);
        Assert.Contains("Too many failed sign-ins with this e-mail address", known[^1]);
        Assert.Contains("Too many failed sign-ins with this e-mail address", known[^2]); // the failure that shut it says so at once
    }
}
