using Guichet.Deliver.Cases;
using Guichet.Deliver.Decisions.Api;

namespace Guichet.Deliver.Decisions;

/// Motivated decisions with their appeal information, their letters and mail, and appeals lodged
/// against them.
internal static class DecisionsModule
{
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        services.AddScoped<DecisionMail>();
        services.AddScoped<DecisionWork>();
        services.AddScoped<CaseReferences>();
        return services;
    }

    public static WebApplication MapDecisions(this WebApplication app) => app.MapDecisionsApi();
}
