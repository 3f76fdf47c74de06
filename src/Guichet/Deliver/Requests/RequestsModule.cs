using Guichet.Deliver.Cases;
using Guichet.Deliver.Requests.Api;

namespace Guichet.Deliver.Requests;

/// Asking the customer for a document or information (by mail or letter), which stops the clock
/// until they answer on their status page.
internal static class RequestsModule
{
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.AddScoped<RequestMail>();
        services.AddScoped<RequestWork>();
        services.AddScoped<Cases.ICaseClosing, RequestsClosing>();
        return services;
    }

    public static WebApplication MapRequests(this WebApplication app) => app.MapRequestsApi();
}
