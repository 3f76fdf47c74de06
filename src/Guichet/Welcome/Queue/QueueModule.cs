using Guichet.Welcome.Queue.Api;
using Guichet.Welcome.Queue.Demo;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Queue;

/// The counter queue: offices, desks, tickets from a kiosk, desks calling, a live display board.
internal static class QueueModule
{
    /// Issuing tickets without an account: Limits:queue-kiosk (RateLimits).
    public const string KioskRateLimit = RateLimits.QueueKiosk;

    public static string TicketPath(string token) => "/queue/tickets/" + token;

    public static IServiceCollection AddQueue(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.Section);
        services.AddSingleton<QueueBroadcaster>();
        services.AddScoped<QueueWork>();
        services.AddScoped<QueueSetup>();
        services.AddScoped<QueueEstimates>();
        services.AddScoped<QueueStatistics>();
        services.AddScoped<CounterStatistics>();
        services.AddScoped<Orient.Public.IWaitingTimes, QueueWaitingTimes>();
        services.AddScoped<IDemoSeeder, QueueDemoSeeder>();
        // The staff pages live in Pages/Staff: none can be left open to the public by forgetting an
        // attribute. Each names who may use it: the desks the front office, set-up the admins,
        // the statistics the managers (who do not serve at a desk).
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Welcome/Queue/Pages/Staff", Policies.Staff));
        return services;
    }

    public static WebApplication MapQueue(this WebApplication app)
    {
        app.MapQueueApi();
        app.MapQueueEvents();
        return app;
    }
}
