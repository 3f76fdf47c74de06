using Guichet.Follow.Subscriptions.Api;
using Guichet.Follow.Subscriptions.Demo;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Subscriptions;

/// Subscriptions: topics kept by communication staff; the public subscribe form without an account,
/// double opt-in, the consent kept as proof, the manage page and the one-click unsubscribe (RFC 8058).
internal static class SubscriptionsModule
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.Section);
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Follow/Subscriptions/Pages/Staff", Acts.TopicManage));
        services.AddSingleton<SubscriberLinks>();
        services.AddScoped<SubscriptionMail>();
        services.AddScoped<SubscriptionWork>();
        services.AddScoped<IDemoSeeder, SubscriptionsDemoSeeder>();
        return services;
    }

    public static WebApplication MapSubscriptions(this WebApplication app) => app.MapSubscriptionsApi();
}
