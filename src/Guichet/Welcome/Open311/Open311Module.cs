using Guichet.Welcome.Open311.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace Guichet.Welcome.Open311;

internal static class Open311Module
{
    // Open311 uses the contact register and the catalogue directory; its own is which services are public.
    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        services.AddOptions<Open311Options>().BindConfiguration(Open311Options.Section);
        return services;
    }

    public static WebApplication MapOpen311(this WebApplication app)
    {
        // Open311 clients expect every error as a list of {code, description}: the platform's
        // status-code pages (ProblemDetails for /api and /open311) are turned off under /open311/v2,
        // and a bare status (no route, wrong method) or an unexpected exception gets that shape here.
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Open311Api.Root), branch => branch.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            try
            {
                await next(context);
            }
            catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Guichet.Welcome.Open311").LogError(e, "Open311 request failed");
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
            var status = context.Response.StatusCode;
            if (status >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null && string.IsNullOrEmpty(context.Response.ContentType))
                await Open311Json.Error(status, Open311Json.DescriptionOf(status)).ExecuteAsync(context);
        }));
        return app.MapOpen311Api();
    }
}
