using Guichet.Follow.Webhooks.Api;
using Guichet.Platform.Outbox;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Follow.Webhooks;

/// Webhooks for integrators: admins subscribe external systems to event types; WebhookJob reads
/// the journal and the outbox delivers each event as a signed CloudEvent, at least once, with
/// retries, switching off a receiver that keeps failing and telling the admins.
internal static class WebhooksModule
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Follow/Webhooks/Pages/Staff", Acts.WebhookManage));
        services.AddHttpClient(WebhookDelivery.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan); // the handler's own timeout applies
        services.AddScoped<WebhookWork>();
        services.AddScoped<WebhookDispatch>();
        services.AddScoped<IOutboxHandler, WebhookDelivery>();
        services.AddSingleton<WebhookJob>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookJob>());
        return services;
    }

    public static WebApplication MapWebhooks(this WebApplication app) => app.MapWebhooksApi();
}
