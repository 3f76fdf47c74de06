using Guichet.Improve.Measures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Improve.Proposals.Api;

/// Improvement proposals over HTTP: read with improve.read, made, revised and moved with
/// proposal.manage; every figure within the caller's units.
internal static class ProposalsApi
{
    public static WebApplication MapProposalsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/improve/proposals").WithTags("Improvement proposals").RequireAuthorization(Acts.ImproveRead);
        api.MapGet("", List).ProducesProblem(400)
            .WithSummary("The proposals of the caller's units, newest first (?status= proposed, accepted, inProgress, done, dropped; ?serviceId=), without their measurements.");
        api.MapPost("", Make).RequireAuthorization(Acts.ProposalManage).ProducesProblem(400)
            .WithSummary("Makes a proposal: serviceId (a service with a declared process), step (an activity of that process, optional), title, problem, evidence (the /staff/ address of the figure that shows it, optional), change, ownerUnitId, ownerId (optional), kpi (a KPI code), target, windowDays (7–366, default 28). Refused with codes (required, unknown-service, no-declared-process, not-a-step, not-a-staff-link, unknown-unit, unit-not-allowed, unknown-owner, unknown-kpi, out-of-range, too-long) and nothing stored.");
        api.MapGet("/report", Report).ProducesProblem(400)
            .WithSummary("The yearly improvement report (?year=, this year by default): per organisation, the proposals made or done in the year within the caller's units, counted by status, each with its measured effect.");
        api.MapGet("/report.csv", ReportCsv).ProducesProblem(400).WithSummary("The same report as CSV, one row per proposal.");
        api.MapGet("/{id:guid}", Get).ProducesProblem(404)
            .WithSummary("A proposal with its history and its KPI: once done, before and after the day it was done over equal windows (figures, counts, change, test, p-value, verdict, target met); open, the latest window as baseline.");
        api.MapPut("/{id:guid}", Revise).RequireAuthorization(Acts.ProposalManage).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Revises an open proposal (the same fields as when made; its service stays). A done or dropped one: 409 proposal-closed.");
        api.MapPost("/{id:guid}/status", Move).RequireAuthorization(Acts.ProposalManage).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Moves a proposal to another status: status (accepted, inProgress, done, dropped), doneOn (the day the change was done; required for done), note. A move its status does not allow: 409 status-not-allowed.");
        return app;
    }

    private static async Task<Results<Ok<List<ProposalResponse>>, ProblemHttpResult>> List(string? status, Guid? serviceId, ProposalWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.ListAsync(user, status, serviceId, ct);
        return result.Value is { } list ? TypedResults.Ok(list.Select(ProposalExport.From).ToList()) : result.ToProblem();
    }

    private static async Task<Results<Created<ProposalResponse>, ProblemHttpResult>> Make(ProposalRequest request, ProposalWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var made = await work.MakeAsync(user, request, ct);
        if (made.Value is not { } p) return made.ToProblem();
        var view = await work.ViewAsync(user, p.Id, ct);
        return TypedResults.Created($"/api/v1/improve/proposals/{p.Id}", ProposalExport.From(view.Value!));
    }

    private static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> Get(Guid id, ProposalWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.ViewAsync(user, id, ct);
        return result.Value is { } v ? TypedResults.Ok(ProposalExport.From(v)) : result.ToProblem();
    }

    private static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> Revise(Guid id, ProposalRequest request, ProposalWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.ReviseAsync(user, id, request, ct);
        return result.Value is null ? result.ToProblem() : await Get(id, work, user, ct);
    }

    private static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> Move(Guid id, StatusRequest request, ProposalWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.MoveAsync(user, id, request, ct);
        return result.Value is null ? result.ToProblem() : await Get(id, work, user, ct);
    }

    private static async Task<Results<Ok<List<ReportResponse>>, ProblemHttpResult>> Report(int? year, ProposalWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.ReportAsync(user, year, ct);
        return result.Value is { } r ? TypedResults.Ok(r.Select(ProposalExport.Report).ToList()) : result.ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReportCsv(int? year, ProposalWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.ReportAsync(user, year, ct);
        if (result.Value is not { } r) return result.ToProblem();
        var file = ProposalExport.ReportCsv(r.Count > 0 ? r[0].Year : year ?? 0, r);
        return TypedResults.File(file.Content, file.MediaType, file.Name);
    }
}
