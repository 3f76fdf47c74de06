using Guichet.Orient.Catalogue.Api;
using Guichet.Orient.Catalogue.Demo;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Orient.Catalogue;

internal static class CatalogueModule
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddSingleton<CodeLists>();
        services.AddSingleton<CatalogueChanges>();
        services.AddSingleton<UnitTreeCache>();
        services.AddTransient<Microsoft.AspNetCore.Authentication.IClaimsTransformation, UnitScopeClaims>();
        services.AddScoped<IDemoSeeder, CatalogueDemoSeeder>();
        services.AddScoped<CatalogueWork>();
        services.AddScoped<CatalogueDirectory>();
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", CatalogueOpenApi.Describe);
        // Every editor page lives in Pages/Staff/: none can be left open by forgetting an attribute.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Orient/Catalogue/Pages/Staff", Acts.CatalogueEdit));
        return services;
    }

    public static WebApplication MapCatalogue(this WebApplication app)
    {
        app.MapCatalogueApi();
        return app;
    }
}
