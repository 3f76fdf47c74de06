using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Follow.Notices.Api;

internal sealed record NoticeEntry(Guid Id, string State, LocalizedText Subject, LocalizedText Body, string PrimaryLanguage,
    IReadOnlyList<string> Topics, IReadOnlyList<string> CaseTypes, DateTimeOffset CreatedAt, DateTimeOffset? SendStartedAt, DateTimeOffset? SentAt, NoticeProgress Progress);

internal sealed record RecipientEntry(Guid Id, string Channel, string State, string Language, bool Subscriber, string? CaseNumber, int Attempts, DateTimeOffset UpdatedAt);

internal static class NoticesApi
{
    public static WebApplication MapNoticesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/notices").WithTags("Notices").RequireAuthorization(Acts.NoticeSend);
        api.MapGet("", List).WithSummary("The notices, newest first, with their progress.");
        api.MapPost("", Create).ProducesProblem(400)
            .WithSummary("Writes a draft notice: subject and Markdown body per language ({fr, nl, de, en}, at least one version), primaryLanguage (the fallback), topics (codes), caseTypes (codes).");
        api.MapGet("/{id:guid}", Get).ProducesProblem(404).WithSummary("A notice with its progress (recipients by state).");
        api.MapPut("/{id:guid}", Change).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).WithSummary("Changes a draft notice.");
        api.MapPost("/{id:guid}/send", Send).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Sends the notice: fixes its recipients (each address or customer once); the mails leave within the rate limit.");
        api.MapGet("/{id:guid}/recipients", Recipients).ProducesProblem(404)
            .WithSummary("The recipients of a sent notice and the state of each (queued, sending, sent, temporaryFailure, permanentFailure, unsubscribed, letterDue, letterPrinted); no addresses.");
        api.MapPost("/{id:guid}/letters", Letters).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("The letters for recipients without e-mail as one PDF (those not printed yet are marked printed).");
        return app;
    }

    private static NoticeEntry Entry(Notice n, NoticeProgress p) =>
        new(n.Id, EnumCodes.Code(n.State), n.Subject, n.Body, n.PrimaryLanguage, n.Topics, n.CaseTypes, n.CreatedAt, n.SendStartedAt, n.SentAt, p);

    private static async Task<Ok<List<NoticeEntry>>> List(NoticeWork work, CancellationToken ct)
    {
        var list = new List<NoticeEntry>();
        foreach (var n in await work.ListAsync(ct)) list.Add(Entry(n, await work.ProgressAsync(n.Id, ct)));
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<NoticeEntry>, NotFound>> Get(Guid id, NoticeWork work, CancellationToken ct) =>
        await work.FindAsync(id, ct) is { } n ? TypedResults.Ok(Entry(n, await work.ProgressAsync(id, ct))) : TypedResults.NotFound();

    private static async Task<Results<Created<NoticeEntry>, ProblemHttpResult>> Create(NoticeRequest request, NoticeWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.SaveAsync(user, null, request, ct);
        return result.Value is { } n ? TypedResults.Created($"/api/v1/notices/{n.Id}", Entry(n, await work.ProgressAsync(n.Id, ct))) : result.ToProblem();
    }

    private static async Task<Results<Ok<NoticeEntry>, ProblemHttpResult>> Change(Guid id, NoticeRequest request, NoticeWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.SaveAsync(user, id, request, ct);
        return result.Value is { } n ? TypedResults.Ok(Entry(n, await work.ProgressAsync(n.Id, ct))) : result.ToProblem();
    }

    private static async Task<Results<Ok<NoticeEntry>, ProblemHttpResult>> Send(Guid id, NoticeWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.SendAsync(user, id, ct);
        return result.Value is { } n ? TypedResults.Ok(Entry(n, await work.ProgressAsync(n.Id, ct))) : result.ToProblem();
    }

    private static async Task<Results<Ok<List<RecipientEntry>>, NotFound>> Recipients(Guid id, int? skip, int? take, NoticeWork work, CancellationToken ct)
    {
        if (await work.FindAsync(id, ct) is null) return TypedResults.NotFound();
        var list = await work.RecipientsAsync(id, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 500, 1, 1000), ct);
        return TypedResults.Ok(list.Select(r => new RecipientEntry(r.Id, EnumCodes.Code(r.Channel), EnumCodes.Code(r.State), r.Language,
            r.SubscriberId is not null, r.CaseNumber, r.Attempts, r.UpdatedAt)).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Letters(Guid id, NoticeLetters letters, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await letters.PrintAsync(user, id, ct);
        return result.Value is { } pdf ? TypedResults.File(pdf, "application/pdf", $"notice-{id:N}-letters.pdf") : result.ToProblem();
    }
}
