using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace Guichet.Platform.Identity;

/// Authenticates `Authorization: Bearer gch_...` against the stored SHA-256 of active tokens.
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    GuichetDb db,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var plain = header["Bearer ".Length..].Trim();
        if (!plain.StartsWith(ApiToken.Prefix, StringComparison.Ordinal))
            return AuthenticateResult.Fail("Not a Guichet token.");

        var now = time.GetUtcNow();
        // A web sign-in locked after wrong passwords does not stop the person's tokens: the lock
        // answers password guessing, a token is revoked on its own.
        if (await ApiToken.FindValidAsync(db, plain, now, Context.RequestAborted) is not var (token, owner))
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        if (token.LastUsedAt is not { } last || now - last > ApiToken.LastUseGranularity)
            await db.Set<ApiToken>().Where(t => t.Id == token.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

        var identity = StaffClaims.For(owner, SchemeName);
        identity.AddClaims(token.ScopeList.Select(s => new Claim(TokenScopes.Claim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

internal static class StaffClaims
{
    public const string Unit = "guichet:unit";

    public static ClaimsIdentity For(StaffUser user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Email, user.Email),
        };
        claims.AddRange(user.RoleList.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.UnitId is { } unit) claims.Add(new Claim(Unit, unit.ToString()));
        return new ClaimsIdentity(claims, scheme);
    }

    /// The principal of a sign-in cookie: the account's claims and its current security stamp.
    public static ClaimsPrincipal ForSession(StaffUser user)
    {
        var identity = For(user, Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
        identity.AddClaim(new Claim(SessionStamps.Claim, user.SecurityStamp));
        return new ClaimsPrincipal(identity);
    }

    /// A unit the person's work covers: their own and each unit below it in the organisation's
    /// tree, added on each request by Orient's UnitScopeClaims (units move; a claim in a cookie would not).
    public const string ScopeUnit = "guichet:scope-unit";

    public static Guid? UnitOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Unit), out var id) ? id : null;

    /// The units whose cases, contacts and figures the person sees: their unit and every unit
    /// below it; only their own when the tree was not read; none without a unit.
    public static IReadOnlyList<Guid> UnitsOf(ClaimsPrincipal user)
    {
        var scope = user.FindAll(ScopeUnit).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        if (scope.Count > 0) return scope;
        return UnitOf(user) is { } own ? [own] : [];
    }
}
