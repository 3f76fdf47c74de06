using Guichet.Deliver.Advice;
using Guichet.Deliver.CaseFile;
using Guichet.Deliver.Cases;
using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Decisions;
using Guichet.Deliver.Documents;
using Guichet.Deliver.Requests;
using Guichet.Deliver.StatusPage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Deliver;

/// Deliver: case files whose deadlines hold, and motivated decisions with the appeal procedures.
/// Each capability adds itself here; the clock (CaseClock, shared by them) is a pure function with nothing to add.
internal static class DeliverModule
{
    public static IServiceCollection AddDeliver(this IServiceCollection services)
    {
        // Every page of Deliver is for case work but the customer's status page, opened with its
        // secure link: a new page cannot be left open by forgetting an attribute.
        services.Configure<RazorPagesOptions>(o => o.Conventions
            .AuthorizeFolder("/Deliver", Acts.CaseRead)
            .AllowAnonymousToFolder("/Deliver/StatusPage/Pages"));
        services.AddCaseTypes();
        services.AddCases();
        services.AddDecisions();
        services.AddDocuments();
        services.AddRequests();
        services.AddAdvice();
        services.AddStatusPage();
        services.AddCaseFile();
        return services;
    }

    public static WebApplication MapDeliver(this WebApplication app)
    {
        app.MapCases();
        app.MapCaseTypes();
        app.MapAdvice();
        app.MapDecisions();
        app.MapDocuments();
        app.MapRequests();
        app.MapStatusPage();
        return app;
    }
}
