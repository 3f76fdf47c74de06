using System.Security.Claims;
using System.Text.Encodings.Web;
using Guichet.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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

        var hash = ApiToken.Hash(plain);
        var found = await db.Set<ApiToken>()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Set<StaffUser>(), t => t.UserId, u => u.Id, (t, u) => u)
            .AsNoTracking()
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null)
            return AuthenticateResult.Fail("Unknown or revoked token.");
        if (found.IsLockedOut(time.GetUtcNow()))
            return AuthenticateResult.Fail("Account locked.");

        var principal = new ClaimsPrincipal(StaffClaims.For(found, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
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

    public static Guid? UnitOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Unit), out var id) ? id : null;
}
