using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Follow.Complaints.Api;

internal sealed record ComplaintResponse(
    Guid Id, string Number, Guid? ContactId, string Channel, DateTimeOffset ReceivedAt, string CustomerKind, string? CustomerName, string Language,
    string Category, string Subject, string Description, Guid? ServiceId, Guid? UnitId, Guid? CaseId, string? CaseNumber, bool AboutDecision,
    string Status, DateOnly AcknowledgeBy, DateOnly? AcknowledgedOn, string? AcknowledgedBy, string AcknowledgementState,
    DateOnly AnswerBy, DateOnly? AnsweredOn, string AnswerState, Guid? OfficerId,
    string? ViewQuestion, Guid? ViewUnitId, DateOnly? ViewDueOn, string? View, string? Outcome, string? Reasons, string? Measures, string? SecondLine)
{
    public static ComplaintResponse From(Complaint c, DateOnly today, int warningDays) => new(
        c.Id, c.Number, c.ContactId, EnumCodes.Code(c.Channel), c.ReceivedAt, EnumCodes.Code(c.CustomerKind), c.CustomerName, c.Language,
        c.Category, c.Subject, c.Description, c.ServiceId, c.UnitId, c.CaseId, c.CaseNumber, c.DecisionId is not null,
        EnumCodes.Code(c.Status), c.AcknowledgeBy, c.AcknowledgedOn, c.AcknowledgedBy is { } a ? EnumCodes.Code(a) : null, EnumCodes.Code(c.AcknowledgementState(today, warningDays)),
        c.AnswerBy, c.AnsweredOn, EnumCodes.Code(c.AnswerState(today, warningDays)), c.OfficerId,
        c.ViewQuestion, c.ViewUnitId, c.ViewDueOn, c.View, c.Outcome is { } o ? EnumCodes.Code(o) : null, c.Reasons, c.Measures, c.SecondLine);
}

/// The complaint's number and its tracking link, as registered (the link is told only once).
internal sealed record RegisteredComplaintResponse(ComplaintResponse Complaint, string TrackingUrl);

