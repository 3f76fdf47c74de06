using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Guichet.Platform.Identity;

/// Identity:Oidc: staff sign in through the organisation's OpenID provider (authorization code
/// flow with PKCE). On when Authority and ClientId are set. Roles come from RoleClaim through the
/// Roles table (claim value → Guichet role, or roles comma-separated); the unit from UnitClaim,
/// through the Units table (claim value → unit id) or as a unit id itself.
internal sealed class OidcSettings
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// The button's words ("Sign in with {DisplayName}").
    public string DisplayName { get; set; } = "OpenID Connect";
    /// Scopes asked besides openid, profile and email (space- or comma-separated).
    public string? Scopes { get; set; }
    public string RoleClaim { get; set; } = "roles";
    public Dictionary<string, string> Roles { get; set; } = [];
    public string? UnitClaim { get; set; }
    public Dictionary<string, Guid> Units { get; set; } = [];
    /// False only for a provider on the same machine over http (tests, a local demo).
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public static OidcSettings From(IConfiguration configuration) =>
        configuration.GetSection("Identity:Oidc").Get<OidcSettings>() ?? new OidcSettings();

    /// The Guichet roles a set of claim values maps to; unknown values map to nothing.
    public IReadOnlyList<string> RolesFor(IEnumerable<string> claimValues) =>
        claimValues.SelectMany(v => Roles.TryGetValue(v, out var mapped) ? mapped.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [])
            .Where(Identity.Roles.All.Contains).Distinct().Order(StringComparer.Ordinal).ToList();

    public Guid? UnitFor(string? claimValue) =>
        claimValue is null ? null : Units.TryGetValue(claimValue, out var unit) ? unit : Guid.TryParse(claimValue, out var id) ? id : null;
}

internal static class OidcSignIn
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";
    /// How the session was opened: "password" or "oidc" (the sign-out ends the provider's session too).
    public const string ViaClaim = "guichet:via";

    public static AuthenticationBuilder AddOidc(this AuthenticationBuilder auth, OidcSettings settings)
    {
        if (!settings.Enabled) return auth;
        var unknown = settings.Roles.Values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Identity:Oidc:Roles names unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}.");

        return auth.AddOpenIdConnect(Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.CallbackPath = CallbackPath;
            o.SignedOutCallbackPath = SignedOutCallbackPath;
            o.SignedOutRedirectUri = "/";
            o.SaveTokens = true; // the id_token, as id_token_hint when signing out at the provider
            o.GetClaimsFromUserInfoEndpoint = true;
            o.MapInboundClaims = false; // claims as the provider names them ("sub", "email", RoleClaim)
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "email" }.Concat((settings.Scopes ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).Distinct())
                o.Scope.Add(scope);
            o.ClaimActions.MapJsonKey(settings.RoleClaim, settings.RoleClaim);
            if (settings.UnitClaim is { Length: > 0 } unitClaim) o.ClaimActions.MapJsonKey(unitClaim, unitClaim);
            o.Events.OnTicketReceived = TicketReceivedAsync;
            o.Events.OnRemoteFailure = context =>
            {
                // A tampered or replayed answer, an error at the provider, a timeout: a clear page, never a 500.
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn))
                    .LogWarning(context.Failure, "OpenID Connect sign-in failed.");
                context.Response.Redirect("/staff/sign-in/problem?reason=failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// The provider said who the person is: match (or create) their staff account, or refuse them.
    private static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var settings = OidcSettings.From(services.GetRequiredService<IConfiguration>());
        var external = context.Principal!;
        var subject = external.FindFirstValue("sub");
        var email = external.FindFirstValue("email");
        var roles = settings.RolesFor(external.FindAll(settings.RoleClaim).Select(c => c.Value));
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal) || roles.Count == 0)
        {
            // Nobody is created: the provider knows the person, Guichet gives them no role.
            context.Response.Redirect("/staff/sign-in/problem?reason=no-role");
            context.HandleResponse();
            return;
        }
        var issuer = external.FindFirstValue("iss") ?? settings.Authority!;
        var unit = settings.UnitClaim is { Length: > 0 } unitClaim ? settings.UnitFor(external.FindFirstValue(unitClaim)) : null;
        var name = external.FindFirstValue("name") is { Length: > 0 } n ? n : email;

        var user = await services.GetRequiredService<StaffAccounts>().SignInExternalAsync(issuer + "|" + subject, email, name, roles, unit, context.HttpContext.RequestAborted);
        if (user is null)
        {
            // The e-mail's account is linked to another identity of the provider.
            context.Response.Redirect("/staff/sign-in/problem?reason=failed");
            context.HandleResponse();
            return;
        }
        var principal = StaffClaims.ForSession(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ViaClaim, "oidc"));
        context.Principal = principal;
        if (context.ReturnUri is not { Length: > 0 } back || !back.StartsWith('/') || back.StartsWith("//", StringComparison.Ordinal)) context.ReturnUri = "/staff";
    }
}
