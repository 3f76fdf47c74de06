using Guichet.Follow.Complaints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Follow.Satisfaction.Api;

/// The complaint made of an unhappy answer: its id and number.
internal sealed record SurveyComplaintResponse(Guid SurveyId, Guid ComplaintId, string Number);

internal static class SatisfactionApi
{
    public static WebApplication MapSatisfactionApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/satisfaction").WithTags("Satisfaction").RequireAuthorization(Acts.SatisfactionRead);
        api.MapGet("/results", Results).ProducesProblem(400)
            .WithSummary("Survey results per service, unit or channel (?by=service|unit|channel) over a period of request dates (?from=&to=, default the last 90 days): requested, answered, response rate, mean score, score distribution, got what they needed.");
        api.MapGet("/results.csv", ResultsCsv).ProducesProblem(400).WithSummary("The same results as CSV.");
        api.MapGet("/unhappy", Unhappy).ProducesProblem(400).WithSummary("Answers with a score of 1 or 2 and a comment in the period, newest first (at most 100); the reading is recorded.");
        api.MapPost("/surveys/{id:guid}/complaint", ToComplaint).RequireAuthorization(Acts.ComplaintHandle)
            .ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Turns an unhappy answer with a comment into a complaint, once (409 survey-not-unhappy, survey-already-complaint).");
        return app;
    }

    private static async Task<Results<Ok<SurveyReport>, ProblemHttpResult>> Results(DateOnly? from, DateOnly? to, string? by, SurveyResults results, CancellationToken ct) =>
        results.Read(from, to, by) is { Value: { } q } ? TypedResults.Ok(await results.ReportAsync(q.From, q.To, q.By, Languages.Current, ct)) : results.Read(from, to, by).ToProblem();

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ResultsCsv(DateOnly? from, DateOnly? to, string? by, SurveyResults results, CancellationToken ct) =>
        results.Read(from, to, by) is { Value: { } q }
            ? TypedResults.Content(SurveyResults.Csv(await results.ReportAsync(q.From, q.To, q.By, Languages.Current, ct)), "text/csv; charset=utf-8")
            : results.Read(from, to, by).ToProblem();

    private static async Task<Results<Ok<List<UnhappyAnswer>>, ProblemHttpResult>> Unhappy(DateOnly? from, DateOnly? to, SurveyResults results, ClaimsPrincipal user, CancellationToken ct) =>
        results.Read(from, to, null) is { Value: { } q } ? TypedResults.Ok(await results.UnhappyAsync(user, q.From, q.To, ct)) : results.Read(from, to, null).ToProblem();

    private static async Task<Results<Created<SurveyComplaintResponse>, ProblemHttpResult>> ToComplaint(Guid id, SurveyWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.ToComplaintAsync(user, id, ct);
        return result.Value is { } r
            ? TypedResults.Created($"/api/v1/complaints/{r.Complaint.Id}", new SurveyComplaintResponse(id, r.Complaint.Id, r.Complaint.Number))
            : result.ToProblem();
    }
}
