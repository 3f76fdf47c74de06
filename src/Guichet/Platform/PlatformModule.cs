using System.Threading.RateLimiting;
using Guichet.Platform.Mail;
using Guichet.Platform.Outbox;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scalar.AspNetCore;

namespace Guichet.Platform;

/// What every stage stands on: data, identity, localization, calendar, event log, outbox, mail, web plumbing.
internal static class PlatformModule
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddData();
        services.AddScoped<EventLog.EventLog>();
        services.AddSingleton<EventLog.JournalKey>();
        services.AddOptions<EventLog.JournalRetentionOptions>().BindConfiguration(EventLog.JournalRetentionOptions.Section);
        services.AddSingleton<EventLog.JournalRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<EventLog.JournalRetention>());
        services.AddOutbox();
        services.AddMail();
        services.AddGuichetLocalization(configuration);
        services.AddIdentityModule(configuration);
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section);
        services.AddSingleton(sp => WorkingCalendar.FromOptions(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CalendarOptions>>().Value));
        services.AddGuichetErrors();
        services.AddHttpContextAccessor();
        services.AddSingleton<PublicUrls>();
        services.AddRazorPages(o => o.RootDirectory = "/");
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Guichet API";
            doc.Info.Description = "The public catalogue of services (Orient) and the staff write API. Anonymous callers see published data; staff authenticate with `Authorization: Bearer <token>` (`guichet token create`).";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            RequestReading.AddTo(o.SerializerOptions);
        });
        // The limits on anonymous posts, counted in the database for all nodes (RateLimits). Sign-in
        // failures are also counted per account and per address (Identity's SignInThrottle).
        services.AddScoped<IRetentionRule, RateCounterRetention>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            RateLimits.AddTo(o, configuration);
            // Secure links (SecureLinks.SecureLink): a token in a URL is a key, so every try to open
            // one, of any kind, counts against one budget per address and minute, GETs included.
            // Web:SecureLinks:TriesPerMinute, 60 by default.
            var linkTries = configuration.GetValue("Web:SecureLinks:TriesPerMinute", 60);
            o.AddPolicy(SecureLinks.SecureLink.GuessLimit, context => RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = linkTries, Window = TimeSpan.FromMinutes(1) }));
        });
        // X-Forwarded-For/-Proto only from the proxies named in Web:KnownProxies (addresses or
        // CIDR networks); with none named, nobody is believed (ADR 0008).
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, c) =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in KnownProxies(c))
                if (proxy.Contains('/', StringComparison.Ordinal)) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                else o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            o.ForwardedHeaders = o.KnownProxies.Count + o.KnownIPNetworks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddGuichetDataProtection();
        services.AddSingleton<Identifiers.NumberKeys>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<PublicUrlHealthCheck>("public-url");
        return services;
    }

    /// Web:KnownProxies as a list or one comma-separated value.
    private static IEnumerable<string> KnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection("Web:KnownProxies");
        var values = section.Value is { Length: > 0 } one ? [one] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHsts(); // on https answers only (localhost excepted), after the proxy's scheme is known
        // An unexpected error: ProblemDetails for API callers, the localized error page for people.
        static bool IsApi(HttpContext c) => RequestReading.IsApi(c);
        app.UseWhen(IsApi, api => api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = 500, Title = "An unexpected error occurred; nothing was changed.",
                        Type = "https://guichet.example/problems/internal-error", Extensions = { ["code"] = "internal-error" },
                    },
                });
            },
        }));
        app.UseWhen(c => !IsApi(c), pages => pages.UseExceptionHandler("/error/500"));
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/open311") || http.Response.HasStarted)
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http });
                return;
            }
            var status = http.Response.StatusCode;
            var originalPath = http.Request.Path;
            http.Request.Path = "/error/" + status;
            http.SetEndpoint(null);
            await context.Next(http);
            http.Request.Path = originalPath;
        });
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseNoStore(); // after the static files: every other answer may carry personal data
        app.UseGuichetLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestReading();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapIdentity();
        app.MapCalendar();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthText.WriteAsync });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/reference", o => o
            .WithTitle("Guichet API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }
}