internal static class ComplaintsApi
{
    public static WebApplication MapComplaintsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Complaints").RequireAuthorization(Acts.ComplaintWork);
        api.MapPost("/complaints", Register).ProducesProblem(400)
            .WithSummary("Registers a complaint (counter, phone, letter, e-mail) and its contact in the register, in one transaction; acknowledged by e-mail when an address is given, else print the letter.");
        api.MapPost("/contacts/{id:guid}/complaint", FromContact).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Turns a contact of the register into a complaint (once).");
        api.MapGet("/complaints", List).ProducesProblem(400).WithSummary("The complaints the caller may see, open ones first by answer deadline; ?open=true for open ones only; ?limit= 1-200 (100).");
        api.MapGet("/complaints/report", Report).RequireAuthorization(Acts.ComplaintReport).ProducesProblem(400)
            .WithSummary("The yearly complaint report (?year=, this year by default) over the complaints the caller may see: counts by channel, category, unit and outcome, the founded share (founded or partly founded among the answered), and per deadline (acknowledgement, answer) the complaints due, those kept, the share and the median days from receipt.");
        api.MapGet("/complaints/report.csv", ReportCsv).RequireAuthorization(Acts.ComplaintReport).ProducesProblem(400)
            .WithSummary("The same report as CSV: one line per figure (measure, key, label, value).");
        api.MapGet("/complaints/{id:guid}", Get).ProducesProblem(404).WithSummary("One complaint; the view is recorded.");
        api.MapPost("/complaints/{id:guid}/assignment", Assign).RequireAuthorization(Acts.ComplaintHandle).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Gives the complaint to a complaint officer and the unit concerned.");
        api.MapPost("/complaints/{id:guid}/view-request", AskView).RequireAuthorization(Acts.ComplaintHandle).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Asks the unit concerned for its view, within the configured working days.");
        api.MapPost("/complaints/{id:guid}/view", GiveView).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("The unit concerned gives its view.");
        api.MapPost("/complaints/{id:guid}/answer", Answer).RequireAuthorization(Acts.ComplaintHandle).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("The reasoned answer: founded, partlyFounded or unfounded, the reasons, what is done, and the second line (422 complaint-answer-reasons-missing, complaint-second-line-missing).");
        api.MapPost("/complaints/{id:guid}/acknowledgement-letter", AcknowledgementLetter).ProducesProblem(404)
            .WithSummary("The acknowledgement as a letter to print and post, with a tracking link of its own; the first print acknowledges the complaint.");
        api.MapGet("/complaints/{id:guid}/answer-letter.html", AnswerLetter).ProducesProblem(404).WithSummary("The answer as a letter to print and post.");
        return app;
    }

    private static Ok<ComplaintResponse> Ok(Complaint c, ComplaintWork work) => TypedResults.Ok(ComplaintResponse.From(c, work.Today, work.WarningDays));

    private static async Task<Results<Created<RegisteredComplaintResponse>, ProblemHttpResult>> Register(RegisterComplaintRequest request, ComplaintWork work, ComplaintMail mail,
        ClaimsPrincipal user, CancellationToken ct) =>
        Created(await work.RegisterAsync(user, request, ct), work, mail);

    private static async Task<Results<Created<RegisteredComplaintResponse>, ProblemHttpResult>> FromContact(Guid id, ComplaintFromContactRequest request, ComplaintWork work,
        ComplaintMail mail, ClaimsPrincipal user, CancellationToken ct) =>
        Created(await work.FromContactAsync(user, id, request, ct), work, mail);

    private static Results<Created<RegisteredComplaintResponse>, ProblemHttpResult> Created(Result<RegisteredComplaint> result, ComplaintWork work, ComplaintMail mail) =>
        result.Value is { } r
            ? TypedResults.Created($"/api/v1/complaints/{r.Complaint.Id}", new RegisteredComplaintResponse(ComplaintResponse.From(r.Complaint, work.Today, work.WarningDays), mail.TrackUrl(r.Token)))
            : result.ToProblem();

    private static async Task<Results<Ok<ComplaintYearReport>, ProblemHttpResult>> Report(string? year, ComplaintReport reports, ClaimsPrincipal user, CancellationToken ct)
    {
        var read = reports.ReadYear(year, out var y);
        return read.Ok ? TypedResults.Ok(await reports.ForYearAsync(user, y, Languages.Current, ct)) : read.ToProblem();
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReportCsv(string? year, ComplaintReport reports, ClaimsPrincipal user, CancellationToken ct)
    {
        var read = reports.ReadYear(year, out var y);
        return read.Ok
            ? TypedResults.Content(ComplaintReport.Csv(await reports.ForYearAsync(user, y, Languages.Current, ct)), "text/csv; charset=utf-8")
            : read.ToProblem();
    }

    private const int MaxLimit = 200;

    private static async Task<Results<Ok<List<ComplaintResponse>>, ProblemHttpResult>> List(bool? open, int? limit, ComplaintWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        // A refused list is not a view of anyone's data: checked before the list (and its access event).
        if (limit is < 1 or > MaxLimit) return Problems.Validation([new InvalidParam("limit", "out-of-range", $"From 1 to {MaxLimit}.")]);
        return TypedResults.Ok((await work.ListAsync(user, open == true, limit ?? 100, ct)).Select(c => ComplaintResponse.From(c, work.Today, work.WarningDays)).ToList());
    }

    private static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> Get(Guid id, ComplaintWork work, ClaimsPrincipal user, CancellationToken ct) =>
        await work.ViewAsync(user, id, ct) is { } c ? Ok(c, work) : Problems.NotFound("The complaint");

    private static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> Assign(Guid id, AssignComplaintRequest request, ComplaintWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Reply(await work.AssignAsync(user, id, request, ct), work);

    private static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> AskView(Guid id, AskViewRequest request, ComplaintWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Reply(await work.AskViewAsync(user, id, request, ct), work);

    private static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> GiveView(Guid id, GiveViewRequest request, ComplaintWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Reply(await work.GiveViewAsync(user, id, request, ct), work);

    private static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> Answer(Guid id, AnswerComplaintRequest request, ComplaintWork work, ClaimsPrincipal user, CancellationToken ct) =>
        Reply(await work.AnswerAsync(user, id, request, ct), work);

    private static Results<Ok<ComplaintResponse>, ProblemHttpResult> Reply(Result<Complaint> result, ComplaintWork work) =>
        result.Value is { } c ? Ok(c, work) : result.ToProblem();

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> AcknowledgementLetter(Guid id, ComplaintWork work, ClaimsPrincipal user, CancellationToken ct) =>
        await work.AcknowledgementLetterAsync(user, id, ct) is { Value: { } html } ? TypedResults.Content(html, "text/html; charset=utf-8") : Problems.NotFound("The complaint");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> AnswerLetter(Guid id, ComplaintWork work, ClaimsPrincipal user, CancellationToken ct) =>
        await work.AnswerLetterAsync(user, id, ct) is { Value: { } html } ? TypedResults.Content(html, "text/html; charset=utf-8") : Problems.NotFound("The answer");
}
