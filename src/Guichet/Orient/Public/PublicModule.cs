namespace Guichet.Orient.Public;

/// The public pages of Orient: home, search results, a service, the organisations, and the
/// services by life event, business event and theme. Server-rendered, working without script.
internal static class PublicModule
{
    public static IServiceCollection AddPublic(this IServiceCollection services)
    {
        services.AddScoped<PublicCatalogue>();
        return services;
    }
}
