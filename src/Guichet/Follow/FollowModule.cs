using Guichet.Follow.Complaints;
using Guichet.Follow.Satisfaction;

namespace Guichet.Follow;

/// Follow up: what happened with my complaint, was I satisfied. Each capability adds itself here.
internal static class FollowModule
{
    public static IServiceCollection AddFollow(this IServiceCollection services)
    {
        services.AddComplaints();
        services.AddSatisfaction();
        return services;
    }

    public static WebApplication MapFollow(this WebApplication app)
    {
        app.MapComplaints();
        app.MapSatisfaction();
        return app;
    }
}
