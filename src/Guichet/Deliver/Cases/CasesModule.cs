using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Cases.Api;

namespace Guichet.Deliver.Cases;

/// Case files: opening, the work list, status, clock and assignment changes, notes; the
/// acknowledgement mail; the staff pages of a case (work list, case page, new case, history).
internal static class CasesModule
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<CaseMail>();
        services.AddScoped<CaseWork>();
        services.AddScoped<CaseList>();
        services.AddOptions<CaseRetentionOptions>().BindConfiguration(CaseRetentionOptions.Section);
        services.AddScoped<IRetentionRule, CaseRetention>();
        return services;
    }

    public static WebApplication MapCases(this WebApplication app) => app.MapCasesApi();
}
