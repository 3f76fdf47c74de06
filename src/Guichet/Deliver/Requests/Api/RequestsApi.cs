using Guichet.Deliver.Cases.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Deliver.Requests.Api;

/// WithdrawnAt: the request ended unanswered when the case was decided.
internal sealed record CustomerRequestResponse(Guid Id, Guid CaseId, string What, DateOnly DueOn, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, Guid? DocumentId,
    DateTimeOffset? WithdrawnAt)
{
    public static CustomerRequestResponse From(CustomerRequest r) => new(r.Id, r.CaseId, r.What, r.DueOn, r.CreatedAt, r.AnsweredAt, r.DocumentId, r.WithdrawnAt);
}

internal static class RequestsApi
{
    public static WebApplication MapRequestsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/cases/{id:guid}").WithTags("Customer requests").RequireAuthorization(Acts.CaseRead);
        api.MapPost("/requests", Ask).RequireAuthorization(Acts.CaseHandle).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Asks the customer for something by a date after today (409 case-decided once the case is decided); the clock stops (reason missing-document, where the case type allows it) until they answer with an upload on the status page.");
        api.MapGet("/requests/{requestId:guid}/letter.html", Letter).ProducesProblem(404)
            .WithSummary("The request as a letter to print and post, with a status link of its own to answer it.");
        api.MapGet("/requests", List).ProducesProblem(404).WithSummary("What was asked of the customer, and what was answered.");
        return app;
    }

    private static async Task<Results<Created<CustomerRequestResponse>, ProblemHttpResult>> Ask(Guid id, AskRequest request, RequestWork requests, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await requests.AskAsync(user, id, request, ct);
        return result.Value is { } r ? TypedResults.Created($"/api/v1/cases/{id}/requests", CustomerRequestResponse.From(r)) : result.ToProblem();
    }

    private static Task<Results<Ok<List<CustomerRequestResponse>>, ProblemHttpResult>> List(Guid id, GuichetDb db, ClaimsPrincipal user, CancellationToken ct) =>
        CasesApi.PartsAsync(db, user, id, (IEnumerable<CustomerRequest> requests) => requests.OrderBy(r => r.CreatedAt).Select(CustomerRequestResponse.From), ct);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Letter(Guid id, Guid requestId, RequestWork requests, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await requests.LetterAsync(user, id, requestId, ct);
        return result.Value is { } html ? TypedResults.Content(html, "text/html; charset=utf-8") : result.ToProblem();
    }
}
