using Guichet.Improve.Mining;

namespace Guichet.Improve;

/// Improve: the continuous improvement of the customer process — the process inventory,
/// measurements and process mining on the journal, improvement proposals. Improve reads every
/// stage (through the journal and their public types); no stage depends on it. Each capability
/// adds itself here.
internal static class ImproveModule
{
    /// Who reads the figures, graphs and proposals: managers, quality staff and admins.
    public const string ReadPolicy = "improve-read";

    public static IServiceCollection AddImprove(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.RequireRole(Roles.Manager, Roles.Quality, Roles.Admin));
        services.AddMining();
        return services;
    }

    public static WebApplication MapImprove(this WebApplication app)
    {
        app.MapMining();
        return app;
    }
}
