using Microsoft.AspNetCore.Localization;

namespace Guichet.Platform.Localization;

/// Language negotiation: `?lang=` (remembered in a cookie), then the cookie, then
/// Accept-Language, then the configured default.
internal static class LocalizationModule
{
    public static IServiceCollection AddGuichetLocalization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Texts>();
        var defaultLanguage = configuration["Localization:DefaultLanguage"] ?? "fr";
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Supported.Select(l => new CultureInfo(Languages.CultureName(l))).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.CultureName(defaultLanguage));
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new LanguageQueryProvider(),
                new CookieRequestCultureProvider { CookieName = Languages.CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UseGuichetLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        // Remember an explicit choice made with ?lang= on a page.
        app.Use(async (context, next) =>
        {
            var lang = context.Request.Query["lang"].ToString();
            if (Languages.IsSupported(lang) && !context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.Cookies.Append(Languages.CookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Languages.CultureName(lang))),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }
            await next();
        });
        return app;
    }

    private sealed class LanguageQueryProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var lang = httpContext.Request.Query["lang"].ToString();
            return Task.FromResult(Languages.IsSupported(lang)
                ? new ProviderCultureResult(Languages.CultureName(lang))
                : null);
        }
    }
}
