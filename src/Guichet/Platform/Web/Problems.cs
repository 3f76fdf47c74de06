using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Platform.Web;

/// One field that failed validation, with a stable machine code.
internal sealed record InvalidParam(string Name, string Code, string Reason);

/// ProblemDetails with a stable `code` (and `invalidParams` for validation), the one shape of
/// every API error (ADR 0003).
internal static class Problems
{
    public static ProblemHttpResult Validation(IReadOnlyList<InvalidParam> invalid, string? title = null) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title ?? "The request is not valid.",
            Type = "https://guichet.example/problems/validation-failed",
            Extensions = { ["code"] = "validation-failed", ["invalidParams"] = invalid },
        });

    public static ProblemHttpResult Validation(string name, string code, string reason) =>
        Validation([new InvalidParam(name, code, reason)]);

    public static ProblemHttpResult NotFound(string what) => Of(StatusCodes.Status404NotFound, "not-found", $"{what} was not found.");

    public static ProblemHttpResult Conflict(string code, string title) => Of(StatusCodes.Status409Conflict, code, title);

    public static ProblemHttpResult Unprocessable(string code, string title) => Of(StatusCodes.Status422UnprocessableEntity, code, title);

    public static ProblemHttpResult BadRequest(string code, string title) => Of(StatusCodes.Status400BadRequest, code, title);

    public static ProblemHttpResult Of(int status, string code, string title, IReadOnlyList<InvalidParam>? invalid = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Type = $"https://guichet.example/problems/{code}",
            Extensions = { ["code"] = code },
        };
        if (invalid is { Count: > 0 }) problem.Extensions["invalidParams"] = invalid;
        return TypedResults.Problem(problem);
    }
}
