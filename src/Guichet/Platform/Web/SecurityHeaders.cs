namespace Guichet.Platform.Web;

/// Strict defaults for every response: no third-party content can load, nothing can frame us.
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // The sign-in and sign-out forms lead to the organisation's OpenID provider (a redirect
        // after the post, which form-action governs too): its origin is allowed there, and only there.
        var oidc = Identity.OidcSettings.From(app.ApplicationServices.GetRequiredService<IConfiguration>());
        var provider = oidc.Enabled && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) ? " " + authority.GetLeftPart(UriPartial.Authority) : "";
        return app.Use(async (context, next) =>
        {
            var h = context.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "same-origin";
            h["X-Frame-Options"] = "DENY";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // The API reference page (Scalar) needs inline styles and scripts of its own bundle.
            h["Content-Security-Policy"] = context.Request.Path.StartsWithSegments("/api/reference")
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'none'"
                : "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self"
                  + (context.Request.Path.StartsWithSegments("/staff/sign-in") || context.Request.Path.StartsWithSegments("/staff/sign-out") ? "'" + provider : "'")
                  + "; frame-ancestors 'none'";
            await next();
        });
    }

    /// `Cache-Control: no-store` on every answer that is not a static file (mounted after
    /// UseStaticFiles): staff pages and API answers carry personal data, public pages carry
    /// secure links and forms; none may stay in a shared cache or the browser's history. An
    /// endpoint that sets its own Cache-Control keeps it.
    public static IApplicationBuilder UseNoStore(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                    context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
}

/// /health as plain text: the overall status, then what is not healthy, one line each.
internal static class HealthText
{
    public static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Where(e => e.Value.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description}");
        return context.Response.WriteAsync(string.Join('\n', [report.Status.ToString(), .. lines]));
    }
}
