using Guichet.Follow.Complaints;
using Guichet.Follow.Notices;
using Guichet.Follow.Satisfaction;
using Guichet.Follow.Subscriptions;
using Guichet.Follow.Webhooks;

namespace Guichet.Follow;

/// Follow up: what happened with my complaint, was I satisfied. Each capability adds itself here.
internal static class FollowModule
{
    public static IServiceCollection AddFollow(this IServiceCollection services)
    {
        services.AddComplaints();
        services.AddSatisfaction();
        services.AddSubscriptions();
        services.AddNotices();
        services.AddWebhooks();
        return services;
    }

    public static WebApplication MapFollow(this WebApplication app)
    {
        app.MapComplaints();
        app.MapSatisfaction();
        app.MapSubscriptions();
        app.MapNotices();
        app.MapWebhooks();
        return app;
    }
}
