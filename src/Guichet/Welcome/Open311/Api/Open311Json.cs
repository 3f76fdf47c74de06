using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Welcome.Open311.Api;

/// One error in the Open311 format: a response body is always a list of them.
internal sealed record Open311Error(int Code, string Description);

/// The wire shape of GeoReport v2: snake_case names, nulls written (the spec shows absent values
/// as null), datetimes as ISO 8601 with the Brussels offset, ids and codes as strings.
internal static class Open311Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static JsonHttpResult<T> Ok<T>(T value, int status = StatusCodes.Status200OK) => TypedResults.Json(value, Options, statusCode: status);

    public static JsonHttpResult<Open311Error[]> Error(int status, string description) =>
        TypedResults.Json(new[] { new Open311Error(status, description) }, Options, statusCode: status);

    public static JsonHttpResult<Open311Error[]> Errors(int status, IEnumerable<string> descriptions) =>
        TypedResults.Json(descriptions.Select(d => new Open311Error(status, d)).ToArray(), Options, statusCode: status);

    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, BrusselsTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// What a bare status means when nothing more specific was written (no such route, wrong method).
    public static string DescriptionOf(int status) => status switch
    {
        StatusCodes.Status404NotFound => "Not found: see /open311/v2/discovery.json for the endpoints.",
        StatusCodes.Status405MethodNotAllowed => "This method is not allowed here.",
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => "Not allowed.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status429TooManyRequests => "Too many requests: try again later.",
        >= 500 => "An internal error occurred.",
        _ => "The request cannot be served.",
    };
}
