using Guichet.Improve.Mining.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Mining;

/// Process mining on the platform's own journal and on imported logs (analysis spaces): the
/// directly-follows graph, variants, bottlenecks and rework, computed in memory on a columnar log;
/// exports as XES and OCEL 2.0. Read by managers (their units' cases), quality staff and admins.
internal static class MiningModule
{
    public static IServiceCollection AddMining(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Improve/Mining/Pages/Staff", Acts.ImproveRead));
        services.AddSingleton<LiveJournal>();
        services.AddSingleton<SpaceLogs>();
        services.AddScoped<MiningWork>();
        return services;
    }

    public static WebApplication MapMining(this WebApplication app) => app.MapMiningApi();
}
