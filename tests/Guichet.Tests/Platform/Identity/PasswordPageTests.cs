using System.Net;
using Guichet.Platform.Data;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Platform.Identity;

/// A staff member changes their own password on /staff/password: the current one, the new one
/// twice; the other sessions end, this one goes on; bad input is refused with the field named and
/// nothing changed.
public sealed class PasswordPageTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private const string Old = "correct-horse-battery";
    private const string New = "a-new-and-long-passphrase";

    private async Task<Guid> NewAccountAsync(string email) => await app.InScopeAsync(async sp =>
    {
        var user = await sp.GetRequiredService<StaffAccounts>().CreateAsync(email, "Password Test", [Roles.Editor], Old, null, default);
        await sp.GetRequiredService<GuichetDb>().SaveChangesAsync();
        return user.Id;
    });

    private (string Hash, string Stamp) Stored(Guid id) => app.InScope(db => db.Set<StaffUser>().AsNoTracking().Where(u => u.Id == id).Select(u => new ValueTuple<string, string>(u.PasswordHash, u.SecurityStamp)).Single());

    private static async Task<HttpResponseMessage> ChangeAsync(StaffSession s, string current, string next, string confirm)
    {
        var page = await s.PageAsync("/staff/password");
        return await s.SubmitAsync(page, "main form.case-form", new Dictionary<string, string> { ["currentPassword"] = current, ["newPassword"] = next, ["confirmPassword"] = confirm }, "/staff/password");
    }

    [Fact]
    public async Task The_new_password_works_the_old_one_not_and_other_sessions_end_but_this_one()
    {
        var id = await NewAccountAsync("own-password@guichet.test");
        var here = await app.SignInAsync("own-password@guichet.test", password: Old);
        var elsewhere = await app.SignInAsync("own-password@guichet.test", password: Old);
        Assert.NotNull((await here.PageAsync("/staff")).QuerySelector("a[href='/staff/password']"));

        var changed = await ChangeAsync(here, Old, New, New);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/staff/password?done=changed", changed.Headers.Location!.OriginalString);
        var done = await here.PageAsync("/staff/password?done=changed");
        Assert.Contains("Your password has been changed", done.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await here.Jar.GetAsync(here.Client, "/staff")).StatusCode);

        var other = await elsewhere.Jar.GetAsync(elsewhere.Client, "/staff");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/staff/sign-in", other.Headers.Location!.PathAndQuery);
        Assert.Contains("platform.staff-user.password-changed", app.Activities("staff-user", id));

        var withOld = new StaffSession(app.Client(), new CookieJar());
        Assert.NotEqual(HttpStatusCode.Redirect, (await withOld.Jar.SignInAsync(withOld.Client, "own-password@guichet.test", Old)).StatusCode);
        await app.SignInAsync("own-password@guichet.test", password: New);
    }

    [Theory]
    [InlineData("", "", "", new[] { "#currentPassword", "#newPassword", "#confirmPassword" }, "Fill in this field.")]
    [InlineData(Old, "short", "short", new[] { "#newPassword" }, "at least 12 characters")]
    [InlineData(Old, New, New + "x", new[] { "#confirmPassword" }, "not the same")]
    [InlineData("not-the-password", New, New, new[] { "#currentPassword" }, "not your current password")]
    [InlineData(Old, Old, Old, new[] { "#newPassword" }, "other than the current one")]
    public async Task Bad_input_names_the_field_and_changes_nothing(string current, string next, string confirm, string[] fields, string message)
    {
        var email = $"bad-{Guid.NewGuid():N}@guichet.test";
        var id = await NewAccountAsync(email);
        var s = await app.SignInAsync(email, password: Old);
        var before = Stored(id);
        var events = app.Activities("staff-user", id).Count;

        var response = await ChangeAsync(s, current, next, confirm);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(fields, Html.ErrorSummaryLinks(page));
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent);
        // Nothing typed is sent back.
        Assert.All(page.QuerySelectorAll("input[type=password]"), i => Assert.True(string.IsNullOrEmpty(i.GetAttribute("value"))));
        Assert.Equal(before, Stored(id));
        Assert.Equal(events, app.Activities("staff-user", id).Count);
        Assert.Equal(HttpStatusCode.OK, (await s.Jar.GetAsync(s.Client, "/staff")).StatusCode);
    }

    [Fact]
    public async Task Without_the_antiforgery_token_or_a_session_nothing_is_changed()
    {
        var id = await NewAccountAsync("forged-password@guichet.test");
        var s = await app.SignInAsync("forged-password@guichet.test", password: Old);
        var before = Stored(id);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["currentPassword"] = Old, ["newPassword"] = New, ["confirmPassword"] = New });
        var forged = await s.Jar.SendAsync(s.Client, new HttpRequestMessage(HttpMethod.Post, "/staff/password") { Content = form });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, Stored(id));

        var anonymous = await app.Client().GetAsync("/staff/password");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/staff/sign-in", anonymous.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_page_speaks_the_staff_members_language()
    {
        var id = await NewAccountAsync("langue-password@guichet.test");
        var s = await app.SignInAsync("langue-password@guichet.test", "fr", Old);
        var before = Stored(id);
        var response = await ChangeAsync(s, Old, New, "autre-chose-encore");
        var page = await Html.ParseAsync(response);
        Assert.Equal("Changer mon mot de passe", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("ne sont pas identiques", page.QuerySelector("#confirmPassword-error")!.TextContent);
        Assert.Equal(before, Stored(id));
    }
}
