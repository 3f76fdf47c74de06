using Guichet.Welcome.Queue;

namespace Guichet.Welcome;

/// Welcome: the first contact, whatever the channel. Each capability adds itself here.
internal static class WelcomeModule
{
    public static IServiceCollection AddWelcome(this IServiceCollection services)
    {
        services.AddQueue();
        return services;
    }

    public static WebApplication MapWelcome(this WebApplication app)
    {
        app.MapQueue();
        return app;
    }
}
