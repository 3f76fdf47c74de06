using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Platform.Identity;

/// Staff sign in with a cookie on pages and with a bearer token on the API; anonymous callers
/// get the public parts only.
internal static class IdentityModule
{
    public const string CookieName = "guichet.auth";

    /// Identity:LocalPasswords (true by default): false hides the password form and refuses its
    /// posts, for an organisation whose staff sign in through its OpenID provider only.
    public static bool LocalPasswords(IConfiguration configuration) => configuration.GetValue("Identity:LocalPasswords", true);

    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<StaffAccounts>();
        services.AddScoped<SignInThrottle>();
        services.AddOptions<SignInThrottleOptions>().BindConfiguration("Identity:Throttle");
        services.AddScoped<IRetentionRule, SignInFailureRetention>();
        services.AddMemoryCache();
        services.AddSingleton<SessionStamps>();
        services.AddScoped<ApiTokens>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "smart";
                o.DefaultChallengeScheme = "smart";
            })
            // The API knows only bearer tokens (never the browser's cookie, so no CSRF there);
            // pages know only the cookie.
            .AddPolicyScheme("smart", "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/open311")
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/staff/sign-in";
                o.LogoutPath = "/staff/sign-out";
                o.AccessDeniedPath = "/staff/forbidden";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // The API answers 401/403 as ProblemDetails, it never redirects to a page.
                o.Events.OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => ApiOr(c, StatusCodes.Status403Forbidden);
                // A cookie of an ended session (sign-out, lock-out, new password or roles) is refused.
                o.Events.OnValidatePrincipal = SessionStamps.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddOidc(OidcSettings.From(configuration));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.All).AddRequirements(TokenScopeRequirement.Instance))
            .AddActs();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<RequiresActFilter>());

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "guichet.csrf";
            // Secure whenever the request is (always in production, behind TLS); over plain http
            // only the local demo on localhost works, where browsers accept the Secure sign-in cookie.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    public static WebApplication MapIdentity(this WebApplication app)
    {
        app.MapGet("/api/v1/me", Me)
            .RequireAuthorization(Policies.Staff)
            .WithTags("Identity")
            .WithSummary("The signed-in staff member: id, e-mail, roles and unit.");
        return app;
    }

    internal sealed record MeResponse(Guid Id, string Email, string Name, IReadOnlyList<string> Roles, Guid? UnitId);

    private static Ok<MeResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.UserId()!.Value,
        user.FindFirstValue(ClaimTypes.Email) ?? "",
        user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
        StaffClaims.UnitOf(user)));

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
