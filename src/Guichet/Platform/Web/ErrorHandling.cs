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
        var (code, title) = bad.InnerException is Localization.UnknownLanguageException unknown
            ? ("unknown-language", unknown.Message)
            : bad.InnerException is JsonException
            ? ("malformed-json", "The request body is not valid JSON for this operation (syntax or a value of the wrong type).")
            : bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ("payload-too-large", "The request body is too large.")
                : ("bad-request", bad.Message);
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = title,
                Type = $"https://guichet.example/problems/{code}",
                Extensions = { ["code"] = code },
            },
        });
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
