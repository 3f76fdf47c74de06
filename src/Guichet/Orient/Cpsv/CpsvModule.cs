using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Platform.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

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

    public static WebApplication MapCpsv(this WebApplication app)
    {
        var catalogue = app.MapGroup("/api/v1/catalogue").WithTags("CPSV-AP");
        catalogue.MapGet("/cpsv-ap.jsonld", Export)
            .Produces<string>(StatusCodes.Status200OK, CpsvExport.MediaType)
            .WithSummary("The published catalogue as CPSV-AP 3.2 JSON-LD (organisations, units, channels, published services).");
        catalogue.MapPost("/cpsv-ap", Import)
            .RequireAuthorization(Policies.Admin)
            .Accepts<object>(CpsvExport.MediaType, "application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Imports CPSV-AP 3.2 JSON-LD as the export writes it: creates or updates organisations, units, channels and services by IRI and publishes the services; all or nothing.");

        app.MapGroup("/api/v1/channels").WithTags("Opening hours")
            .MapGet("/{id:guid}/opening-hours.ics", OpeningHoursCalendar.Feed)
            .Produces<string>(StatusCodes.Status200OK, OpeningHoursCalendar.MediaType)
            .WithSummary("The opening hours of a channel for the coming weeks as an iCalendar feed (RFC 5545), in the language of ?lang=.");
        return app;
    }

    public static string BaseUri(HttpRequest request, CpsvOptions options) =>
        string.IsNullOrWhiteSpace(options.BaseUri) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : options.BaseUri;

    private static async Task<ContentHttpResult> Export(HttpRequest request, CpsvExport export, IOptions<CpsvOptions> options, CancellationToken ct) =>
        TypedResults.Text(await export.ExportAsync(BaseUri(request, options.Value), ct), CpsvExport.MediaType, Encoding.UTF8);

    private static async Task<Results<Ok<CpsvImportSummary>, ProblemHttpResult>> Import(
        HttpRequest request, CpsvImport import, ClaimsPrincipal user, IOptions<CpsvOptions> options, CancellationToken ct)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType : null;
        if (mediaType is not (CpsvExport.MediaType or "application/json"))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send the document as application/ld+json or application/json.");

        var limit = options.Value.ImportMaxBytes;
        if (request.ContentLength > limit) return TooLarge(limit);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit + 1;
        var body = await ReadAtMostAsync(request.Body, limit, ct);
        if (body is null) return TooLarge(limit);

        var result = await import.ImportAsync(body, EventLog.ActorOf(user), ct);
        return result.Summary is { } summary ? TypedResults.Ok(summary) : Invalid(result.Errors);
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "payload-too-large", $"The document is larger than the {limit} bytes accepted.");

    public static ProblemHttpResult Invalid(IReadOnlyList<InvalidParam> errors) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The CPSV-AP document cannot be imported; nothing was stored.",
            Type = "https://guichet.example/problems/cpsv-import-invalid",
            Extensions = { ["code"] = "cpsv-import-invalid", ["invalidParams"] = errors },
        });

    /// The body, or null as soon as it is longer than <paramref name="limit"/> bytes.
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
