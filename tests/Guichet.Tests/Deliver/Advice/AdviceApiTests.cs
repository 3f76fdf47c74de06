using System.Net;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Tests.Deliver.Cases;
using Guichet.Tests.Support;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Deliver.Advice;

public sealed class AdviceApiTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    private static readonly Guid Environment = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-environment");
    private static readonly Guid UrbanPlanning = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-urban-planning");

    private async Task<(HttpClient Handler, string Id)> CaseAsync()
    {
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var c = await (await handler.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "building-permit", language = "fr", subject = "Abattage d'arbres et construction d'un hangar", complete = true,
            parties = new object[] { new { role = "applicant", kind = "person", name = "Ferme Lemaire" } },
        }))).ReadJsonAsync();
        return (handler, c.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Advice_is_due_in_the_agreed_working_days_visible_to_both_units_and_counted_kept_or_broken()
    {
        var (handler, id) = await CaseAsync();
        var asked = await handler.PostAsync($"/api/v1/cases/{id}/advice", JsonBody(new { toUnitId = Environment, question = "Les arbres sont-ils protégés ?" }));
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var advice = await asked.ReadJsonAsync();
        Assert.Equal("2026-10-12", advice.GetProperty("dueOn").GetString()); // 5 working days after Monday 5 October

        var environment = await app.OtherUnitHandlerAsync(); // a handler of the environment service
        var incoming = await (await environment.GetAsync("/api/v1/advice?direction=incoming")).ReadJsonAsync();
        Assert.Contains(incoming.EnumerateArray(), a => a.GetProperty("id").GetString() == advice.GetProperty("id").GetString());
        // The asked unit does not see the case itself.
        Assert.Equal(HttpStatusCode.NotFound, (await environment.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        // The asking unit cannot answer in the other's place.
        Assert.Equal(HttpStatusCode.NotFound, (await handler.PostAsync($"/api/v1/advice/{advice.GetProperty("id").GetString()}/answer", JsonBody(new { answer = "Oui" }))).StatusCode);

        // A week and a half later, still open: overdue for both units, a broken agreement.
        app.Clock.Advance(TimeSpan.FromDays(10));
        var late = await (await handler.GetAsync("/api/v1/advice?overdue=true")).ReadJsonAsync();
        Assert.Contains(late.EnumerateArray(), a => a.GetProperty("id").GetString() == advice.GetProperty("id").GetString());
        Assert.Contains((await (await environment.GetAsync("/api/v1/advice?overdue=true")).ReadJsonAsync()).EnumerateArray(), a => a.GetProperty("id").GetString() == advice.GetProperty("id").GetString());

        var answered = await environment.PostAsync($"/api/v1/advice/{advice.GetProperty("id").GetString()}/answer", JsonBody(new { answer = "Deux chênes remarquables : avis défavorable à leur abattage." }));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.False((await answered.ReadJsonAsync()).GetProperty("kept").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await environment.PostAsync($"/api/v1/advice/{advice.GetProperty("id").GetString()}/answer", JsonBody(new { answer = "Encore" }))).StatusCode);

        var pair = (await (await handler.GetAsync("/api/v1/advice/agreements")).ReadJsonAsync()).EnumerateArray()
            .Single(a => a.GetProperty("fromUnitId").GetGuid() == UrbanPlanning && a.GetProperty("toUnitId").GetGuid() == Environment);
        Assert.True(pair.GetProperty("broken").GetInt32() >= 1);
    }

    [Fact]
    public async Task Bad_advice_requests_are_refused_and_store_nothing()
    {
        var (handler, id) = await CaseAsync();
        var count = app.InScope(db => db.Set<Guichet.Deliver.Advice.AdviceRequest>().Count());
        Assert.Equal(HttpStatusCode.BadRequest, (await handler.PostAsync($"/api/v1/cases/{id}/advice", JsonBody(new { toUnitId = UrbanPlanning, question = "Moi-même ?" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await handler.PostAsync($"/api/v1/cases/{id}/advice", JsonBody(new { toUnitId = Guid.NewGuid(), question = "Qui ?" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await handler.PostAsync($"/api/v1/cases/{id}/advice", JsonBody(new { toUnitId = Environment }))).StatusCode);
        var other = await app.OtherUnitHandlerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/cases/{id}/advice", JsonBody(new { toUnitId = Environment, question = "?" }))).StatusCode);
        Assert.Equal(count, app.InScope(db => db.Set<Guichet.Deliver.Advice.AdviceRequest>().Count()));
    }
}
