namespace Guichet.Improve.Mining;

/// Process mining on the platform's own journal and on imported logs: the directly-follows graph,
/// variants, bottlenecks and rework, computed in memory on a columnar log.
internal static class MiningModule
{
    public static IServiceCollection AddMining(this IServiceCollection services) => services;

    public static WebApplication MapMining(this WebApplication app) => app;
}
