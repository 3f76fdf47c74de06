using Guichet.Demo;
using Guichet.Orient.Catalogue.Demo;

namespace Guichet.Orient.Catalogue;

internal static class CatalogueModule
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddSingleton<CodeLists>();
        services.AddScoped<IDemoSeeder, CatalogueDemoSeeder>();
        return services;
    }

    public static WebApplication MapCatalogue(this WebApplication app)
    {
        return app;
    }
}
