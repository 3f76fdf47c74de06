using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Platform.Web;

/// Turns what the framework throws on bad input (malformed JSON, wrong types, unreadable
/// parameters) into ProblemDetails with a stable code; anything else is a 500 without details.
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var rule = Chain(bad).OfType<RequestTextException>().FirstOrDefault();
        var (code, title) = rule is not null
            ? (rule.Code, RequestReading.Reason(rule.Code))
            : bad.InnerException is Localization.UnknownLanguageException unknown
            ? ("unknown-language", unknown.Message)
            : bad.InnerException is JsonException
            ? ("malformed-json", "The request body is not valid JSON for this operation (syntax or a value of the wrong type).")
            : bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ("payload-too-large", "The request body is too large.")
                : ("bad-request", bad.Message);
        var status = rule is not null ? StatusCodes.Status400BadRequest : bad.StatusCode;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Type = $"https://guichet.example/problems/{code}",
                Extensions = { ["code"] = code },
            },
        });
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }
}

internal static class ErrorHandling
{
    public static IServiceCollection AddGuichetErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions.Remove("traceId");
            if (!c.ProblemDetails.Extensions.ContainsKey("code"))
                c.ProblemDetails.Extensions["code"] = c.ProblemDetails.Status switch
                {
                    401 => "unauthenticated",
                    403 => "forbidden",
                    404 => "not-found",
                    405 => "method-not-allowed",
                    415 => "unsupported-media-type",
                    429 => "too-many-requests",
                    500 => "internal-error",
                    _ => "error",
                };
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
