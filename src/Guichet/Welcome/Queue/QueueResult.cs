using Guichet.Platform.Web;

namespace Guichet.Welcome.Queue;

/// What a queue use case answers: the value, or why not (HTTP status, stable code, invalid fields).
internal sealed record QueueResult<T>(T? Value, int Status, string? Code, string? Title, IReadOnlyList<InvalidParam> InvalidParams) where T : class
{
    public static QueueResult<T> NotFound(string what) => new(null, 404, "not-found", $"{what} was not found.", []);

    public static QueueResult<T> Invalid(IReadOnlyList<InvalidParam> errors) => new(null, 400, "validation-failed", "The request is not valid.", errors);

    public static QueueResult<T> Invalid(string name, string code, string reason) => Invalid([new InvalidParam(name, code, reason)]);

    public static QueueResult<T> Conflict(string code, string title) => new(null, 409, code, title, []);

    public static implicit operator QueueResult<T>(T value) => new(value, 200, null, null, []);

    public bool Ok => Value is not null;

    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ToProblem() =>
        Status == 400 ? Problems.Validation(InvalidParams) : Problems.Of(Status, Code!, Title!, InvalidParams);
}

/// The stable refusals of the queue.
internal static class QueueRefusals
{
    public const string QueueEmpty = "queue-empty";
    public const string DeskBusy = "desk-busy";
    public const string TicketNotAtDesk = "ticket-not-at-desk";
    public const string TicketFinished = "ticket-finished";
    public const string TicketNotCalled = "ticket-not-called";
    public const string TicketChanged = "ticket-changed";
    public const string OfficeExists = "office-exists";
    public const string DeskHasTicket = "desk-has-ticket";
}
