namespace Guichet.Orient.Search;

internal static class SearchModule
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<ServiceSearch>();
        return services;
    }

    public static WebApplication MapSearch(this WebApplication app) => app;
}
