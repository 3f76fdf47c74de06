using Guichet.Deliver.Decisions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Deliver.StatusPage.Api;

internal sealed record StatusLinkResponse(string Url);

/// A new status link for staff (over the API), and the decision letter for the customer (through
/// the status link; the page itself is Pages/Status).
internal static class StatusLinksApi
{
    public static WebApplication MapStatusLinksApi(this WebApplication app)
    {
        app.MapPost("/api/v1/cases/{id:guid}/status-link", NewLink).WithTags("Customer requests").RequireAuthorization(Acts.CaseRead).RequireAuthorization(Acts.CaseHandle).ProducesProblem(404)
            .WithSummary("A new secure link to the customer's status page; earlier links stop working. The token is shown once and stored only hashed.");
        app.MapGet("/status/{token}/letter.pdf", Letter).RequireRateLimiting(SecureLink.GuessLimit).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Created<StatusLinkResponse>, ProblemHttpResult>> NewLink(Guid id, StatusLinkWork links, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await links.NewLinkAsync(user, id, ct);
        return result.Value is { } token
            ? TypedResults.Created(StatusLinkOptions.PathFor(token), new StatusLinkResponse(StatusLinkOptions.PathFor(token)))
            : result.ToProblem();
    }

    /// The decision letter, for the customer, through the status link.
    private static async Task<IResult> Letter(string token, StatusLinkWork links, DecisionWork decisions, GuichetDb db, Texts texts, HttpResponse response, CancellationToken ct)
    {
        var opened = await links.OpenLinkAsync(token, tracked: false, ct);
        if (opened.Value is not { } found) return Results.StatusCode(opened.Status);
        var decision = await db.Set<Decision>().AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == found.Id, ct);
        if (decision is null) return Results.NotFound();
        var letter = await decisions.LetterAsync(decision, found, ct);
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.File(letter.Pdf(texts), "application/pdf", $"decision-{found.Number}.pdf");
    }
}
