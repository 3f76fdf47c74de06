using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Orient.Catalogue;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Data;
using Guichet.Platform.Localization;
using Guichet.Tests.Support;

namespace Guichet.Tests.Orient.Cpsv;

public sealed class CpsvExportTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private static string ServiceIri(string slug) => "https://localhost/id/service/" + CatalogueDemoSeeder.StableId("service:" + slug);

    private static string OrganisationIri(string slug) => "https://localhost/id/organisation/" + CatalogueDemoSeeder.StableId("org:" + slug);

    [Fact]
    public async Task The_export_of_the_demo_catalogue_conforms_to_the_CPSV_AP_3_2_shapes()
    {
        var export = await Cpsv.ExportAsync(app.Client());

        var (exitCode, report, errors) = await Cpsv.ValidateAsync(export);

        Assert.True(exitCode == 0, $"SHACL validation failed (exit {exitCode}).\n{report}\n{errors}");
        using var result = JsonDocument.Parse(report);
        Assert.Equal(0, result.RootElement.GetProperty("violations").GetInt32());
    }

    [Fact]
    public async Task The_export_is_anonymous_with_an_inline_context_and_every_text_in_each_available_language()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;

        var context = Assert.IsType<JsonObject>(document["@context"]);
        Assert.Equal("http://data.europa.eu/m8g/", context["cv"]!.GetValue<string>());
        Assert.Equal("http://purl.org/vocab/cpsv#", context["cpsv"]!.GetValue<string>());

        var eid = Cpsv.Node(document, ServiceIri("hautrival-eid"));
        Assert.Equal(["fr", "nl", "de", "en"], Cpsv.Values(eid, "dct:title").Select(v => v["@language"]!.GetValue<string>()));
        Assert.Equal("Elektronische identiteitskaart (eID)", Cpsv.Text(eid, "dct:title", "nl"));
        Assert.Contains(Cpsv.Values(eid, "dcat:keyword"), k => k["@language"]!.GetValue<string>() == "de" && k["@value"]!.GetValue<string>() == "Personalausweis");

        // A service without German and English texts exports what it has, nothing invented.
        var premium = Cpsv.Node(document, ServiceIri("hautrival-cat-sterilisation-premium"));
        Assert.Equal(["fr", "nl"], Cpsv.Values(premium, "dct:title").Select(v => v["@language"]!.GetValue<string>()));

        // No plain string where a text is expected, anywhere.
        foreach (var node in Cpsv.Graph(document).Select(n => n!.AsObject()))
            foreach (var property in new[] { "dct:title", "dct:description", "skos:prefLabel", "dcat:keyword", "eli:title" })
                foreach (var value in Cpsv.Values(node, property))
                    Assert.True(value["@language"] is not null, $"{node["@id"]} {property} has an untagged text.");
    }

    [Fact]
    public async Task Iris_are_stable_and_built_on_the_request_base()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;
        var again = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;

        Assert.Equal(document.ToJsonString(), again.ToJsonString());
        var service = Cpsv.BySlug(document, "cpsv:PublicService", "hautrival-eid");
        Assert.Equal(ServiceIri("hautrival-eid"), service["@id"]!.GetValue<string>());
        Assert.All(Cpsv.Graph(document), n => Assert.StartsWith("http", n!["@id"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unpublished_services_are_not_exported()
    {
        var organisation = app.InScope(db => db.Set<Organisation>().Single(o => o.Slug == "hautrival"));
        var id = Guid.NewGuid();
        app.Arrange(db =>
        {
            db.Add(new PublicService(id, organisation.Id, new ServiceContent
            {
                Slug = "cpsv-draft-" + id.ToString("N")[..8],
                Name = new LocalizedText { Fr = "Service en préparation" },
                Description = new LocalizedText { Fr = "Pas encore publié." },
                Audiences = [Audience.Citizens],
            }, DateTimeOffset.UtcNow));
            return db.SaveChanges();
        });

        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;

        var published = app.InScope(db => db.Set<PublicService>().Count(s => s.Status == ServiceStatus.Published));
        Assert.Equal(published, Cpsv.OfType(document, "cpsv:PublicService").Count());
        Assert.DoesNotContain(Cpsv.Graph(document), n => n!["@id"]!.GetValue<string>().Contains(id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_organisation_in_the_export_has_its_services_and_referrals_name_the_external_body()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;
        var hautrival = Cpsv.Node(document, OrganisationIri("hautrival"));
        Assert.Equal(["cv:PublicOrganisation", "org:Organization"], Cpsv.Types(hautrival));
        Assert.Equal("Commune de Hautrival", Cpsv.Text(hautrival, "skos:prefLabel", "fr"));
        var spatial = Cpsv.Refs(hautrival, "dct:spatial").Single();
        Assert.Equal(["dct:Location"], Cpsv.Types(Cpsv.Node(document, spatial)));

        var expected = app.InScope(db =>
        {
            var id = db.Set<Organisation>().Single(o => o.Slug == "hautrival").Id;
            return db.Set<PublicService>().Where(s => s.OrganisationId == id && s.Status == ServiceStatus.Published).Select(s => s.Slug).ToList();
        });
        var exported = Cpsv.OfType(document, "cpsv:PublicService")
            .Where(s => Cpsv.Refs(s, "cv:hasCompetentAuthority").Single() == OrganisationIri("hautrival"))
            .Select(s => s["guichet:slug"]!.GetValue<string>())
            .ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
        Assert.Contains("hautrival-eid", exported);

        // A referral: the service of an external body, whose competent authority is that body.
        var referral = Cpsv.BySlug(document, "cpsv:PublicService", "wpa-class1-environmental-permit");
        var authority = Cpsv.Node(document, Cpsv.Refs(referral, "cv:hasCompetentAuthority").Single());
        Assert.Equal("Agence wallonne des Permis et Autorisations", Cpsv.Text(authority, "skos:prefLabel", "fr"));
        Assert.True(authority["guichet:external"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Units_channels_and_contact_points_are_linked_to_their_organisation()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;

        var population = Cpsv.BySlug(document, "org:OrganizationalUnit", "hautrival-population");
        Assert.Equal(OrganisationIri("hautrival"), Cpsv.Refs(population, "org:unitOf").Single());
        var parent = Cpsv.Node(document, Cpsv.Refs(population, "org:subOrganizationOf").Single());
        Assert.Equal("hautrival-citizen-services", parent["guichet:slug"]!.GetValue<string>());

        var counter = Cpsv.BySlug(document, "cv:Channel", "hautrival-town-hall-counter");
        var type = Cpsv.Node(document, Cpsv.Refs(counter, "dct:type").Single());
        Assert.Equal(["skos:Concept"], Cpsv.Types(type));
        Assert.Equal("Loket", Cpsv.Text(type, "skos:prefLabel", "nl"));
        Assert.Equal([OrganisationIri("hautrival"), parent["@id"]!.GetValue<string>()], Cpsv.Refs(counter, "cv:ownedBy"));

        var contact = Cpsv.Node(document, Cpsv.Refs(counter, "cv:contactPoint").Single());
        Assert.Equal("population@hautrival.be", contact["cv:email"]!.GetValue<string>());
        Assert.Equal("+32 83 21 40 00", contact["cv:telephone"]!.GetValue<string>());
        Assert.NotEmpty(Cpsv.Refs(contact, "cv:openingHours"));

        var address = Cpsv.Node(document, Cpsv.Refs(counter, "locn:address").Single());
        Assert.Equal("5395", address["locn:postCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Opening_hours_are_weekly_temporal_entities_and_the_exact_document()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;
        var counter = Cpsv.BySlug(document, "cv:Channel", "hautrival-town-hall-counter");

        var slots = Cpsv.Refs(counter, "cv:openingHours").Select(id => Cpsv.Node(document, id)).ToList();
        Assert.All(slots, s => Assert.Equal(["time:TemporalEntity"], Cpsv.Types(s)));
        Assert.All(slots, s => Assert.Equal("http://publications.europa.eu/resource/authority/frequency/WEEKLY", Cpsv.Refs(s, "cv:frequency").Single()));
        // The Thursday late opening of the regular hours.
        Assert.Contains(slots, s => Cpsv.Text(s, "dct:description", "fr") == "jeudi de 13:30 à 19:00");
        Assert.Contains(slots, s => Cpsv.Text(s, "dct:description", "en") == "Summer hours (July and August): Thursday from 16:00 to 19:00");

        var closures = Cpsv.Refs(counter, "cv:specialOpeningHoursSpecification").Select(id => Cpsv.Node(document, id)).ToList();
        Assert.Contains(closures, c => Cpsv.Text(c, "dct:description", "en") == "Closed: Christmas Eve: municipal administration closed"
            && c["time:hasBeginning"]!["time:inXSDDateTimeStamp"]!["@value"]!.GetValue<string>() == "2026-12-24T00:00:00+01:00");

        var exact = counter["guichet:openingHours"]!;
        Assert.Equal("@json", exact["@type"]!.GetValue<string>());
        var stored = app.InScope(db => db.Set<Channel>().Single(c => c.Slug == "hautrival-town-hall-counter").OpeningHours);
        Assert.Equal(JsonSerializer.Serialize(stored, JsonColumn.Options), exact["@value"]!.ToJsonString(JsonColumn.Options));
    }

    [Fact]
    public async Task Processing_times_costs_evidence_and_legal_resources_are_mapped()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;

        var eid = Cpsv.Node(document, ServiceIri("hautrival-eid"));
        Assert.Equal("P21D", eid["cv:processingTime"]!["@value"]!.GetValue<string>());
        Assert.Equal("xsd:duration", eid["cv:processingTime"]!["@type"]!.GetValue<string>());
        Assert.Equal(3, Cpsv.Refs(eid, "cpsv:hasInput").Count());
        var law = Cpsv.Node(document, Cpsv.Refs(eid, "cv:hasLegalResource").First());
        Assert.Equal(["eli:LegalResource"], Cpsv.Types(law));
        Assert.Equal("https://www.ejustice.just.fgov.be/eli/loi/1991/07/19/1991000380/justel", Cpsv.Refs(law, "foaf:page").Single());
        var output = Cpsv.Node(document, Cpsv.Refs(eid, "cpsv:produces").Single());
        Assert.StartsWith("Une carte d'identité électronique", Cpsv.Text(output, "dct:title", "fr"), StringComparison.Ordinal);
        // "€ 25 normal; € 130 urgent": no single amount, the text says it all.
        var eidCost = Cpsv.Node(document, Cpsv.Refs(eid, "cv:hasCost").Single());
        Assert.Null(eidCost["cv:hasValue"]);
        Assert.NotNull(Cpsv.Text(eidCost, "dct:description", "fr"));

        // Working days: a calendar-day estimate (7 for 5), the exact figure, and a sentence saying so.
        var services = app.InScope(db => db.Set<PublicService>().AsEnumerable().Where(s => s.IsPublished && s.Content.ProcessingTime is { Unit: DayCount.Working }).ToList());
        var working = services.First();
        var node = Cpsv.Node(document, "https://localhost/id/service/" + working.Id);
        var days = working.Content.ProcessingTime!.Days;
        Assert.Equal($"P{(days * 7 + 4) / 5}D", node["cv:processingTime"]!["@value"]!.GetValue<string>());
        Assert.Equal(days, node["guichet:processingTimeWorkingDays"]!.GetValue<int>());
        Assert.EndsWith($"{days} working day{(days == 1 ? "" : "s")} (expressed as {(days * 7 + 4) / 5} calendar days, counting 7 calendar days for every 5 working days).",
            Cpsv.Text(node, "dct:description", "en"), StringComparison.Ordinal);

        // One amount in euro: a typed value and the currency.
        var fixedCost = Cpsv.OfType(document, "cv:Cost").First(c => Cpsv.Text(c, "dct:description", "fr") == "€ 30.");
        Assert.Equal("30.0", fixedCost["cv:hasValue"]!["@value"]!.GetValue<string>());
        Assert.Equal("xsd:double", fixedCost["cv:hasValue"]!["@type"]!.GetValue<string>());
        Assert.Equal("http://publications.europa.eu/resource/authority/currency/EUR", Cpsv.Refs(fixedCost, "cv:currency").Single());
    }

    [Fact]
    public async Task Themes_and_life_events_are_concepts_with_labels_in_four_languages()
    {
        var document = JsonNode.Parse(await Cpsv.ExportAsync(app.Client()))!;
        var eid = Cpsv.Node(document, ServiceIri("hautrival-eid"));

        var theme = Cpsv.Node(document, Cpsv.Refs(eid, "cv:thematicArea").Single());
        Assert.Equal(["skos:Concept"], Cpsv.Types(theme));
        Assert.Equal(["fr", "nl", "de", "en"], Cpsv.Values(theme, "skos:prefLabel").Select(v => v["@language"]!.GetValue<string>()));
        Assert.Equal("Identité et documents", Cpsv.Text(theme, "skos:prefLabel", "fr"));

        var lifeEvent = Cpsv.Node(document, Cpsv.Refs(eid, "cv:isGroupedBy").First());
        Assert.Equal(["cv:LifeEvent", "cv:Event"], Cpsv.Types(lifeEvent));
        Assert.Equal("becoming-of-age", lifeEvent["dct:identifier"]!.GetValue<string>());
        Assert.Equal(4, Cpsv.Values(lifeEvent, "dct:title").Count());
        Assert.Contains(ServiceIri("hautrival-eid"), Cpsv.Refs(lifeEvent, "cv:hasRelatedService"));
        Assert.Equal(["skos:Concept"], Cpsv.Types(Cpsv.Node(document, Cpsv.Refs(lifeEvent, "dct:type").Single())));
    }
}
