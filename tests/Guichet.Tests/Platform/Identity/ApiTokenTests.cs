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
}
