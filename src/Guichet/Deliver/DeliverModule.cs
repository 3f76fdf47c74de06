using Guichet.Deliver.Advice;
using Guichet.Deliver.Cases;
using Guichet.Deliver.Cases.Api;
using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Decisions;
using Guichet.Deliver.Documents;
using Guichet.Deliver.Requests;
using Guichet.Deliver.StatusPage;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Guichet.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Deliver;

/// Deliver: case files whose deadlines hold, and motivated decisions with the appeal procedures.
internal static class DeliverModule
{
    /// Who works on cases: case handlers, the front office (opens them at the counter), managers, admins.
    public const string CaseWorkPolicy = "case-work";

    /// Status links are keys in a URL: a few tries per address and minute, so they cannot be guessed.
    public const string StatusLinkRateLimit = "status-links";

    public static IServiceCollection AddDeliver(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(CaseWorkPolicy, p => p.RequireRole(Roles.CaseHandler, Roles.FrontOffice, Roles.Manager, Roles.Admin));
        services.AddScoped<CaseMail>();
        services.AddScoped<CaseWork>();
        services.AddScoped<CaseList>();
        services.AddScoped<DecisionWork>();
        services.AddScoped<CaseDocuments>();
        services.AddScoped<CustomerRequests>();
        services.AddOptions<StatusLinkOptions>().BindConfiguration(StatusLinkOptions.Section);
        services.AddOptions<AdviceOptions>().BindConfiguration(AdviceOptions.Section);
        services.AddScoped<AdviceWork>();
        services.AddSingleton<CaseTypes.CaseTypeVersions>();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(StatusLinkRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "?",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) })));
        services.AddScoped<Guichet.Demo.IDemoSeeder, CaseTypesDemoSeeder>();
        // Every staff page of cases lives in Staff/: none can be left open by forgetting an attribute.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Deliver/Staff", CaseWorkPolicy));
        return services;
    }

    public static WebApplication MapDeliver(this WebApplication app)
    {
        app.MapCasesApi();
        app.MapCaseTypesApi();
        app.MapAdviceApi();
        app.MapDecisionsApi();
        app.MapDocumentsApi();
        app.MapRequestsApi();
        app.MapStatusEndpoints();
        return app;
    }
}
