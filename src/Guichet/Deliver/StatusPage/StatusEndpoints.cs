using Guichet.Deliver.Decisions;
using Guichet.Deliver.Requests;
using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Deliver.StatusPage;

internal static class StatusEndpoints
{
    public static WebApplication MapStatusEndpoints(this WebApplication app)
    {
        app.MapGet("/status/{token}/letter.pdf", Letter).RequireRateLimiting(DeliverModule.StatusLinkRateLimit).ExcludeFromDescription();
        return app;
    }

    /// The decision letter, for the customer, through the status link.
    private static async Task<IResult> Letter(string token, CustomerRequests requests, DecisionWork decisions, GuichetDb db, Texts texts, HttpResponse response, CancellationToken ct)
    {
        var (found, expired) = await requests.OpenLinkAsync(token, tracked: false, ct);
        if (found is null) return expired ? Results.StatusCode(StatusCodes.Status410Gone) : Results.NotFound();
        var decision = await db.Set<Decision>().AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == found.Id, ct);
        if (decision is null) return Results.NotFound();
        var letter = await decisions.LetterAsync(decision, found, ct);
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.File(letter.Pdf(texts), "application/pdf", $"decision-{found.Number}.pdf");
    }
}
