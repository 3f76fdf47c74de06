using Guichet.Deliver.Cases;
using Guichet.Deliver.StatusPage.Api;

namespace Guichet.Deliver.StatusPage;

/// The customer's page of a case, opened with a secure link (no account): where it stands, what
/// is needed, the decision and how to appeal.
internal static class StatusPageModule
{
    public static IServiceCollection AddStatusPage(this IServiceCollection services)
    {
        services.AddOptions<StatusLinkOptions>().BindConfiguration(StatusLinkOptions.Section);
        services.AddScoped<StatusLinkWork>();
        services.AddScoped<IRetentionRule, StatusLinkRetention>();
        return services;
    }

    public static WebApplication MapStatusPage(this WebApplication app) => app.MapStatusLinksApi();
}
