using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Follow.Webhooks.Api;

/// A webhook subscription as the API shows it; the secret only in the answer that made it.
internal sealed record WebhookEntry(Guid Id, string Url, string Description, IReadOnlyList<string> EventTypes, bool Active,
    DateTimeOffset CreatedAt, DateTimeOffset? LastSuccessAt, DateTimeOffset? FailingSince, int Failures, DateTimeOffset? DisabledAt, string? Secret = null);

internal static class WebhooksApi
{
    public static WebApplication MapWebhooksApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Acts.WebhookManage);
        api.MapGet("/event-types", () => TypedResults.Ok(WebhookEvents.All.Select(t => new { code = t.Code, type = t.CloudEventType }).ToList()))
            .WithSummary("The event types one may subscribe to, with their CloudEvents type.");
        api.MapGet("", List).WithSummary("The webhook subscriptions (without their secrets).");
        api.MapPost("", Create).ProducesProblem(400)
            .WithSummary("Subscribes an external system: url (http or https, not the platform), description, eventTypes, secret (optional: whsec_ + base64; made and returned once if absent).");
        api.MapPut("/{id:guid}", Change).ProducesProblem(400).ProducesProblem(404).WithSummary("Changes a subscription's URL, description or event types.");
        api.MapPost("/{id:guid}/enable", Enable).ProducesProblem(404).WithSummary("Switches a receiver that was switched off on again.");
        api.MapDelete("/{id:guid}", Delete).ProducesProblem(404).WithSummary("Deletes a subscription; its pending deliveries are dropped.");
        return app;
    }

    internal static WebhookEntry Entry(WebhookSubscription s, bool withSecret = false) =>
        new(s.Id, s.Url, s.Description, s.EventTypes, s.Active, s.CreatedAt, s.LastSuccessAt, s.FailingSince, s.Failures, s.DisabledAt, withSecret ? s.Secret : null);

    private static async Task<Ok<List<WebhookEntry>>> List(WebhookWork work, CancellationToken ct) =>
        TypedResults.Ok((await work.ListAsync(ct)).Select(s => Entry(s)).ToList());

    private static async Task<Results<Created<WebhookEntry>, ProblemHttpResult>> Create(WebhookRequest request, WebhookWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.SubscribeAsync(user, request, ct);
        return result.Value is { } s ? TypedResults.Created($"/api/v1/webhooks/{s.Id}", Entry(s, withSecret: true)) : result.ToProblem();
    }

    private static async Task<Results<Ok<WebhookEntry>, ProblemHttpResult>> Change(Guid id, WebhookRequest request, WebhookWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.ChangeAsync(user, id, request, ct);
        return result.Value is { } s ? TypedResults.Ok(Entry(s)) : result.ToProblem();
    }

    private static async Task<Results<Ok<WebhookEntry>, ProblemHttpResult>> Enable(Guid id, WebhookWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.EnableAsync(user, id, ct);
        return result.Value is { } s ? TypedResults.Ok(Entry(s)) : result.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, WebhookWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.DeleteAsync(user, id, ct);
        return result.Value is not null ? TypedResults.NoContent() : result.ToProblem();
    }
}
