using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Follow.Subscriptions.Api;

internal static class SubscriptionsApi
{
    public static WebApplication MapSubscriptionsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/subscription-topics").WithTags("Subscriptions");
        api.MapGet("", List).WithSummary("The topics one may subscribe to (staff of communication see withdrawn ones too with ?all=true).");
        api.MapPost("", Create).RequireAuthorization(Acts.TopicManage).ProducesProblem(400)
            .WithSummary("Adds a topic: a code, a kind (theme, service, lifeEvent, legislation), its name in fr, nl, de and en, the service it is about for kind service.");
        api.MapPut("/{id:guid}", Change).RequireAuthorization(Acts.TopicManage).ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Changes a topic's names, or withdraws it (active false) or offers it again.");
        return app;
    }

    private static TopicEntry Entry(SubscriptionTopic t) => new(t.Id, t.Code, EnumCodes.Code(t.Kind), t.Name, t.RefId, t.Active);

    private static async Task<Ok<List<TopicEntry>>> List(bool? all, SubscriptionWork work, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await work.TopicsAsync(!(all == true && user.May(Acts.TopicManage)), ct)).Select(Entry).ToList());

    private static async Task<Results<Created<TopicEntry>, ProblemHttpResult>> Create(TopicRequest request, SubscriptionWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.SaveTopicAsync(user, null, request, ct);
        return result.Value is { } t ? TypedResults.Created($"/api/v1/subscription-topics/{t.Id}", Entry(t)) : result.ToProblem();
    }

    private static async Task<Results<Ok<TopicEntry>, ProblemHttpResult>> Change(Guid id, TopicRequest request, SubscriptionWork work, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await work.SaveTopicAsync(user, id, request, ct);
        return result.Value is { } t ? TypedResults.Ok(Entry(t)) : result.ToProblem();
    }
}
