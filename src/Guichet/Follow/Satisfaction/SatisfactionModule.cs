using Guichet.Follow.Satisfaction.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Satisfaction;

/// Satisfaction: one short survey by e-mail after a closed case, a counter visit or an answered
/// complaint (from the journal, by SurveyJob), the customer's one answer through the link, and the
/// results per service, unit, channel and period for managers and quality staff.
internal static class SatisfactionModule
{
    public static IServiceCollection AddSatisfaction(this IServiceCollection services)
    {
        services.AddOptions<SatisfactionOptions>().BindConfiguration(SatisfactionOptions.Section);
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Follow/Satisfaction/Pages/Staff", Acts.SatisfactionRead));
        services.AddScoped<SurveyMail>();
        services.AddScoped<SurveyWork>();
        services.AddScoped<SurveyResults>();
        services.AddSingleton<SurveyJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SurveyJob>());
        return services;
    }

    public static WebApplication MapSatisfaction(this WebApplication app) => app.MapSatisfactionApi();
}
