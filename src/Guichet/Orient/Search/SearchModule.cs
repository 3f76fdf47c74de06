using Guichet.Orient.Search.Api;

namespace Guichet.Orient.Search;

internal static class SearchModule
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section);
        services.AddSingleton(_ => new Synonyms()); // the demo file; the other constructor is for tests
        services.AddSingleton<ServiceSearch>();
        return services;
    }

    public static WebApplication MapSearch(this WebApplication app) => app.MapSearchApi();
}
