using Guichet.Improve.Processes.Api;
using Guichet.Improve.Processes.Demo;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Processes;

/// The process inventory: each catalogue service's declared process (steps across the stages
/// mapped to the journal's activities, owner units, norm times; versioned), listed per
/// organisation, exported as CSV, JSON and BPMN 2.0, and the live journal's cases checked against
/// it (conformance). Read by managers, quality staff and admins; declared by the same (managers for
/// their own units).
internal static class ProcessesModule
{
    public static IServiceCollection AddProcesses(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Improve/Processes/Pages/Staff", Acts.ImproveRead));
        services.AddScoped<ProcessWork>();
        services.AddScoped<IDemoSeeder, ProcessesDemoSeeder>();
        return services;
    }

    public static WebApplication MapProcesses(this WebApplication app) => app.MapProcessesApi();
}
