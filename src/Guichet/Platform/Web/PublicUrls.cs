namespace Guichet.Platform.Web;

/// Absolute addresses for links that leave the site (in e-mails, letters, QR codes): only the
/// configured Web:PublicBaseUrl, the address people use. Never the request's Host header, which
/// any caller chooses: a reset or status link built from it could point to someone else's
/// server. Without the setting the local demo address is used, and in Production mail is not
/// sent at all (MailBlockedReason; /health and the console say so).
internal sealed class PublicUrls(IConfiguration configuration, IHostEnvironment environment)
{
    public const string Setting = "Web:PublicBaseUrl";
    public const string Fallback = "http://localhost:5080";

    public string? Configured => configuration[Setting] is { Length: > 0 } configured ? configured.TrimEnd('/') : null;

    public string BaseUrl => Configured ?? Fallback;

    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    /// Why mails may not be sent from this node, or null: in Production, links in mails need the
    /// public address.
    public string? MailBlockedReason => Configured is null && environment.IsProduction()
        ? $"{Setting} is not set, and links in e-mails are made only from it: set Web__PublicBaseUrl=https://your-public-address. Mails wait in the outbox until then."
        : null;
}

/// /health tells an operator that mail is held back (Degraded: the node still serves).
internal sealed class PublicUrlHealthCheck(PublicUrls urls) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(urls.MailBlockedReason is { } reason
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Degraded("Mail sending is off: " + reason)
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
}
