using Guichet.Deliver.CaseTypes.Api;
using Guichet.Deliver.CaseTypes.Demo;

namespace Guichet.Deliver.CaseTypes;

/// Case types: versioned processing rules per catalogue service, their API and demo data.
internal static class CaseTypesModule
{
    public static IServiceCollection AddCaseTypes(this IServiceCollection services)
    {
        services.AddSingleton<CaseTypeVersions>();
        services.AddScoped<CaseTypeWork>();
        services.AddScoped<IDemoSeeder, CaseTypesDemoSeeder>();
        return services;
    }

    public static WebApplication MapCaseTypes(this WebApplication app) => app.MapCaseTypesApi();
}
