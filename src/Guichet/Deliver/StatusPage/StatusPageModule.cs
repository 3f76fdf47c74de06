using System.Threading.RateLimiting;
using Guichet.Deliver.Cases;
using Guichet.Deliver.StatusPage.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Deliver.StatusPage;

/// The customer's page of a case, opened with a secure link (no account): where it stands, what
/// is needed, the decision and how to appeal.
internal static class StatusPageModule
{
    /// Status links are keys in a URL: a few tries per address and minute, so they cannot be guessed.
    public const string StatusLinkRateLimit = "status-links";

    public static IServiceCollection AddStatusPage(this IServiceCollection services)
    {
        services.AddOptions<StatusLinkOptions>().BindConfiguration(StatusLinkOptions.Section);
        services.AddScoped<StatusLinkWork>();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(StatusLinkRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "?",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    public static WebApplication MapStatusPage(this WebApplication app) => app.MapStatusLinksApi();
}
