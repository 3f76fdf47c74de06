using System.Threading.RateLimiting;
using Guichet.Platform.Identity;
using Guichet.Welcome.Queue.Api;
using Guichet.Welcome.Queue.Demo;
using Guichet.Welcome.Queue.Pages;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Guichet.Welcome.Queue;

/// The counter queue: offices, desks, tickets from a kiosk, desks calling, a live display board.
internal static class QueueModule
{
    /// Who serves at a desk: the front office, and admins.
    public const string DeskPolicy = "queue-desk";

    /// Issuing tickets without an account: per address and minute (Welcome:Queue:KioskTicketsPerMinute).
    public const string KioskRateLimit = "queue-kiosk";

    public static string TicketPath(string token) => "/queue/tickets/" + token;

    public static IServiceCollection AddQueue(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.Section);
        services.AddAuthorizationBuilder().AddPolicy(DeskPolicy, p => p.RequireRole(Roles.FrontOffice, Roles.Admin));
        services.AddSingleton<QueueBroadcaster>();
        services.AddScoped<QueueWork>();
        services.AddScoped<QueueSetup>();
        services.AddScoped<QueueEstimates>();
        services.AddScoped<QueueStatistics>();
        services.AddScoped<CounterStatistics>();
        services.AddScoped<Orient.Public.IWaitingTimes, QueueWaitingTimes>();
        services.AddScoped<Guichet.Demo.IDemoSeeder, QueueDemoSeeder>();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(KioskRateLimit, context => HttpMethods.IsGet(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("get")
            : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<QueueOptions>>().Value.KioskTicketsPerMinute,
                Window = TimeSpan.FromMinutes(1),
            })));
        // The desk and set-up pages live in Staff/: none can be left open by forgetting an attribute.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Welcome/Queue/Staff", DeskPolicy));
        return services;
    }

    public static WebApplication MapQueue(this WebApplication app)
    {
        app.MapQueueApi();
        app.MapQueueEvents();
        app.MapQueuePublicEndpoints();
        return app;
    }
}
