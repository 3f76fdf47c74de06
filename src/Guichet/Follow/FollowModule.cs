using Guichet.Follow.Complaints;

namespace Guichet.Follow;

/// Follow up: what happened with my complaint. Each capability adds itself here.
internal static class FollowModule
{
    public static IServiceCollection AddFollow(this IServiceCollection services)
    {
        services.AddComplaints();
        return services;
    }

    public static WebApplication MapFollow(this WebApplication app)
    {
        app.MapComplaints();
        return app;
    }
}
