using Guichet.Improve.Measures;
using Guichet.Improve.Mining;
using Guichet.Improve.Processes;
using Guichet.Improve.Proposals;

namespace Guichet.Improve;

/// Improve: the continuous improvement of the customer process — the process inventory,
/// measurements and process mining on the journal, improvement proposals. Improve reads every
/// stage (through the journal and their public types); no stage depends on it. Each capability
/// adds itself here.
internal static class ImproveModule
{
    public static IServiceCollection AddImprove(this IServiceCollection services)
    {
        services.AddMining();
        services.AddProcesses();
        services.AddMeasures();
        services.AddProposals();
        return services;
    }

    public static WebApplication MapImprove(this WebApplication app)
    {
        app.MapMining();
        app.MapProcesses();
        app.MapMeasures();
        app.MapProposals();
        return app;
    }
}
