using System.Net;
using System.Text.Json.Nodes;
using Guichet.Deliver.CaseTypes;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Tests.Deliver.Cases;
using Guichet.Tests.Support;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Deliver.CaseTypes;

public sealed class CaseTypesApiTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    /// The demo parking card type as JSON, to send back changed.
    private async Task<JsonObject> ContentAsync(HttpClient client, string code) =>
        JsonNode.Parse((await (await client.GetAsync($"/api/v1/case-types/{code}")).ReadJsonAsync()).GetProperty("content").GetRawText())!.AsObject();

    [Fact]
    public async Task A_change_makes_a_new_version_and_running_cases_keep_theirs()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var running = await (await admin.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "municipal-tax-objection", language = "fr", subject = "Taxe sur les secondes résidences 2026",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Paul Janssens" } },
        }))).ReadJsonAsync();
        Assert.Equal(1, running.GetProperty("caseTypeVersion").GetInt32());
        var before = running.GetProperty("clock").GetProperty("dueOn").GetString();

        var content = await ContentAsync(admin, "municipal-tax-objection");
        content["clock"]!["days"] = 90;
        content["internalNormDays"] = 60;
        var changed = await admin.PutAsync("/api/v1/case-types/municipal-tax-objection", JsonBody(new { serviceId = CatalogueDemoSeeder.StableId("service:hautrival-municipal-tax-objection"), content }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, (await changed.ReadJsonAsync()).GetProperty("version").GetInt32());

        var kept = await (await admin.GetAsync($"/api/v1/cases/{running.GetProperty("id").GetString()}")).ReadJsonAsync();
        Assert.Equal(1, kept.GetProperty("caseTypeVersion").GetInt32());
        Assert.Equal(before, kept.GetProperty("clock").GetProperty("dueOn").GetString());
        var fresh = await (await admin.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "municipal-tax-objection", language = "fr", subject = "Taxe sur les enseignes",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Paul Janssens" } },
        }))).ReadJsonAsync();
        Assert.Equal(2, fresh.GetProperty("caseTypeVersion").GetInt32());
        Assert.Equal("2027-01-04", fresh.GetProperty("clock").GetProperty("dueOn").GetString()); // 5 Oct + 90 days = Sun 3 Jan -> Mon 4 Jan
        var versions = await (await admin.GetAsync("/api/v1/case-types/municipal-tax-objection/versions")).ReadJsonAsync();
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Invalid_case_types_are_refused_by_field_and_store_nothing()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var content = await ContentAsync(admin, "residents-parking-card");
        content["statuses"]![0]!["next"] = new JsonArray("nowhere");
        content["appeal"]!["body"]!["de"] = null;
        content["internalNormDays"] = 99;
        var count = app.InScope(db => db.Set<CaseType>().Count());
        var response = await admin.PostAsync("/api/v1/case-types", JsonBody(new { code = "Bad Code", serviceId = CatalogueDemoSeeder.StableId("service:hautrival-passport"), content }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var names = (await response.ReadJsonAsync()).GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("code", names);
        Assert.Contains("statuses[0].next[0]", names);
        Assert.Contains("appeal.body.de", names);
        Assert.Contains("internalNormDays", names);
        Assert.Equal(count, app.InScope(db => db.Set<CaseType>().Count()));

        var unknownService = await admin.PostAsync("/api/v1/case-types", JsonBody(new { code = "passport", serviceId = Guid.NewGuid(), content = await ContentAsync(admin, "residents-parking-card") }));
        Assert.Equal(HttpStatusCode.BadRequest, unknownService.StatusCode);
        var nulls = await admin.PostAsync("/api/v1/case-types", JsonBody("{\"code\":\"x\",\"serviceId\":\"" + CatalogueDemoSeeder.StableId("service:hautrival-passport") + "\",\"content\":{\"name\":{\"fr\":\"X\"},\"clock\":{\"days\":10,\"unit\":\"working\",\"startsAt\":\"receipt\"},\"statuses\":null,\"unitIds\":[],\"appeal\":null}}"));
        Assert.Equal(HttpStatusCode.BadRequest, nulls.StatusCode);
        Assert.Equal(count, app.InScope(db => db.Set<CaseType>().Count()));
    }

    [Fact]
    public async Task Admins_create_case_types_and_handlers_only_read_them()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var content = await ContentAsync(admin, "residents-parking-card");
        content["unitIds"] = new JsonArray(CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-population").ToString());
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var body = new { code = "passport-request", serviceId = CatalogueDemoSeeder.StableId("service:hautrival-passport"), content };
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsync("/api/v1/case-types", JsonBody(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/case-types", JsonBody(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/v1/case-types", JsonBody(body))).StatusCode);
        Assert.Contains((await (await handler.GetAsync("/api/v1/case-types")).ReadJsonAsync()).EnumerateArray(), t => t.GetProperty("code").GetString() == "passport-request");
    }
}
