using Guichet.Deliver.Cases;
using Guichet.Deliver.CaseTypes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Deliver.Decisions.Api;

internal sealed record DecisionResponse(
    Guid Id, Guid CaseId, DecisionOutcome Outcome, string FactualGrounds, string LegalGrounds, AppealBlock Appeal, string Language,
    NotificationChannel Channel, DateOnly SentOn, DateOnly NotifiedOn, DateOnly AppealDeadline, DateTimeOffset IssuedAt, string IssuedBy)
{
    public static DecisionResponse From(Decision d) => new(d.Id, d.CaseId, d.Outcome, d.FactualGrounds, d.LegalGrounds, d.Appeal, d.Language,
        d.Channel, d.SentOn, d.NotifiedOn, d.AppealDeadline, d.IssuedAt, d.IssuedBy);
}

internal sealed record AppealResponse(Guid Id, Guid CaseId, Guid DecisionId, AppealKind Kind, DateOnly LodgedOn, string LodgedWith, string? Reference, string Summary, bool Late, DateTimeOffset RegisteredAt)
{
    public static AppealResponse From(LodgedAppeal a) => new(a.Id, a.CaseId, a.DecisionId, a.Kind, a.LodgedOn, a.LodgedWith, a.Reference, a.Summary, a.Late, a.RegisteredAt);
}

internal static class DecisionsApi
{
    public static WebApplication MapDecisionsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/cases/{id:guid}").WithTags("Decisions").RequireAuthorization(Acts.CaseRead);
        api.MapPost("/decision", Issue).RequireAuthorization(Acts.CaseHandle).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Issues the motivated decision that closes the case: outcome, factual and legal grounds (both required and substantive, else 422 decision-motivation-missing), the appeal block (taken from the case type in the language of procedure where left out; incomplete: 422 decision-appeal-information-missing), channel email or post; the appeal deadline is computed from the notification date.");
        api.MapGet("/decision", Get).ProducesProblem(404).WithSummary("The decision of a case.");
        api.MapGet("/decision/letter.pdf", Pdf).ProducesProblem(404).WithSummary("The decision letter as PDF, in the language of procedure.");
        api.MapGet("/decision/letter.html", Html).ProducesProblem(404).WithSummary("The decision letter as HTML, in the language of procedure.");
        api.MapPost("/appeals", Lodge).RequireAuthorization(Acts.CaseHandle).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Records an appeal or objection lodged against the decision; the decision and the closed case stay as issued.");
        api.MapGet("/appeals", Appeals).ProducesProblem(404).WithSummary("Appeals and objections lodged against the decision.");
        return app;
    }

    private static async Task<Results<Created<DecisionResponse>, ProblemHttpResult>> Issue(Guid id, IssueDecisionRequest request, DecisionWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.IssueAsync(user, id, request, ct);
        return result.Value is { } d ? TypedResults.Created($"/api/v1/cases/{id}/decision", DecisionResponse.From(d)) : result.ToProblem();
    }

    private static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> Get(Guid id, DecisionWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await work.FindAsync(user, id, ct);
        return found.Value is { } decided ? TypedResults.Ok(DecisionResponse.From(decided.Decision)) : found.ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(Guid id, DecisionWork work, Texts texts, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await work.ReadLetterAsync(user, id, "pdf", ct);
        return found.Value is { } letter ? TypedResults.File(letter.Pdf(texts), "application/pdf", $"decision-{letter.CaseNumber}.pdf") : found.ToProblem();
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Html(Guid id, DecisionWork work, Texts texts, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await work.ReadLetterAsync(user, id, "html", ct);
        return found.Value is { } letter ? TypedResults.Content(letter.Html(texts), "text/html; charset=utf-8") : found.ToProblem();
    }

    private static async Task<Results<Created<AppealResponse>, ProblemHttpResult>> Lodge(Guid id, LodgeAppealRequest request, DecisionWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.LodgeAppealAsync(user, id, request, ct);
        return result.Value is { } a ? TypedResults.Created($"/api/v1/cases/{id}/appeals", AppealResponse.From(a)) : result.ToProblem();
    }

    private static async Task<Results<Ok<List<AppealResponse>>, ProblemHttpResult>> Appeals(Guid id, DecisionWork work, Guichet.Platform.Data.GuichetDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await work.FindAsync(user, id, ct) is { Ok: false } notFound) return notFound.ToProblem();
        var appeals = await CaseScope.PartsAsync<LodgedAppeal>(db, id, ct);
        return TypedResults.Ok(appeals.OrderBy(a => a.RegisteredAt).Select(AppealResponse.From).ToList());
    }
}
