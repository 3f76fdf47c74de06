using Guichet.Orient.Catalogue;
using Guichet.Orient.Cpsv;
using Guichet.Orient.Public;
using Guichet.Orient.Search;

namespace Guichet.Orient;

/// Orient: which service, where, when open, how to reach it.
internal static class OrientModule
{
    public static IServiceCollection AddOrient(this IServiceCollection services)
    {
        services.AddCatalogue();
        services.AddCpsv();
        services.AddSearch();
        services.AddPublic();
        return services;
    }

    public static WebApplication MapOrient(this WebApplication app)
    {
        app.MapCatalogue();
        app.MapCpsv();
        app.MapSearch();
        return app;
    }
}
