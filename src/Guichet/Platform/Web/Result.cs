namespace Guichet.Platform.Web;

/// A rule of the domain that refuses a change: its HTTP status (409 or 422), its stable code and
/// its title, the same through the API and the pages.
internal sealed record Refusal(int Status, string Code, string Title);

/// The one outcome of a use case, shared by the API and the pages: the value, or why not — not
/// found (404), invalid input (400 with the fields), a rule refused (409/422 with a stable code).
internal sealed record Result<T>(T? Value, int Status, string? Code, string? Title, IReadOnlyList<InvalidParam> InvalidParams) where T : class
{
    public bool Ok => Value is not null;

    public static Result<T> NotFound(string what) => new(null, 404, "not-found", $"{what} was not found.", []);

    public static Result<T> Invalid(IReadOnlyList<InvalidParam> errors) => new(null, 400, "validation-failed", "The request is not valid.", errors);

    public static Result<T> Invalid(string name, string code, string reason) => Invalid([new InvalidParam(name, code, reason)]);

    public static Result<T> Refused(Refusal r) => new(null, r.Status, r.Code, r.Title, []);

    public static Result<T> Refused(Refusal r, IReadOnlyList<InvalidParam> invalid) => new(null, r.Status, r.Code, r.Title, invalid);

    public static Result<T> Conflict(string code, string title) => new(null, 409, code, title, []);

    /// The same refusal for another kind of value (a use case that passes on what another refused).
    public Result<TOther> As<TOther>() where TOther : class => new(null, Status, Code, Title, InvalidParams);

    public static implicit operator Result<T>(T value) => new(value, 200, null, null, []);

    /// A value typed as an interface (a list), which the implicit conversion cannot take.
    public static Result<T> Of(T value) => new(value, 200, null, null, []);

    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ToProblem() =>
        Status == 400 ? Problems.Validation(InvalidParams) : Problems.Of(Status, Code!, Title!, InvalidParams);
}
