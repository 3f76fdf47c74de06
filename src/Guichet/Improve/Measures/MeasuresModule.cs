using Guichet.Improve.Measures.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Measures;

/// Live measurements: the KPIs of every stage computed from the journal with the one calendar
/// (lead times, norms met, suspension, first-contact resolution, response times per channel,
/// counter waits and no-shows, advice agreements kept, complaints and their deadlines,
/// satisfaction), per service, case type, unit, channel and period against the previous period,
/// with weekly trends, breakdowns and the objects behind each number; a page defines every KPI.
/// Read by managers (their units), quality staff and admins.
internal static class MeasuresModule
{
    public static IServiceCollection AddMeasures(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Improve/Measures/Pages/Staff", Acts.ImproveRead));
        services.AddSingleton<MeasureJournal>();
        services.AddScoped<MeasureWork>();
        return services;
    }

    public static WebApplication MapMeasures(this WebApplication app) => app.MapMeasuresApi();
}
