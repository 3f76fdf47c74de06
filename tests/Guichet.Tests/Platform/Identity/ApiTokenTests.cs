using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Platform.Identity;

public sealed class ApiTokenTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    [Fact]
    public async Task A_bearer_token_authenticates_api_calls_and_is_stored_only_as_its_sha256()
    {
        var client = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var plain = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var me = await client.GetFromJsonAsync<IdentityModule.MeResponse>("/api/v1/me");
        Assert.Equal(DemoAccounts.CaseHandler, me!.Email);
        Assert.Contains(Roles.CaseHandler, me.Roles);

        Assert.Equal(4 + 43, plain.Length); // "gch_" + 256 bits in base64url
        var stored = app.InScope(db => db.Set<ApiToken>().AsNoTracking().Select(t => t.TokenHash).ToList());
        Assert.DoesNotContain(plain, stored);
        Assert.Contains(ApiToken.Hash(plain), stored);
        Assert.Equal(64, ApiToken.Hash(plain).Length);
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var client = await app.ClientAsAsync(DemoAccounts.Manager);
        var hash = ApiToken.Hash(client.DefaultRequestHeaders.Authorization!.Parameter!);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
            db.Set<ApiToken>().Single(t => t.TokenHash == hash).Revoke(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_and_no_token_are_401_problems()
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken.Prefix + "made-up");
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_api_does_not_accept_the_browser_sign_in_cookie()
    {
        var (client, jar) = await app.SignInAsync(DemoAccounts.Admin, language: null);
        Assert.Equal(HttpStatusCode.OK, (await jar.GetAsync(client, "/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await jar.GetAsync(client, "/api/v1/me")).StatusCode);
    }

    /// A token of the demo account with these scopes (and expiry), as the tokens page makes it.
    private async Task<(HttpClient Client, Guid Id)> TokenAsync(string email, string[] scopes, DateTimeOffset? expires = null) => await app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
        var user = db.Set<StaffUser>().Single(u => u.Email == email);
        var (token, plain) = ApiToken.Create(user.Id, "scoped", DateTimeOffset.UtcNow, scopes, expires);
        db.Add(token);
        await db.SaveChangesAsync();
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        return (client, token.Id);
    });

    [Fact]
    public async Task A_token_acts_only_within_its_scopes_and_an_open311_key_opens_no_staff_endpoint()
    {
        var (reader, _) = await TokenAsync(DemoAccounts.FrontOffice, [TokenScopes.Read]);
        var (writer, _) = await TokenAsync(DemoAccounts.FrontOffice, [TokenScopes.Write]);
        var (open311, _) = await TokenAsync(DemoAccounts.FrontOffice, [TokenScopes.Open311]);
        var before = app.InScope(db => db.Set<Guichet.Deliver.Cases.Case>().Count());
        StringContent Body() => ApiJson.JsonBody(new { caseType = "residents-parking-card", language = "fr", subject = "Portée", parties = new object[] { new { role = "applicant", kind = "person", name = "A. Portée" } } });

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/v1/cases", Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await open311.GetAsync("/api/v1/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await open311.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(before, app.InScope(db => db.Set<Guichet.Deliver.Cases.Case>().Count()));
        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync("/api/v1/cases", Body())).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_a_locked_web_sign_in_does_not_stop_the_accounts_tokens()
    {
        var (expired, _) = await TokenAsync(DemoAccounts.Manager, [TokenScopes.Read], new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync("/api/v1/me")).StatusCode);

        var email = $"locked-{Guid.NewGuid():N}@guichet.test";
        await app.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<StaffAccounts>().CreateAsync(email, "Locked", [Roles.Manager], "a-password-long-enough", null, CancellationToken.None);
            return await sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().SaveChangesAsync();
        });
        var (client, _) = await TokenAsync(email, [TokenScopes.Read]);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
            var user = db.Set<StaffUser>().Single(u => u.Email == email);
            user.LockOut(DateTimeOffset.UtcNow.AddMinutes(15));
            Assert.True(user.IsLockedOut(DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_last_use_is_recorded_at_most_once_every_few_minutes()
    {
        var (client, id) = await TokenAsync(DemoAccounts.Manager, [TokenScopes.Read]);
        DateTimeOffset? LastUse() => app.InScope(db => db.Set<ApiToken>().AsNoTracking().Single(t => t.Id == id).LastUsedAt);
        Assert.Null(LastUse());
        await client.GetAsync("/api/v1/me");
        var first = LastUse();
        Assert.NotNull(first);
        await client.GetAsync("/api/v1/me");
        Assert.Equal(first, LastUse());
    }

    [Fact]
    public async Task Admins_make_a_token_on_the_tokens_page_shown_once_and_revoke_it_and_bad_input_stores_nothing()
    {
        var admin = await app.SignedInAsync(DemoAccounts.Admin);
        var page = await admin.PageAsync("/staff/tokens");
        int Count() => app.InScope(db => db.Set<ApiToken>().Count());
        var before = Count();

        foreach (var (changes, field) in new (Dictionary<string, string>, string)[]
        {
            (new() { ["owner"] = "nobody@guichet.test", ["name"] = "x" }, "#owner"),
            (new() { ["owner"] = DemoAccounts.FrontOffice, ["name"] = " " }, "#name"),
            (new() { ["owner"] = DemoAccounts.FrontOffice, ["name"] = "x", ["expiresOn"] = "2020-01-01" }, "#expiresOn"),
            (new() { ["owner"] = DemoAccounts.FrontOffice, ["name"] = "x", ["expiresOn"] = "tomorrow" }, "#expiresOn"),
        })
        {
            var refused = await Html.ParseAsync(await admin.SubmitAsync(page, "form[action*='handler=create']", changes));
            Assert.Contains(field, Html.ErrorSummaryLinks(refused));
            Assert.Equal(before, Count());
        }
        var both = Html.FormValues(page, "form[action*='handler=create']", new Dictionary<string, string> { ["owner"] = DemoAccounts.FrontOffice, ["name"] = "x" });
        both.Add(new("scopes", TokenScopes.Open311));
        var mixed = await Html.ParseAsync(await admin.Jar.PostFormAsync(admin.Client, page.QuerySelector("form[action*='handler=create']")!.GetAttribute("action")!, both));
        Assert.Contains("#scopes", Html.ErrorSummaryLinks(mixed));
        Assert.Equal(before, Count());

        var made = await Html.ParseAsync(await admin.SubmitAsync(page, "form[action*='handler=create']", new Dictionary<string, string>
        {
            ["owner"] = DemoAccounts.FrontOffice, ["name"] = "Site de la commune", ["expiresOn"] = DateTime.Today.AddDays(30).ToString("yyyy-MM-dd"),
        }));
        var plain = made.QuerySelector(".notice code")!.TextContent.Trim();
        Assert.StartsWith(ApiToken.Prefix, plain);
        var stored = app.InScope(db => db.Set<ApiToken>().AsNoTracking().Single(t => t.TokenHash == ApiToken.Hash(plain)));
        Assert.Equal(TokenScopes.Read, stored.Scopes);
        Assert.NotNull(stored.ExpiresAt);
        Assert.Contains("platform.api-token.created", app.Activities("api-token", stored.Id));
        Assert.DoesNotContain(plain, (await admin.PageAsync("/staff/tokens")).Body!.TextContent);

        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        var list = await admin.PageAsync("/staff/tokens");
        var revoked = await admin.SubmitAsync(list, $"form[action*='id={stored.Id}']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Contains("platform.api-token.revoked", app.Activities("api-token", stored.Id));
    }
}
