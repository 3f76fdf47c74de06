using Guichet.Orient.Catalogue;

namespace Guichet.Orient;

/// Orient: which service, where, when open, how to reach it.
internal static class OrientModule
{
    public static IServiceCollection AddOrient(this IServiceCollection services)
    {
        services.AddCatalogue();
        return services;
    }

    public static WebApplication MapOrient(this WebApplication app)
    {
        app.MapCatalogue();
        return app;
    }
}
