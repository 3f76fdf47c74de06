using Guichet.Deliver.Advice.Api;
using Guichet.Deliver.Cases;

namespace Guichet.Deliver.Advice;

/// Advice between units: service levels agreed per pair of units (Deliver:Advice), kept or broken.
internal static class AdviceModule
{
    public static IServiceCollection AddAdvice(this IServiceCollection services)
    {
        services.AddOptions<AdviceOptions>().BindConfiguration(AdviceOptions.Section);
        services.AddScoped<AdviceWork>();
        return services;
    }

    public static WebApplication MapAdvice(this WebApplication app) => app.MapAdviceApi();
}
