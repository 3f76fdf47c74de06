using System.Net.Http.Headers;
using System.Text;
using Guichet.Orient.Catalogue;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Orient.Cpsv.Api;

/// The catalogue in CPSV-AP 3.2 JSON-LD over HTTP (export for anyone, import for admins) and the
/// opening hours of each channel as an iCalendar feed.
internal static class CpsvApi
{
    public static WebApplication MapCpsvApi(this WebApplication app)
    {
        var catalogue = app.MapGroup("/api/v1/catalogue").WithTags("CPSV-AP");
        catalogue.MapGet("/cpsv-ap.jsonld", Export)
            .Produces<string>(StatusCodes.Status200OK, CpsvExport.MediaType)
            .WithSummary("The published catalogue as CPSV-AP 3.2 JSON-LD (organisations, units, channels, published services).");
        catalogue.MapPost("/cpsv-ap", Import)
            .RequireAuthorization(Acts.CatalogueAdminister)
            .Accepts<object>(CpsvExport.MediaType, "application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Imports CPSV-AP 3.2 JSON-LD as the export writes it: creates or updates organisations, units, channels and services by IRI and publishes the services; all or nothing.");

        app.MapGroup("/api/v1/channels").WithTags("Opening hours")
            .MapGet("/{id:guid}/opening-hours.ics", OpeningHoursFeed)
            .Produces<string>(StatusCodes.Status200OK, OpeningHoursCalendar.MediaType)
            .WithSummary("The opening hours of a channel for the coming weeks as an iCalendar feed (RFC 5545), in the language of ?lang=.");
        return app;
    }

    /// The IRIs' base: Cpsv:BaseUri, else the public address (never the request's Host).
    private static string BaseUri(PublicUrls urls, CpsvOptions options) =>
        string.IsNullOrWhiteSpace(options.BaseUri) ? urls.BaseUrl : options.BaseUri;

    private static async Task<ContentHttpResult> Export(PublicUrls urls, CpsvExport export, IOptions<CpsvOptions> options, CancellationToken ct) =>
        TypedResults.Text(await export.ExportAsync(BaseUri(urls, options.Value), ct), CpsvExport.MediaType, Encoding.UTF8);

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
        return result.Value is { } summary ? TypedResults.Ok(summary) : Invalid(result.InvalidParams);
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "payload-too-large", $"The document is larger than the {limit} bytes accepted.");

    /// An import refused for its content: a 400 of its own code, so that a client tells it from a
    /// request the API could not read.
    private static ProblemHttpResult Invalid(IReadOnlyList<InvalidParam> errors) =>
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

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> OpeningHoursFeed(
        Guid id, int? weeks, GuichetDb db, WorkingCalendar calendar, TimeProvider time, Texts texts, CancellationToken ct)
    {
        var channel = await db.Set<Channel>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null) return Problems.NotFound("The channel");
        if (channel.OpeningHours is null)
            return Problems.Of(StatusCodes.Status404NotFound, "no-opening-hours", "This channel has no opening hours.");
        var count = weeks ?? OpeningHoursCalendar.DefaultWeeks;
        if (count is < 1 or > OpeningHoursCalendar.MaxWeeks)
            return Problems.Validation("weeks", "out-of-range", $"Between 1 and {OpeningHoursCalendar.MaxWeeks} weeks.");
        var primary = await db.Set<Organisation>().Where(o => o.Id == channel.OrganisationId).Select(o => o.PrimaryLanguage).FirstAsync(ct);
        var text = OpeningHoursCalendar.Write(channel, channel.OpeningHours, primary, Languages.Current, calendar, time.GetUtcNow(), count, texts);
        return TypedResults.Text(text, OpeningHoursCalendar.MediaType, Encoding.UTF8);
    }
}
