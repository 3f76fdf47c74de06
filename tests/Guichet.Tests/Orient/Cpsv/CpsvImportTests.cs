using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Orient.Catalogue;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Orient.Cpsv;

public sealed class CpsvImportTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private static string ServiceIri(string slug) => "https://localhost/id/service/" + CatalogueDemoSeeder.StableId("service:" + slug);

    private static string ChannelIri(string slug) => "https://localhost/id/channel/" + CatalogueDemoSeeder.StableId("channel:" + slug);

    /// What the catalogue holds, to show that a refused import stored nothing.
    private string Snapshot() => app.InScope(db => string.Join("\n",
        db.Set<Organisation>().AsNoTracking().OrderBy(o => o.Id).AsEnumerable().Select(o => $"{o.Id} {o.Slug} {JsonSerializer.Serialize(o.Name, JsonColumn.Options)} {o.UpdatedAt.UtcTicks}")
            .Concat(db.Set<Unit>().AsNoTracking().OrderBy(u => u.Id).AsEnumerable().Select(u => $"{u.Id} {u.Slug} {u.UpdatedAt.UtcTicks}"))
            .Concat(db.Set<Channel>().AsNoTracking().OrderBy(c => c.Id).AsEnumerable().Select(c => $"{c.Id} {c.Slug} {JsonSerializer.Serialize(c.OpeningHours, JsonColumn.Options)} {c.UpdatedAt.UtcTicks}"))
            .Concat(db.Set<PublicService>().AsNoTracking().OrderBy(s => s.Id).AsEnumerable().Select(s => $"{s.Id} {s.Status} {JsonSerializer.Serialize(s.Content, JsonColumn.Options)} {s.UpdatedAt.UtcTicks}"))
            .Append("imports: " + db.Set<EventLogEntry>().Count(e => e.Activity == "orient.catalogue.imported"))));

    private async Task<(HttpResponseMessage Response, string Code, List<(string Name, string Code)> Params)> RefusedAsync(string body, string mediaType = "application/ld+json")
    {
        var before = Snapshot();
        var client = await app.ClientAsAsync(DemoAccounts.Admin);
        var response = await Cpsv.ImportAsync(client, body, mediaType);
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? await response.ProblemAsync() : null;
        Assert.Equal(before, Snapshot());
        return (response, problem?.Code ?? "", problem is null ? [] : [.. problem.InvalidParams]);
    }

    [Fact]
    public async Task Importing_the_export_into_the_same_catalogue_changes_nothing()
    {
        var export = await Cpsv.ExportAsync(app.Client());
        var client = await app.ClientAsAsync(DemoAccounts.Admin);

        var response = await Cpsv.ImportAsync(client, export);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var services = summary.RootElement.GetProperty("services");
        Assert.Equal(0, services.GetProperty("created").GetInt32());
        Assert.Equal(0, services.GetProperty("updated").GetInt32());
        Assert.Equal(app.InScope(db => db.Set<PublicService>().Count(s => s.Status == ServiceStatus.Published)), services.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, summary.RootElement.GetProperty("channels").GetProperty("updated").GetInt32());
        Assert.Equal(Cpsv.Canonical(JsonNode.Parse(export)), Cpsv.Canonical(JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))));
    }

    [Fact]
    public async Task An_import_creates_and_updates_by_iri_publishes_and_records_one_event()
    {
        var export = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;
        var organisation = Cpsv.BySlug(export, "cv:PublicOrganisation", "hautrival");
        var id = Guid.NewGuid();
        var slug = "cpsv-imported-" + id.ToString("N")[..8];
        var iri = "https://elsewhere.example/id/service/" + id;
        var document = new JsonObject
        {
            ["@context"] = export["@context"]!.DeepClone(),
            ["@graph"] = new JsonArray(
                organisation.DeepClone(),
                new JsonObject
                {
                    ["@id"] = iri,
                    ["@type"] = "cpsv:PublicService",
                    ["dct:identifier"] = id.ToString(),
                    ["guichet:slug"] = slug,
                    ["dct:title"] = new JsonArray(new JsonObject { ["@value"] = "Prêt de matériel", ["@language"] = "fr" }, new JsonObject { ["@value"] = "Uitlenen van materiaal", ["@language"] = "nl" }),
                    ["dct:description"] = new JsonArray(new JsonObject { ["@value"] = "Tables et chaises pour les associations.", ["@language"] = "fr" }),
                    ["dct:audience"] = new JsonObject { ["@id"] = "https://localhost/id/concept/audience/citizens" },
                    ["cv:thematicArea"] = new JsonObject { ["@id"] = "https://localhost/id/concept/theme/culture-leisure" },
                    ["cv:hasCompetentAuthority"] = new JsonObject { ["@id"] = organisation["@id"]!.GetValue<string>() },
                    // A channel that is not in the document but in the catalogue resolves too.
                    ["cv:hasChannel"] = new JsonObject { ["@id"] = ChannelIri("hautrival-town-hall-counter") },
                    ["cv:processingTime"] = new JsonObject { ["@value"] = "P10D", ["@type"] = "xsd:duration" },
                }),
        };
        var client = await app.ClientAsAsync(DemoAccounts.Admin);

        var response = await Cpsv.ImportAsync(client, document.ToJsonString(), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal(1, summary.RootElement.GetProperty("services").GetProperty("created").GetInt32());
            Assert.Equal(1, summary.RootElement.GetProperty("organisations").GetProperty("unchanged").GetInt32());
        }
        var stored = app.InScope(db => db.Set<PublicService>().AsNoTracking().Single(s => s.Id == id));
        Assert.True(stored.IsPublished);
        Assert.Equal(slug, stored.Slug);
        Assert.Equal("Uitlenen van materiaal", stored.Content.Name.Nl);
        Assert.Equal(new ProcessingTime(10, DayCount.Calendar), stored.Content.ProcessingTime);
        Assert.Equal([CatalogueDemoSeeder.StableId("channel:hautrival-town-hall-counter")], stored.Content.ChannelIds);
        var entry = app.InScope(db => db.Set<EventLogEntry>().Include(e => e.Objects).Where(e => e.Activity == "orient.catalogue.imported").OrderByDescending(e => e.Id).First());
        Assert.Contains(entry.Objects, o => o.ObjectType == "service" && o.ObjectId == id.ToString() && o.Qualifier == "created");
        using (var attributes = JsonDocument.Parse(entry.Attributes))
            Assert.Equal(1, attributes.RootElement.GetProperty("services").GetProperty("created").GetInt32());

        // The same IRI again, with a new title: an update of the same record.
        document["@graph"]![1]!["dct:title"]![0]!["@value"] = "Prêt de matériel communal";
        response = await Cpsv.ImportAsync(client, document.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
            Assert.Equal(1, summary.RootElement.GetProperty("services").GetProperty("updated").GetInt32());
        Assert.Equal("Prêt de matériel communal", app.InScope(db => db.Set<PublicService>().AsNoTracking().Single(s => s.Id == id)).Content.Name.Fr);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        var (response, code, invalid) = await RefusedAsync("this is { not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cpsv-import-invalid", code);
        Assert.Equal(("$", "malformed-json"), Assert.Single(invalid));
    }

    [Fact]
    public async Task Json_without_a_graph_is_refused()
    {
        var (response, code, invalid) = await RefusedAsync("""{ "services": [ { "name": "Permis" } ] }""", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cpsv-import-invalid", code);
        Assert.Equal(("@graph", "not-json-ld"), Assert.Single(invalid));
    }

    [Fact]
    public async Task A_graph_without_any_cpsv_type_is_refused()
    {
        var (response, code, invalid) = await RefusedAsync("""
            { "@context": { "schema": "https://schema.org/" },
              "@graph": [ { "@id": "https://example.org/thing/1", "@type": "schema:GovernmentService", "schema:name": "Permis" } ] }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cpsv-import-invalid", code);
        Assert.Equal(("@graph", "cpsv-nothing-to-import"), Assert.Single(invalid));
    }

    [Fact]
    public async Task A_remote_context_is_refused_rather_than_half_read()
    {
        var (response, code, invalid) = await RefusedAsync("""
            { "@context": "https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld",
              "@graph": [ { "@id": "https://example.org/service/1", "@type": "PublicService" } ] }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cpsv-import-invalid", code);
        Assert.Equal(("@context", "unsupported-context"), Assert.Single(invalid));
    }

    [Fact]
    public async Task A_service_without_a_title_in_its_primary_language_is_refused_and_nothing_else_is_stored()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;
        var eid = Cpsv.Node(document, ServiceIri("hautrival-eid"));
        var titles = eid["dct:title"]!.AsArray();
        titles.Remove(titles.Single(t => t!["@language"]!.GetValue<string>() == "fr"));
        // A valid change elsewhere in the same document must not be stored either.
        Cpsv.Node(document, ServiceIri("hautrival-passport"))["dct:title"]![0]!["@value"] = "Passeport (modifié)";

        var (response, code, invalid) = await RefusedAsync(document.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cpsv-import-invalid", code);
        Assert.Equal(($"@graph[{Cpsv.IndexOf(document, ServiceIri("hautrival-eid"))}].dct:title.fr", "text-missing-primary-language"), Assert.Single(invalid));
    }

    [Fact]
    public async Task A_dangling_reference_is_refused()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;
        var eid = Cpsv.Node(document, ServiceIri("hautrival-eid"));
        eid["cv:hasChannel"]!.AsArray().Add(new JsonObject { ["@id"] = "https://localhost/id/channel/" + Guid.NewGuid() });
        eid["cv:hasCompetentAuthority"] = new JsonObject { ["@id"] = "https://localhost/id/organisation/" + Guid.NewGuid() };

        var (response, code, invalid) = await RefusedAsync(document.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cpsv-import-invalid", code);
        var at = $"@graph[{Cpsv.IndexOf(document, ServiceIri("hautrival-eid"))}]";
        Assert.Contains(($"{at}.cv:hasChannel", "unknown-reference"), invalid);
        Assert.Contains(($"{at}.cv:hasCompetentAuthority", "unknown-reference"), invalid);
        Assert.Equal(2, invalid.Count);
    }

    [Fact]
    public async Task An_invalid_opening_hours_entry_is_refused()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;
        var counter = Cpsv.Node(document, ChannelIri("hautrival-town-hall-counter"));
        counter["guichet:openingHours"]!["@value"]!["periods"]![0]!["hours"]![1]!["opens"] = "25:00";

        var (response, code, invalid) = await RefusedAsync(document.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cpsv-import-invalid", code);
        var at = Cpsv.IndexOf(document, ChannelIri("hautrival-town-hall-counter"));
        Assert.Equal(($"@graph[{at}].guichet:openingHours.periods[0].hours[1].opens", "opening-hours-invalid-time"), Assert.Single(invalid));
    }

    [Fact]
    public async Task Opening_hours_of_the_wrong_shape_are_refused()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;
        var counter = Cpsv.Node(document, ChannelIri("hautrival-town-hall-counter"));
        counter["guichet:openingHours"]!["@value"]!["periods"] = "every day";

        var (response, code, invalid) = await RefusedAsync(document.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cpsv-import-invalid", code);
        Assert.Equal(($"@graph[{Cpsv.IndexOf(document, ChannelIri("hautrival-town-hall-counter"))}].guichet:openingHours", "invalid-opening-hours"), Assert.Single(invalid));
    }

    [Fact]
    public async Task A_slug_taken_by_another_record_is_refused()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;
        var eid = Cpsv.Node(document, ServiceIri("hautrival-eid"));
        eid["guichet:slug"] = "hautrival-passport";

        var (response, code, invalid) = await RefusedAsync(document.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cpsv-import-invalid", code);
        Assert.Contains(($"@graph[{Cpsv.IndexOf(document, ServiceIri("hautrival-eid"))}].guichet:slug", "slug-taken"), invalid);
    }

    [Fact]
    public async Task An_untagged_text_is_refused()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;
        Cpsv.Node(document, ServiceIri("hautrival-eid"))["dct:description"] = "Carte d'identité";

        var (response, code, invalid) = await RefusedAsync(document.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cpsv-import-invalid", code);
        Assert.Contains(($"@graph[{Cpsv.IndexOf(document, ServiceIri("hautrival-eid"))}].dct:description", "text-without-language"), invalid);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var (response, code, _) = await RefusedAsync(new string(' ', 20 * 1024 * 1024 + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload-too-large", code);
    }

    [Fact]
    public async Task Another_media_type_is_refused_with_415()
    {
        var (response, code, _) = await RefusedAsync("{}", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported-media-type", code);
    }

    [Fact]
    public async Task Only_an_admin_may_import()
    {
        var export = await Cpsv.ExportAsync(app.Client());

        Assert.Equal(HttpStatusCode.Unauthorized, (await Cpsv.ImportAsync(app.Client(), export)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Cpsv.ImportAsync(await app.ClientAsAsync(DemoAccounts.Editor), export)).StatusCode);
    }
}
