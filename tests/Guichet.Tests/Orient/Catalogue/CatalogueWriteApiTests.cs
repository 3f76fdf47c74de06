using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Orient.Catalogue;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Orient.Catalogue;

public sealed class CatalogueWriteApiTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private static object Service(string slug, Guid? unit = null, Guid[]? channels = null) => new
    {
        slug,
        unitId = unit,
        name = new { fr = "Prime à l'isolation", nl = "Isolatiepremie" },
        description = new { fr = "Une prime pour isoler votre toit." },
        keywords = new { fr = new[] { "isolation", "toiture" }, nl = new[] { "isolatie" } },
        audiences = new[] { "citizens" },
        themes = new[] { "environment" },
        lifeEvents = Array.Empty<string>(),
        businessEvents = Array.Empty<string>(),
        evidence = new[] { new { fr = "Une facture" } },
        legalResources = new[] { new { title = new { fr = "Règlement communal" }, url = "https://www.hautrival.be/reglement" } },
        processingTime = new { days = 30, unit = "working" },
        channelIds = channels ?? [Demo.TownHallCounter],
    };

    private static object Counter(string slug, object? openingHours = null) => new
    {
        slug,
        kind = "counter",
        unitId = Demo.HautrivalPopulation,
        name = new { fr = "Antenne de village", en = "Village office" },
        address = new { street = "Rue de l'Église 3", postcode = "5395", city = new { fr = "Hautrival" } },
        phone = "+32 83 21 40 99",
        openingHours,
    };

    private static object Hours(params (string Day, string Opens, string Closes)[] slots) => new
    {
        closedOnPublicHolidays = true,
        periods = new[] { new { name = (object?)null, from = (string?)null, to = (string?)null, hours = slots.Select(s => new { day = s.Day, opens = s.Opens, closes = s.Closes }).ToArray() } },
        closures = Array.Empty<object>(),
        specialOpenings = Array.Empty<object>(),
    };

    private async Task<HttpClient> Editor() => await app.ClientAsAsync(DemoAccounts.Editor);

    private async Task<HttpClient> Admin() => await app.ClientAsAsync(DemoAccounts.Admin);

    /// Sends a request that must be refused, and checks the refusal left no trace.
    private async Task<(HttpStatusCode Status, string Code, List<string> Invalid, List<string> InvalidCodes)> RefusedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var before = Demo.Fingerprint(app);
        var response = await send();
        var problem = await response.ProblemAsync();
        Assert.Equal(before, Demo.Fingerprint(app));
        return (response.StatusCode, problem.Code, problem.InvalidNames, problem.InvalidCodes);
    }

    // ---- services: happy paths ------------------------------------------------------------

    [Fact]
    public async Task A_service_is_created_as_a_draft_published_and_unpublished_each_step_in_the_event_log()
    {
        var client = await Editor();
        var created = await client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(Service("insulation-premium", Demo.HautrivalPopulation)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.ReadJsonAsync();
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/editor/services/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal("Isolatiepremie", draft.GetProperty("name").GetProperty("nl").GetString());

        var drafts = await (await client.GetAsync($"/api/v1/editor/services?organisation={Demo.Hautrival}&status=draft")).ReadJsonAsync();
        Assert.Contains(drafts.EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);

        var published = await client.PostAsync($"/api/v1/services/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("published", (await published.ReadJsonAsync()).GetProperty("status").GetString());
        var read = await (await client.GetAsync(created.Headers.Location)).ReadJsonAsync();
        Assert.Equal("published", read.GetProperty("status").GetString());
        Assert.True(read.TryGetProperty("publishedAt", out _));
        var publishedList = await (await client.GetAsync("/api/v1/editor/services?status=published")).ReadJsonAsync();
        Assert.Contains(publishedList.EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);

        var unpublished = await client.PostAsync($"/api/v1/services/{id}/unpublish", null);
        Assert.Equal("draft", (await unpublished.ReadJsonAsync()).GetProperty("status").GetString());

        Assert.Equal(["orient.service.created", "orient.service.published", "orient.service.unpublished"], Demo.ActivitiesAbout(app, "service", id));
        var actor = app.InScope(db => db.Set<EventLogEntry>().AsNoTracking().Where(e => e.Activity == "orient.service.published").OrderBy(e => e.Id).Last().Actor);
        Assert.StartsWith("staff:", actor);
    }

    [Fact]
    public async Task Publishing_twice_changes_nothing_the_second_time()
    {
        var client = await Editor();
        var id = (await (await client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(Service("publish-twice")))).ReadJsonAsync()).GetProperty("id").GetGuid();
        await client.PostAsync($"/api/v1/services/{id}/publish", null);
        var before = Demo.Fingerprint(app);
        var again = await client.PostAsync($"/api/v1/services/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(before, Demo.Fingerprint(app));
    }

    [Fact]
    public async Task Editing_a_service_replaces_its_content_and_is_logged()
    {
        var client = await Editor();
        var id = (await (await client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(Service("edit-me")))).ReadJsonAsync()).GetProperty("id").GetGuid();
        var edited = await client.PutAsync($"/api/v1/services/{id}", JsonBody(Service("edit-me-renamed", Demo.HautrivalPopulation, [Demo.TownHallCounter, Demo.HautrivalPhone])));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var json = await edited.ReadJsonAsync();
        Assert.Equal("edit-me-renamed", json.GetProperty("slug").GetString());
        Assert.Equal(2, json.GetProperty("channelIds").GetArrayLength());
        Assert.Equal(30, json.GetProperty("processingTime").GetProperty("days").GetInt32());
        Assert.Equal(["orient.service.created", "orient.service.edited"], Demo.ActivitiesAbout(app, "service", id));
    }

    [Fact]
    public async Task What_the_editor_read_returns_can_be_sent_back_unchanged()
    {
        var client = await Editor();
        var read = await (await client.GetAsync($"/api/v1/editor/services/{Demo.Eid}")).ReadJsonAsync();
        var response = await client.PutAsync($"/api/v1/services/{Demo.Eid}", JsonBody(read.GetRawText()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await response.ReadJsonAsync();
        Assert.Equal(read.GetProperty("keywords").GetRawText(), after.GetProperty("keywords").GetRawText());
        Assert.Equal(read.GetProperty("legalResources").GetRawText(), after.GetProperty("legalResources").GetRawText());
    }

    // ---- services: bad input --------------------------------------------------------------

    [Fact]
    public async Task Malformed_json_is_refused_and_nothing_is_stored()
    {
        var client = await Editor();
        var refused = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody("{\"slug\": \"broken\", \"name\": ")));
        Assert.Equal((HttpStatusCode.BadRequest, "malformed-json"), (refused.Status, refused.Code));
    }

    [Theory]
    [InlineData("""{"slug": "wrong-type", "name": {"fr": "N"}, "description": {"fr": "D"}, "audiences": 5}""")]
    [InlineData("""{"slug": 12, "name": {"fr": "N"}, "description": {"fr": "D"}, "audiences": ["citizens"]}""")]
    [InlineData("""{"slug": "wrong-type", "name": "Nom", "description": {"fr": "D"}, "audiences": ["citizens"]}""")]
    [InlineData("""{"slug": "wrong-type", "name": {"fr": "N"}, "description": {"fr": "D"}, "audiences": ["aliens"]}""")]
    [InlineData("""{"slug": "wrong-type", "name": {"fr": "N"}, "description": {"fr": "D"}, "audiences": ["citizens"], "channelIds": ["not-a-guid"]}""")]
    public async Task A_value_of_the_wrong_type_is_refused_and_nothing_is_stored(string body)
    {
        var client = await Editor();
        var refused = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(body)));
        Assert.Equal((HttpStatusCode.BadRequest, "malformed-json"), (refused.Status, refused.Code));
    }

    [Fact]
    public async Task Missing_required_fields_are_each_named_and_nothing_is_stored()
    {
        var client = await Editor();
        var refused = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody("{}")));
        Assert.Equal((HttpStatusCode.BadRequest, "validation-failed"), (refused.Status, refused.Code));
        Assert.Contains("slug", refused.Invalid);
        Assert.Contains("name.fr", refused.Invalid);
        Assert.Contains("description.fr", refused.Invalid);
        Assert.Contains("audiences", refused.Invalid);
    }

    [Theory]
    [InlineData("""{"slug": "lang-x", "name": {"fr": "N", "xx": "?"}, "description": {"fr": "D"}, "audiences": ["citizens"]}""")]
    [InlineData("""{"slug": "lang-x", "name": {"fr": "N"}, "description": {"fr": "D"}, "keywords": {"xx": ["a"]}, "audiences": ["citizens"]}""")]
    [InlineData("""{"slug": "lang-x", "name": {"fr": "N"}, "description": {"fr": "D"}, "evidence": [{"fr": "a", "es": "b"}], "audiences": ["citizens"]}""")]
    public async Task An_unknown_language_key_is_refused_and_nothing_is_stored(string body)
    {
        var client = await Editor();
        var refused = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(body)));
        Assert.Equal((HttpStatusCode.BadRequest, "unknown-language"), (refused.Status, refused.Code));
    }

    [Fact]
    public async Task A_text_missing_in_the_organisations_primary_language_is_refused()
    {
        // The federal public service writes Dutch first: a French-only name is not enough.
        var client = await Editor();
        var body = new { slug = "fr-only", name = new { fr = "Attestation" }, description = new { nl = "Beschrijving", fr = "Description" }, audiences = new[] { "citizens" } };
        var refused = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.FpsTaxation}/services", JsonBody(body)));
        Assert.Equal((HttpStatusCode.BadRequest, "validation-failed"), (refused.Status, refused.Code));
        Assert.Equal(["name.nl"], refused.Invalid);
        Assert.Equal(["text-missing-primary-language"], refused.InvalidCodes);
    }

    [Fact]
    public async Task An_oversized_text_is_refused()
    {
        var client = await Editor();
        var body = new { slug = "too-long", name = new { fr = "Nom" }, description = new { fr = "D", en = new string('a', CatalogueRules.MaxText + 1) }, audiences = new[] { "citizens" } };
        var refused = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(body)));
        Assert.Equal(["description.en"], refused.Invalid);
        Assert.Equal(["text-too-long"], refused.InvalidCodes);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Voir <a href=\"https://example.org\">ici</a>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public async Task Markup_in_a_description_is_refused(string description)
    {
        var client = await Editor();
        var body = new { slug = "markup", name = new { fr = "Nom" }, description = new { fr = description }, audiences = new[] { "citizens" } };
        var refused = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(body)));
        Assert.Equal((HttpStatusCode.BadRequest, "validation-failed"), (refused.Status, refused.Code));
        Assert.Equal(["description.fr"], refused.Invalid);
        Assert.Equal(["markup-not-allowed"], refused.InvalidCodes);
    }

    [Fact]
    public async Task A_duplicate_slug_is_a_conflict_on_create_and_on_edit()
    {
        var client = await Editor();
        var onCreate = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(Service("hautrival-eid"))));
        Assert.Equal((HttpStatusCode.Conflict, "slug-taken"), (onCreate.Status, onCreate.Code));

        var onEdit = await RefusedAsync(() => client.PutAsync($"/api/v1/services/{Demo.Eid}", JsonBody(Service("fps-tax-certificate"))));
        Assert.Equal((HttpStatusCode.Conflict, "slug-taken"), (onEdit.Status, onEdit.Code));
        Assert.Equal(["slug"], onEdit.Invalid);
    }

    [Fact]
    public async Task Unknown_ids_in_the_address_are_not_found()
    {
        var client = await Editor();
        var missing = Guid.NewGuid();
        foreach (var send in new Func<Task<HttpResponseMessage>>[]
        {
            () => client.PostAsync($"/api/v1/organisations/{missing}/services", JsonBody(Service("no-org"))),
            () => client.PutAsync($"/api/v1/services/{missing}", JsonBody(Service("no-service"))),
            () => client.PostAsync($"/api/v1/services/{missing}/publish", null),
            () => client.PostAsync($"/api/v1/services/{missing}/unpublish", null),
            () => client.PostAsync($"/api/v1/organisations/{missing}/units", JsonBody(new { slug = "u", name = new { fr = "U" } })),
            () => client.PutAsync($"/api/v1/units/{missing}", JsonBody(new { slug = "u", name = new { fr = "U" } })),
            () => client.PostAsync($"/api/v1/organisations/{missing}/channels", JsonBody(Counter("no-org-counter"))),
            () => client.PutAsync($"/api/v1/channels/{missing}", JsonBody(Counter("no-channel"))),
            () => client.PutAsync($"/api/v1/channels/{missing}/opening-hours", JsonBody(Hours(("monday", "09:00", "12:00")))),
        })
        {
            var refused = await RefusedAsync(send);
            Assert.Equal((HttpStatusCode.NotFound, "not-found"), (refused.Status, refused.Code));
        }
        var admin = await Admin();
        var org = await RefusedAsync(() => admin.PutAsync($"/api/v1/organisations/{missing}", JsonBody(new { slug = "x", kind = "other", primaryLanguage = "fr", name = new { fr = "X" } })));
        Assert.Equal(HttpStatusCode.NotFound, org.Status);
    }

    [Fact]
    public async Task References_to_units_and_channels_outside_the_organisation_are_invalid()
    {
        var client = await Editor();
        var unknownUnit = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(Service("bad-unit", Guid.NewGuid()))));
        Assert.Equal((HttpStatusCode.BadRequest, "validation-failed"), (unknownUnit.Status, unknownUnit.Code));
        Assert.Equal(["unitId"], unknownUnit.Invalid);
        Assert.Equal(["unknown-unit"], unknownUnit.InvalidCodes);

        var otherOrganisationsUnit = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(Service("bad-unit", Demo.FpsTaxationAdmin))));
        Assert.Equal(["unknown-unit"], otherOrganisationsUnit.InvalidCodes);

        var channels = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services",
            JsonBody(Service("bad-channel", null, [Demo.TownHallCounter, Guid.NewGuid(), Demo.FpsContactCentre]))));
        Assert.Equal(["channelIds[1]", "channelIds[2]"], channels.Invalid);
        Assert.Equal(["unknown-channel", "unknown-channel"], channels.InvalidCodes);
    }

    [Fact]
    public async Task Codes_outside_the_code_lists_are_invalid()
    {
        var client = await Editor();
        var body = new { slug = "bad-codes", name = new { fr = "N" }, description = new { fr = "D" }, audiences = new[] { "citizens" }, themes = new[] { "environment", "astrology" }, lifeEvents = new string?[] { null } };
        var refused = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(body)));
        Assert.Equal(["themes[1]", "lifeEvents[0]"], refused.Invalid);
        Assert.Equal(["unknown-code", "unknown-code"], refused.InvalidCodes);
    }

    [Fact]
    public async Task Null_items_in_lists_are_reported_at_their_index()
    {
        var client = await Editor();
        var body = """{"slug": "nulls", "name": {"fr": "N"}, "description": {"fr": "D"}, "audiences": ["citizens"], "evidence": [{"fr": "Un document"}, null], "legalResources": [null], "keywords": {"fr": ["ok", null]}}""";
        var refused = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(body)));
        Assert.Equal(["keywords.fr[1]", "evidence[1].fr", "legalResources[0].title.fr", "legalResources[0].url"], refused.Invalid);
    }

    // ---- who may write ---------------------------------------------------------------------

    public static TheoryData<string, string> Writes() => new()
    {
        { "POST", "/api/v1/organisations" },
        { "PUT", $"/api/v1/organisations/{Demo.Hautrival}" },
        { "POST", $"/api/v1/organisations/{Demo.Hautrival}/units" },
        { "PUT", $"/api/v1/units/{Demo.HautrivalPopulation}" },
        { "POST", $"/api/v1/organisations/{Demo.Hautrival}/channels" },
        { "PUT", $"/api/v1/channels/{Demo.TownHallCounter}" },
        { "PUT", $"/api/v1/channels/{Demo.TownHallCounter}/opening-hours" },
        { "POST", $"/api/v1/organisations/{Demo.Hautrival}/services" },
        { "PUT", $"/api/v1/services/{Demo.Eid}" },
        { "POST", $"/api/v1/services/{Demo.Eid}/publish" },
        { "POST", $"/api/v1/services/{Demo.Eid}/unpublish" },
        { "GET", "/api/v1/editor/services" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task An_anonymous_write_is_unauthenticated(string method, string url)
    {
        var refused = await RefusedAsync(() => app.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonBody("{}") }));
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthenticated"), (refused.Status, refused.Code));
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_front_office_token_may_not_write(string method, string url)
    {
        var client = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var refused = await RefusedAsync(() => client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonBody("{}") }));
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (refused.Status, refused.Code));
    }

    [Fact]
    public async Task Only_admins_create_or_edit_organisations()
    {
        var editor = await Editor();
        var body = new { slug = "new-body", kind = "regional", primaryLanguage = "de", external = true, name = new { de = "Neue Behörde" } };
        var refused = await RefusedAsync(() => editor.PostAsync("/api/v1/organisations", JsonBody(body)));
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (refused.Status, refused.Code));

        var created = await (await Admin()).PostAsync("/api/v1/organisations", JsonBody(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/organisations/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("de", (await (await app.Client().GetAsync(created.Headers.Location)).ReadJsonAsync()).GetProperty("primaryLanguage").GetString());
        Assert.Equal(["orient.organisation.created"], Demo.ActivitiesAbout(app, "organisation", id));
    }

    [Fact]
    public async Task Organisation_input_is_validated_and_slugs_are_unique()
    {
        var admin = await Admin();
        var invalid = await RefusedAsync(() => admin.PostAsync("/api/v1/organisations", JsonBody(new { slug = "Not A Slug", primaryLanguage = "es", name = new { fr = "X" }, homepage = "javascript:alert(1)" })));
        Assert.Equal((HttpStatusCode.BadRequest, "validation-failed"), (invalid.Status, invalid.Code));
        Assert.Equal(["kind", "slug", "primaryLanguage", "homepage"], invalid.Invalid);
        Assert.Equal(["required", "invalid-slug", "unknown-language", "invalid-url"], invalid.InvalidCodes);

        var taken = await RefusedAsync(() => admin.PostAsync("/api/v1/organisations", JsonBody(new { slug = "hautrival", kind = "other", primaryLanguage = "fr", name = new { fr = "Doublon" } })));
        Assert.Equal((HttpStatusCode.Conflict, "slug-taken"), (taken.Status, taken.Code));
    }

    [Fact]
    public async Task An_organisation_is_edited_and_its_primary_language_cannot_leave_texts_behind()
    {
        var admin = await Admin();
        var current = await (await app.Client().GetAsync($"/api/v1/organisations/{Demo.FpsTaxation}")).ReadJsonAsync();
        var edited = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(current.GetRawText())!;
        edited["homepage"] = JsonSerializer.SerializeToElement("https://finances.belgium.be/nl/contact");
        var ok = await admin.PutAsync($"/api/v1/organisations/{Demo.FpsTaxation}", JsonBody(edited));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("https://finances.belgium.be/nl/contact", (await ok.ReadJsonAsync()).GetProperty("homepage").GetString());
        Assert.Contains("orient.organisation.edited", Demo.ActivitiesAbout(app, "organisation", Demo.FpsTaxation));

        // fps-tax-certificate has no German text: German cannot become the primary language.
        edited["primaryLanguage"] = JsonSerializer.SerializeToElement("de");
        edited["name"] = JsonSerializer.SerializeToElement(new { nl = "FOD Financiën", de = "FÖD Finanzen" });
        var refused = await RefusedAsync(() => admin.PutAsync($"/api/v1/organisations/{Demo.FpsTaxation}", JsonBody(edited)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "primary-language-not-covered"), (refused.Status, refused.Code));
        Assert.Contains("services/fps-tax-certificate", refused.Invalid);
    }

    [Fact]
    public async Task An_editor_attached_to_a_unit_changes_only_that_unit_s_organisation()
    {
        var scoped = await Demo.UnitEditorClientAsync(app, "population-editor@guichet.test", Demo.HautrivalPopulation);

        var own = await scoped.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(Service("scoped-editor-service")));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scoped.PutAsync($"/api/v1/channels/{Demo.TownHallCounter}/opening-hours",
            JsonBody(Hours(("monday", "08:30", "12:00"), ("tuesday", "08:30", "12:00"))))).StatusCode);

        var fpsService = new { slug = "scoped-elsewhere", name = new { nl = "Naam" }, description = new { nl = "Beschrijving" }, audiences = new[] { "citizens" } };
        foreach (var send in new Func<Task<HttpResponseMessage>>[]
        {
            () => scoped.PostAsync($"/api/v1/organisations/{Demo.FpsTaxation}/services", JsonBody(fpsService)),
            () => scoped.PutAsync($"/api/v1/services/{Demo.TaxCertificate}", JsonBody(fpsService)),
            () => scoped.PostAsync($"/api/v1/services/{Demo.TaxCertificate}/unpublish", null),
            () => scoped.PostAsync($"/api/v1/organisations/{Demo.FpsTaxation}/channels", JsonBody(new { slug = "x-channel", kind = "web", name = new { nl = "Web" }, url = "https://example.org" })),
            () => scoped.PutAsync($"/api/v1/channels/{Demo.FpsContactCentre}/opening-hours", JsonBody(Hours(("monday", "08:00", "17:00")))),
            () => scoped.PostAsync($"/api/v1/organisations/{Demo.FpsTaxation}/units", JsonBody(new { slug = "x-unit", name = new { nl = "Eenheid" } })),
            () => scoped.PostAsync("/api/v1/organisations", JsonBody(new { slug = "x-org", kind = "other", primaryLanguage = "fr", name = new { fr = "X" } })),
        })
        {
            var refused = await RefusedAsync(send);
            Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (refused.Status, refused.Code));
        }
    }

    // ---- units ------------------------------------------------------------------------------

    [Fact]
    public async Task A_unit_is_created_under_a_parent_and_moved_elsewhere_in_the_tree()
    {
        var client = await Editor();
        var created = await client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/units",
            JsonBody(new { slug = "hautrival-youth", parentId = Demo.HautrivalCitizenServices, name = new { fr = "Service Jeunesse", nl = "Dienst Jeugd" } }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = await created.ReadJsonAsync();
        var id = unit.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/units/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(2, unit.GetProperty("depth").GetInt32());

        var moved = await client.PutAsync($"/api/v1/units/{id}", JsonBody(new { slug = "hautrival-youth", parentId = Demo.HautrivalGeneralManagement, name = new { fr = "Service Jeunesse" } }));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(1, (await moved.ReadJsonAsync()).GetProperty("depth").GetInt32());
        var tree = (await (await app.Client().GetAsync($"/api/v1/organisations/{Demo.Hautrival}/units")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(Demo.HautrivalGeneralManagement, tree.Single(u => u.GetProperty("id").GetGuid() == id).GetProperty("parentId").GetGuid());

        Assert.Equal(["orient.unit.created", "orient.unit.edited", "orient.unit.moved"], Demo.ActivitiesAbout(app, "unit", id));
    }

    [Fact]
    public async Task A_unit_cannot_be_moved_under_itself_or_one_of_its_sub_units()
    {
        var client = await Editor();
        var underOwnChild = await RefusedAsync(() => client.PutAsync($"/api/v1/units/{Demo.HautrivalCitizenServices}",
            JsonBody(new { slug = "hautrival-citizen-services", parentId = Demo.HautrivalPopulation, name = new { fr = "Département Population" } })));
        Assert.Equal((HttpStatusCode.BadRequest, "validation-failed"), (underOwnChild.Status, underOwnChild.Code));
        Assert.Equal(["unit-cycle"], underOwnChild.InvalidCodes);

        var underItself = await RefusedAsync(() => client.PutAsync($"/api/v1/units/{Demo.HautrivalPopulation}",
            JsonBody(new { slug = "hautrival-population", parentId = Demo.HautrivalPopulation, name = new { fr = "Population" } })));
        Assert.Equal(["unit-cycle"], underItself.InvalidCodes);
    }

    [Fact]
    public async Task Unit_input_is_validated_and_slugs_are_unique_within_the_organisation()
    {
        var client = await Editor();
        var unknownParent = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/units",
            JsonBody(new { slug = "orphan", parentId = Demo.FpsTaxationAdmin, name = new { fr = "Orphelin" } })));
        Assert.Equal(["parentId"], unknownParent.Invalid);
        Assert.Equal(["unknown-unit"], unknownParent.InvalidCodes);

        var missing = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/units", JsonBody("{}")));
        Assert.Equal(["slug", "name.fr"], missing.Invalid);

        var taken = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/units",
            JsonBody(new { slug = "hautrival-population", name = new { fr = "Doublon" } })));
        Assert.Equal((HttpStatusCode.Conflict, "slug-taken"), (taken.Status, taken.Code));

        // The same slug in another organisation is fine.
        var elsewhere = await client.PostAsync($"/api/v1/organisations/{Demo.FpsTaxation}/units", JsonBody(new { slug = "hautrival-population", name = new { nl = "Geen doublon" } }));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    // ---- channels and opening hours ---------------------------------------------------------

    [Fact]
    public async Task A_counter_is_created_with_its_hours_and_its_hours_are_replaced_later()
    {
        var client = await Editor();
        var created = await client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/channels", JsonBody(Counter("village-office", Hours(("tuesday", "09:00", "12:00")))));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/channels/{id}", created.Headers.Location!.OriginalString);

        var hours = await client.PutAsync($"/api/v1/channels/{id}/opening-hours", JsonBody(Hours(("wednesday", "14:00", "17:00"))));
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);
        var read = await (await app.Client().GetAsync($"/api/v1/channels/{id}/opening-hours")).ReadJsonAsync();
        Assert.Equal("wednesday", read.GetProperty("openingHours").GetProperty("periods")[0].GetProperty("hours")[0].GetProperty("day").GetString());

        var edited = await client.PutAsync($"/api/v1/channels/{id}", JsonBody(Counter("village-office", Hours(("thursday", "14:00", "17:00")))));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(["orient.channel.created", "orient.channel.opening-hours-changed", "orient.channel.edited", "orient.channel.opening-hours-changed"],
            Demo.ActivitiesAbout(app, "channel", id));
    }

    [Fact]
    public async Task Overlapping_opening_hours_are_refused_and_nothing_is_stored()
    {
        var client = await Editor();
        var refused = await RefusedAsync(() => client.PutAsync($"/api/v1/channels/{Demo.TownHallCounter}/opening-hours",
            JsonBody(Hours(("monday", "08:30", "12:00"), ("monday", "11:00", "14:00")))));
        Assert.Equal((HttpStatusCode.BadRequest, "validation-failed"), (refused.Status, refused.Code));
        Assert.Equal(["periods[0].hours[1]"], refused.Invalid);
        Assert.Equal(["opening-hours-overlap"], refused.InvalidCodes);

        var inChannel = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/channels",
            JsonBody(Counter("overlapping-office", Hours(("friday", "09:00", "12:00"), ("friday", "10:00", "11:00"))))));
        Assert.Equal(["openingHours.periods[0].hours[1]"], inChannel.Invalid);
    }

    [Fact]
    public async Task Inverted_opening_hours_and_closures_are_refused_and_nothing_is_stored()
    {
        var client = await Editor();
        var refused = await RefusedAsync(() => client.PutAsync($"/api/v1/channels/{Demo.TownHallCounter}/opening-hours",
            JsonBody(Hours(("monday", "12:00", "08:30")))));
        Assert.Equal(["periods[0].hours[0]"], refused.Invalid);
        Assert.Equal(["opening-hours-inverted"], refused.InvalidCodes);

        var closure = await RefusedAsync(() => client.PutAsync($"/api/v1/channels/{Demo.TownHallCounter}/opening-hours",
            JsonBody("""{"periods": [], "closures": [{"from": "2026-12-31", "to": "2026-12-24"}], "specialOpenings": [{"date": "2026-13-01", "opens": "9h", "closes": "12:00"}]}""")));
        Assert.Equal(["closures[0]", "specialOpenings[0].date", "specialOpenings[0].opens"], closure.Invalid);
        Assert.Equal(["opening-hours-inverted", "opening-hours-invalid-date", "opening-hours-invalid-time"], closure.InvalidCodes);
    }

    [Fact]
    public async Task Channel_input_is_validated_and_slugs_are_unique()
    {
        var client = await Editor();
        var missing = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/channels", JsonBody("{}")));
        Assert.Equal(["kind", "slug", "name.fr"], missing.Invalid);

        var noAddress = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/channels",
            JsonBody(new { slug = "no-address", kind = "counter", name = new { fr = "Guichet" }, email = "not-an-email", unitId = Demo.FpsTaxationAdmin })));
        Assert.Equal(["unitId", "address", "email"], noAddress.Invalid);

        var taken = await RefusedAsync(() => client.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/channels", JsonBody(Counter("hautrival-town-hall-counter"))));
        Assert.Equal((HttpStatusCode.Conflict, "slug-taken"), (taken.Status, taken.Code));

        var malformed = await RefusedAsync(() => client.PutAsync($"/api/v1/channels/{Demo.TownHallCounter}/opening-hours", JsonBody("""{"periods": 3}""")));
        Assert.Equal("malformed-json", malformed.Code);
    }

    [Fact]
    public async Task Parallel_creates_with_one_slug_make_one_service_and_conflicts_for_the_rest()
    {
        var editor = await Editor();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            editor.PostAsync($"/api/v1/organisations/{Demo.Hautrival}/services", JsonBody(Service("hautrival-raced-slug", Demo.HautrivalPopulation)))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Equal("slug-taken", (await r.ProblemAsync()).Code);
        Assert.Equal(1, app.InScope(db => db.Set<PublicService>().Count(s => s.Slug == "hautrival-raced-slug")));
        Assert.Equal(1, app.InScope(db => db.Set<EventLogEntry>().AsNoTracking().ToList().Count(e => e.Activity == "orient.service.created" && e.Attributes.Contains("hautrival-raced-slug"))));
    }
}
