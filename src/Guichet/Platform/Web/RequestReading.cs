using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Guichet.Platform.Web;

/// The platform's rules for text a request brings, applied once for every endpoint and page
/// rather than field by field: no NUL character (PostgreSQL cannot store one, SQLite would keep
/// a string that ends early for some readers), JSON bodies in valid UTF-8, and dates inside the
/// years any Guichet record can be about (0001-01-01 and 9999-12-31 overflow the arithmetic of
/// the day, week and statistics queries).
internal static partial class RequestReading
{
    public const int EarliestYear = 1900;
    public const int LatestYear = 2199;

    public const string InvalidCharacter = "invalid-character";
    public const string InvalidEncoding = "invalid-encoding";
    public const string DateOutOfRange = "date-out-of-range";

    /// API callers get ProblemDetails; people get the error page.
    public static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/open311");

    public static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    /// Whether the text starts like an ISO date (yyyy-MM-dd, with or without a time) whose year
    /// is outside the supported ones. Other text is left to the endpoint.
    public static bool IsDateOutOfRange(string? text)
    {
        if (text is null || IsoDate().Match(text) is not { Success: true } m) return false;
        return !int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < EarliestYear || year > LatestYear;
    }

    public static bool InRange(DateOnly date) => date.Year is >= EarliestYear and <= LatestYear;

    [GeneratedRegex(@"^\s*([0-9]{4,})-[0-9]{2}-[0-9]{2}(?:$|[T ])")]
    private static partial Regex IsoDate();

    public static IApplicationBuilder UseRequestReading(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (await FirstProblemAsync(context) is { } problem)
            {
                await RefuseAsync(context, problem.Name, problem.Code);
                return;
            }
            await next();
        });

    /// The first field of the query, the route or a posted form that breaks a rule.
    private static async Task<(string Name, string Code)?> FirstProblemAsync(HttpContext context)
    {
        var request = context.Request;
        foreach (var (name, values) in request.Query)
            foreach (var value in values)
                if (Check(name, value) is { } p) return p;
        foreach (var (name, value) in request.RouteValues)
            if (value is string text && Check(name, text) is { } p) return p;
        if (request.HasFormContentType && !HttpMethods.IsGet(request.Method))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                return null; // unreadable: the endpoint says so in its own words
            }
            foreach (var (name, values) in form)
                foreach (var value in values)
                    if (Check(name, value) is { } p) return p;
        }
        return null;
    }

    private static (string, string)? Check(string name, string? value) =>
        HasNul(name) || HasNul(value) ? (name.Replace("\0", "", StringComparison.Ordinal), InvalidCharacter)
        : IsDateOutOfRange(value) ? (name, DateOutOfRange)
        : null;

    public static string Reason(string code) => code switch
    {
        InvalidCharacter => "Text may not contain the NUL character (U+0000).",
        InvalidEncoding => "The request body is not valid UTF-8.",
        DateOutOfRange => $"A date from {EarliestYear} to {LatestYear}.",
        _ => "The request is not valid.",
    };

    private static async Task RefuseAsync(HttpContext context, string name, string code)
    {
        if (IsApi(context))
        {
            await Problems.Of(StatusCodes.Status400BadRequest, code, Reason(code), [new InvalidParam(name, code, Reason(code))]).ExecuteAsync(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest; // the error page, by the status code pages
    }

    /// The JSON side of the same rules: every string, date and instant of every body passes here.
    public static void AddTo(JsonSerializerOptions options)
    {
        options.Converters.Add(new CheckedString());
        options.Converters.Add(new CheckedDate());
        options.Converters.Add(new CheckedInstant());
    }

    public static string ReadText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            throw new JsonException($"Expected a string, not {reader.TokenType}.");
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new RequestTextException(InvalidEncoding, e);
        }
        return HasNul(text) ? throw new RequestTextException(InvalidCharacter) : text;
    }

    private sealed class CheckedString : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => RequestReading.ReadText(ref reader);
        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => RequestReading.ReadText(ref reader);
        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }

    private sealed class CheckedDate : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = ReadText(ref reader);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new JsonException("Expected a date as yyyy-MM-dd.");
            return InRange(date) ? date : throw new RequestTextException(DateOutOfRange);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed class CheckedInstant : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
                throw new JsonException("Expected an ISO 8601 instant.");
            return value.Year is >= EarliestYear and <= LatestYear ? value : throw new RequestTextException(DateOutOfRange);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}

/// A JSON value that breaks one of the request rules; a JsonException, so that the framework's
/// body reading reports it as a bad request (BadRequestExceptionHandler gives its code).
internal sealed class RequestTextException(string code, Exception? inner = null) : JsonException(RequestReading.Reason(code), inner)
{
    public string Code { get; } = code;
}
