using Guichet.Orient.Cpsv.Api;

namespace Guichet.Orient.Cpsv;

/// Configuration section "Catalogue" (the part CPSV-AP uses).
internal sealed class CpsvOptions
{
    public const string Section = "Catalogue";

    /// The base of the exported IRIs ({base}/id/service/{id}); by default the request's own base.
    public string? BaseUri { get; set; }

    /// The largest import body accepted, in bytes.
    public long ImportMaxBytes { get; set; } = 20 * 1024 * 1024;
}

/// The catalogue in CPSV-AP 3.2 JSON-LD (export and import, also on the command line) and the
/// opening hours of each channel as an iCalendar feed.
internal static class CpsvModule
{
    public static IServiceCollection AddCpsv(this IServiceCollection services)
    {
        services.AddOptions<CpsvOptions>().BindConfiguration(CpsvOptions.Section);
        services.AddScoped<CpsvExport>();
        services.AddScoped<CpsvImport>();
        return services;
    }

    public static WebApplication MapCpsv(this WebApplication app) => app.MapCpsvApi();
}
