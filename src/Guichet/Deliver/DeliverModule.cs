using Guichet.Deliver.Cases;
using Guichet.Deliver.Cases.Api;
using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Decisions;
using Guichet.Deliver.Documents;
using Guichet.Platform.Identity;

namespace Guichet.Deliver;

/// Deliver: case files whose deadlines hold, and motivated decisions with the appeal procedures.
internal static class DeliverModule
{
    /// Who works on cases: case handlers, the front office (opens them at the counter), managers, admins.
    public const string CaseWorkPolicy = "case-work";

    public static IServiceCollection AddDeliver(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(CaseWorkPolicy, p => p.RequireRole(Roles.CaseHandler, Roles.FrontOffice, Roles.Manager, Roles.Admin));
        services.AddScoped<CaseWork>();
        services.AddScoped<DecisionWork>();
        services.AddScoped<CaseDocuments>();
        services.AddScoped<Guichet.Demo.IDemoSeeder, CaseTypesDemoSeeder>();
        return services;
    }

    public static WebApplication MapDeliver(this WebApplication app)
    {
        app.MapCasesApi();
        app.MapDecisionsApi();
        app.MapDocumentsApi();
        return app;
    }
}
