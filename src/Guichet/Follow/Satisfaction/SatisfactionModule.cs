using Guichet.Follow.Satisfaction.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Satisfaction;

/// Satisfaction: one short survey by e-mail after a closed case, a counter visit or an answered
/// complaint (from the journal, by SurveyJob), the customer's one answer through the link, and the
/// results per service, unit, channel and period for managers and quality staff.
internal static class SatisfactionModule
{
    /// Who reads the results and the unhappy comments: managers, quality staff, complaint officers, admins.
    public const string ResultsPolicy = "satisfaction-results";

    public static IServiceCollection AddSatisfaction(this IServiceCollection services)
    {
        services.AddOptions<SatisfactionOptions>().BindConfiguration(SatisfactionOptions.Section);
        services.AddAuthorizationBuilder()
            .AddPolicy(ResultsPolicy, p => p.RequireRole(Roles.Manager, Roles.Quality, Roles.Complaints, Roles.Admin));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Follow/Satisfaction/Pages/Staff", ResultsPolicy));
        services.AddScoped<SurveyMail>();
        services.AddScoped<SurveyWork>();
        services.AddScoped<SurveyResults>();
        services.AddSingleton<SurveyJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SurveyJob>());
        return services;
    }

    public static WebApplication MapSatisfaction(this WebApplication app) => app.MapSatisfactionApi();
}
