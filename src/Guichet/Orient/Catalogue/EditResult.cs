using Guichet.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Orient.Catalogue;

/// Why a catalogue change was refused. The API answers it as ProblemDetails; the editor pages
/// show the invalid fields, or the forbidden / not-found page.
internal sealed record EditRefusal(int Status, string Code, string Title, IReadOnlyList<InvalidParam> InvalidParams)
{
    public const string SlugTakenCode = "slug-taken";

    public static EditRefusal NotFound(string what) =>
        new(StatusCodes.Status404NotFound, "not-found", $"{what} was not found.", []);

    public static readonly EditRefusal Forbidden =
        new(StatusCodes.Status403Forbidden, "forbidden", "Your account may not change this part of the catalogue.", []);

    public static EditRefusal Invalid(IReadOnlyList<InvalidParam> errors) =>
        new(StatusCodes.Status400BadRequest, "validation-failed", "The request is not valid.", errors);

    public static EditRefusal SlugTaken(string what) =>
        new(StatusCodes.Status409Conflict, SlugTakenCode, $"Another {what} already uses this slug.",
            [new InvalidParam("slug", SlugTakenCode, $"Another {what} already uses this slug.")]);

    public static EditRefusal Unprocessable(string code, string title, IReadOnlyList<InvalidParam> errors) =>
        new(StatusCodes.Status422UnprocessableEntity, code, title, errors);

    public ProblemHttpResult ToProblem()
    {
        if (Status == StatusCodes.Status400BadRequest) return Problems.Validation(InvalidParams, Title);
        var problem = new ProblemDetails
        {
            Status = Status,
            Title = Title,
            Type = $"https://guichet.example/problems/{Code}",
            Extensions = { ["code"] = Code },
        };
        if (InvalidParams.Count > 0) problem.Extensions["invalidParams"] = InvalidParams;
        return TypedResults.Problem(problem);
    }
}

/// The changed entity, or why nothing changed.
internal readonly record struct EditResult<T>(T? Value, EditRefusal? Refusal) where T : class
{
    public static implicit operator EditResult<T>(T value) => new(value, null);

    public static implicit operator EditResult<T>(EditRefusal refusal) => new(null, refusal);
}
