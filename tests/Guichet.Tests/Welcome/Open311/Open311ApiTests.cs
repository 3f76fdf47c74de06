using System.Net;
using System.Text;
using System.Text.Json;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Tests.Deliver.Cases;
using Guichet.Tests.Support;
using Guichet.Welcome.Contacts;
using Guichet.Welcome.Open311;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Welcome.Open311;

public sealed class Open311ApiTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    private const string Passport = "hautrival-passport";
    private const string ChangeOfAddress = "hautrival-change-of-address";
    private static readonly Guid PassportId = CatalogueDemoSeeder.StableId("service:hautrival-passport");
    private static readonly Guid Population = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-population");

    private (int Contacts, int Events, int Requests) Counts() =>
        app.InScope(db => (db.Set<Contact>().Count(), db.Set<EventLogEntry>().Count(), db.Set<ServiceRequest>().Count()));

    /// An api_key as `guichet token create --scopes open311` (or the tokens page) makes it: an API
    /// token of a staff account, made for an Open311 client.
    private async Task<string> ApiKeyAsync(bool revoked = false, string scope = TokenScopes.Open311, DateTimeOffset? expires = null) => await app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<GuichetDb>();
        var user = db.Set<StaffUser>().Single(u => u.Email == DemoAccounts.FrontOffice);
        var (token, plain) = ApiToken.Create(user.Id, "open311 app", DateTimeOffset.UtcNow, [scope], expires);
        if (revoked) token.Revoke(DateTimeOffset.UtcNow);
        db.Add(token);
        await db.SaveChangesAsync();
        return plain;
    });

    private async Task<Dictionary<string, string>> FormAsync(string serviceCode = Passport) => new()
    {
        ["api_key"] = await ApiKeyAsync(), ["service_code"] = serviceCode, ["lat"] = "50.4669", ["long"] = "4.8675",
        ["description"] = "Mon passeport expire dans deux semaines, je pars en voyage.", ["email"] = "amelie@example.org",
        ["first_name"] = "Amélie", ["last_name"] = "Lambert", ["device_id"] = "device-7", ["account_id"] = "app-42", ["attribute[answer_by]"] = "email",
    };

    private async Task<JsonElement> PostAsync(Dictionary<string, string> form)
    {
        var response = await app.Client().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(form));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        Open311Schemas.AssertValid("requests.json", text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> GetListAsync(string url)
    {
        var response = await app.Client().GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Open311Schemas.AssertValid("requests.json", text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> Ids(JsonElement list) => [.. list.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];

    /// The Open311 error format: a list of {code, description}, the code being the HTTP status.
    private static async Task AssertOpen311ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? contains = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement;
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.NotEmpty(errors.EnumerateArray());
        foreach (var e in errors.EnumerateArray())
        {
            Assert.Equal((int)status, e.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("description").GetString()));
        }
        if (contains is not null) Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("description").GetString()!.Contains(contains, StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_validator_is_real_and_refuses_a_request_with_a_numeric_id()
    {
        Assert.Throws<Xunit.Sdk.TrueException>(() => Open311Schemas.AssertValid("requests.json",
            """[{"service_request_id": 12, "status": "open", "service_code": "x", "requested_datetime": "2026-10-05T10:00:00+02:00"}]"""));
        Assert.Throws<Xunit.Sdk.TrueException>(() => Open311Schemas.AssertValid("requests.json",
            """[{"service_request_id": "12", "status": "open", "service_code": "x", "requested_datetime": "yesterday"}]"""));
        Open311Schemas.AssertValid("requests.json", """[{"service_request_id": "12", "status": "open", "service_code": "x", "requested_datetime": "2026-10-05T10:00:00+02:00"}]""");
    }

    [Fact]
    public async Task Discovery_names_the_endpoint_and_how_to_get_a_key()
    {
        var response = await app.Client().GetAsync("/open311/v2/discovery.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var d = await response.ReadJsonAsync();
        Assert.True(DateTimeOffset.TryParse(d.GetProperty("changeset").GetString(), out _));
        Assert.Contains("token create", d.GetProperty("key_service").GetString());
        var endpoint = d.GetProperty("endpoints").EnumerateArray().Single();
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Equal("production", endpoint.GetProperty("type").GetString());
        Assert.Contains("application/json", endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Services_are_the_published_services_of_the_own_organisations()
    {
        var response = await app.Client().GetAsync("/open311/v2/services.json?lang=en");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Open311Schemas.AssertValid("services.json", text);
        var services = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        var codes = services.Select(s => s.GetProperty("service_code").GetString()).ToList();
        Assert.Contains(Passport, codes);
        Assert.Contains("fps-tax-return-help", codes);
        Assert.DoesNotContain("fpo-retirement-pension", codes); // another body's service: "not ours"
        var passport = services.Single(s => s.GetProperty("service_code").GetString() == Passport);
        Assert.True(passport.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", passport.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(passport.GetProperty("service_name").GetString()));

        var hautrival = await app.Client().GetAsync("/open311/v2/services.json?jurisdiction_id=hautrival");
        var onlyHautrival = await hautrival.Content.ReadAsStringAsync();
        Open311Schemas.AssertValid("services.json", onlyHautrival);
        var hautrivalCodes = JsonDocument.Parse(onlyHautrival).RootElement.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()!).ToList();
        Assert.Contains(Passport, hautrivalCodes);
        Assert.All(hautrivalCodes, c => Assert.StartsWith("hautrival-", c));

        await AssertOpen311ErrorAsync(await app.Client().GetAsync("/open311/v2/services.json?jurisdiction_id=atlantis"), HttpStatusCode.NotFound, "jurisdiction_id");
    }

    [Fact]
    public async Task A_service_definition_lists_its_attributes()
    {
        var response = await app.Client().GetAsync($"/open311/v2/services/{Passport}.json?lang=fr");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Open311Schemas.AssertValid("service-definition.json", text);
        var d = JsonDocument.Parse(text).RootElement;
        Assert.Equal(Passport, d.GetProperty("service_code").GetString());
        var answerBy = d.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "answer_by");
        Assert.Equal("singlevaluelist", answerBy.GetProperty("datatype").GetString());
        Assert.Equal(["email", "phone", "letter"], answerBy.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()!));
        Assert.Equal("Par e-mail", answerBy.GetProperty("values")[0].GetProperty("name").GetString());

        await AssertOpen311ErrorAsync(await app.Client().GetAsync("/open311/v2/services/no-such-service.json"), HttpStatusCode.NotFound, "service_code");
        await AssertOpen311ErrorAsync(await app.Client().GetAsync("/open311/v2/services/fpo-retirement-pension.json"), HttpStatusCode.NotFound, "service_code");
    }

    [Fact]
    public async Task A_form_encoded_request_becomes_an_open311_contact_with_its_event()
    {
        var before = Counts();
        var posted = (await PostAsync(await FormAsync())).EnumerateArray().Single();
        Assert.Equal((before.Contacts + 1, before.Events + 1, before.Requests + 1), Counts());

        var id = posted.GetProperty("service_request_id").GetString()!;
        Assert.Equal("app-42", posted.GetProperty("account_id").GetString());
        Assert.Equal("open", posted.GetProperty("status").GetString());
        Assert.Equal(Passport, posted.GetProperty("service_code").GetString());
        Assert.Equal(50.4669, posted.GetProperty("lat").GetDouble());
        Assert.Equal("2026-10-05T10:00:00+02:00", posted.GetProperty("requested_datetime").GetString()); // the test clock, Brussels time
        Assert.Equal("2026-10-12T23:59:59+02:00", posted.GetProperty("expected_datetime").GetString()); // Open311's norm: 5 working days

        var contact = app.InScope(db => db.Set<Contact>().Single(c => c.Id == Guid.Parse(id)));
        Assert.Equal(ContactChannel.Open311, contact.Channel);
        Assert.Equal(PassportId, contact.ServiceId);
        Assert.Equal(Population, contact.UnitId);
        Assert.Equal("Amélie Lambert", contact.CustomerName);
        Assert.Equal("amelie@example.org", contact.Email);
        Assert.Equal("Mon passeport expire dans deux semaines, je pars en voyage.", contact.Notes);
        // Registered by the account the api_key belongs to.
        Assert.Equal("staff:" + app.InScope(db => db.Set<StaffUser>().Single(u => u.Email == DemoAccounts.FrontOffice).Id), contact.RegisteredBy);
        var details = app.InScope(db => db.Set<ServiceRequest>().Single(r => r.ContactId == contact.Id));
        Assert.Equal(("device-7", "email"), (details.DeviceId, details.Attributes["answer_by"]));
        Assert.True(app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Activity == "welcome.contact.received" && e.Objects.Any(o => o.ObjectType == "contact" && o.ObjectId == id))));
    }

    [Fact]
    public async Task A_JSON_request_with_an_address_is_accepted_too()
    {
        var before = Counts();
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["api_key"] = await ApiKeyAsync(), ["service_code"] = ChangeOfAddress, ["address_string"] = "Rue de la Station 12, 5000 Hautrival",
            ["description"] = "Je déménage le mois prochain.", ["attribute"] = new Dictionary<string, string> { ["reference"] = "DOM-2026-117" },
        });
        var response = await app.Client().PostAsync("/open311/v2/requests.json", JsonBody(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        Open311Schemas.AssertValid("requests.json", text);
        var posted = JsonDocument.Parse(text).RootElement[0];
        Assert.Equal("Rue de la Station 12, 5000 Hautrival", posted.GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, posted.GetProperty("lat").ValueKind);
        Assert.Equal((before.Contacts + 1, before.Events + 1, before.Requests + 1), Counts());
        var id = Guid.Parse(posted.GetProperty("service_request_id").GetString()!);
        Assert.Equal("DOM-2026-117", app.InScope(db => db.Set<ServiceRequest>().Single(r => r.ContactId == id)).Attributes["reference"]);
        Assert.Equal("Rue de la Station 12, 5000 Hautrival", app.InScope(db => db.Set<Contact>().Single(c => c.Id == id)).Address);
    }

    [Fact]
    public async Task Requests_are_listed_with_each_filter_of_the_spec()
    {
        var passport = (await PostAsync(await FormAsync(Passport)))[0].GetProperty("service_request_id").GetString()!;
        var address = (await PostAsync(await FormAsync(ChangeOfAddress)))[0].GetProperty("service_request_id").GetString()!;
        // The front office answers one: it is closed from then on.
        var answered = await (await app.ClientAsAsync(DemoAccounts.FrontOffice)).PostAsync($"/api/v1/contacts/{address}/outcome",
            JsonBody("""{"outcome":"answered"}"""));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var recent = Ids(await GetListAsync("/open311/v2/requests.json"));
        Assert.Contains(passport, recent);
        Assert.Contains(address, recent);
        Assert.Equal(new[] { address, passport }.Order(), Ids(await GetListAsync($"/open311/v2/requests.json?service_request_id={address},{passport}")).Order());
        Assert.Single(Ids(await GetListAsync($"/open311/v2/requests.json?service_request_id={passport},not-an-id")));

        var byCode = Ids(await GetListAsync($"/open311/v2/requests.json?service_code={ChangeOfAddress}"));
        Assert.Contains(address, byCode);
        Assert.DoesNotContain(passport, byCode);

        var open = await GetListAsync("/open311/v2/requests.json?status=open");
        Assert.Contains(passport, Ids(open));
        Assert.DoesNotContain(address, Ids(open));
        Assert.All(open.EnumerateArray(), r => Assert.Equal("open", r.GetProperty("status").GetString()));
        var closed = await GetListAsync("/open311/v2/requests.json?status=closed");
        Assert.Contains(address, Ids(closed));
        Assert.DoesNotContain(passport, Ids(closed));
        Assert.Equal("Answered.", (await GetListAsync($"/open311/v2/requests.json?service_request_id={address}&lang=en"))[0].GetProperty("status_notes").GetString());
        Assert.Contains(passport, Ids(await GetListAsync("/open311/v2/requests.json?status=open,closed")));

        // The test clock stands at 2026-10-05T08:00Z.
        Assert.Contains(passport, Ids(await GetListAsync("/open311/v2/requests.json?start_date=2026-10-05T09:30:00%2B02:00&end_date=2026-10-05T10:30:00%2B02:00")));
        Assert.DoesNotContain(passport, Ids(await GetListAsync("/open311/v2/requests.json?end_date=2026-10-04T00:00:00Z")));
        Assert.DoesNotContain(passport, Ids(await GetListAsync("/open311/v2/requests.json?start_date=2026-10-06T00:00:00Z&end_date=2026-10-07T00:00:00Z")));
        Assert.Contains(passport, Ids(await GetListAsync("/open311/v2/requests.json?start_date=2026-09-01T00:00:00Z")));
    }

    [Theory]
    [InlineData("status=pending", "status")]
    [InlineData("start_date=yesterday", "start_date")]
    [InlineData("end_date=2026-13-45", "end_date")]
    [InlineData("start_date=2026-10-05T00:00:00Z&end_date=2026-10-01T00:00:00Z", "start_date")]
    public async Task Bad_list_filters_are_refused_in_the_Open311_format(string query, string named) =>
        await AssertOpen311ErrorAsync(await app.Client().GetAsync("/open311/v2/requests.json?" + query), HttpStatusCode.BadRequest, named);

    [Fact]
    public async Task One_request_is_shown_with_its_unit_and_norm()
    {
        var id = (await PostAsync(await FormAsync()))[0].GetProperty("service_request_id").GetString()!;
        var response = await app.Client().GetAsync($"/open311/v2/requests/{id}.json?lang=en");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Open311Schemas.AssertValid("requests.json", text);
        var r = JsonDocument.Parse(text).RootElement.EnumerateArray().Single();
        Assert.Equal(id, r.GetProperty("service_request_id").GetString());
        Assert.False(r.TryGetProperty("account_id", out _)); // the app's account id is not published
        Assert.Equal("open", r.GetProperty("status").GetString());
        Assert.Equal("Received; not yet handled.", r.GetProperty("status_notes").GetString());
        Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("agency_responsible").GetString()));
        Assert.Equal("2026-10-12T23:59:59+02:00", r.GetProperty("expected_datetime").GetString());
        Assert.Contains("12", r.GetProperty("service_notice").GetString());
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("12345")]
    public async Task An_unknown_request_is_404_in_the_Open311_format(string id) =>
        await AssertOpen311ErrorAsync(await app.Client().GetAsync($"/open311/v2/requests/{id}.json"), HttpStatusCode.NotFound, "service_request_id");

    [Fact]
    public async Task No_route_and_a_wrong_method_answer_in_the_Open311_format()
    {
        await AssertOpen311ErrorAsync(await app.Client().GetAsync("/open311/v2/nothing-here.json"), HttpStatusCode.NotFound);
        await AssertOpen311ErrorAsync(await app.Client().DeleteAsync("/open311/v2/requests.json"), HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("api_key", null, HttpStatusCode.Forbidden, "api_key")]
    [InlineData("api_key", "gch_not-a-real-key", HttpStatusCode.Forbidden, "api_key")]
    [InlineData("api_key", "revoked", HttpStatusCode.Forbidden, "api_key")]
    [InlineData("api_key", "staff-token", HttpStatusCode.Forbidden, "api_key")]
    [InlineData("api_key", "expired", HttpStatusCode.Forbidden, "api_key")]
    [InlineData("service_code", null, HttpStatusCode.BadRequest, "service_code")]
    [InlineData("service_code", "no-such-service", HttpStatusCode.NotFound, "service_code")]
    [InlineData("service_code", "fpo-retirement-pension", HttpStatusCode.NotFound, "service_code")]
    [InlineData("jurisdiction_id", "atlantis", HttpStatusCode.NotFound, "jurisdiction_id")]
    [InlineData("location", null, HttpStatusCode.BadRequest, "location")]
    [InlineData("long", null, HttpStatusCode.BadRequest, "lat and long")]
    [InlineData("lat", "91", HttpStatusCode.BadRequest, "lat")]
    [InlineData("lat", "50,4669", HttpStatusCode.BadRequest, "lat")]
    [InlineData("long", "east", HttpStatusCode.BadRequest, "long")]
    [InlineData("long", "NaN", HttpStatusCode.BadRequest, "long")]
    [InlineData("email", "not-an-address", HttpStatusCode.BadRequest, "email")]
    [InlineData("media_url", "ftp://example.org/photo.jpg", HttpStatusCode.BadRequest, "media_url")]
    [InlineData("attribute[answer_by]", "pigeon", HttpStatusCode.BadRequest, "answer_by")]
    [InlineData("attribute[colour]", "red", HttpStatusCode.BadRequest, "colour")]
    public async Task A_bad_post_is_refused_in_the_Open311_format_and_stores_nothing(string field, string? value, HttpStatusCode status, string named)
    {
        var form = await FormAsync();
        if (field == "location") { form.Remove("lat"); form.Remove("long"); }
        else if (value is null) form.Remove(field);
        else form[field] = value switch
        {
            "revoked" => await ApiKeyAsync(revoked: true),
            "staff-token" => await ApiKeyAsync(scope: TokenScopes.Write), // a staff token is not an api_key
            "expired" => await ApiKeyAsync(expires: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            _ => value,
        };
        var before = Counts();
        await AssertOpen311ErrorAsync(await app.Client().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(form)), status, named);
        Assert.Equal(before, Counts());
    }

    [Theory]
    [InlineData("application/json", """{"service_code": "hautrival-passport", "lat": 50.1, """, HttpStatusCode.BadRequest)]
    [InlineData("application/json", """[{"service_code": "hautrival-passport"}]""", HttpStatusCode.BadRequest)]
    [InlineData("application/json", """{"service_code": {"nested": true}}""", HttpStatusCode.BadRequest)]
    [InlineData("text/plain", "service_code=hautrival-passport", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_malformed_body_is_refused_in_the_Open311_format_and_stores_nothing(string type, string body, HttpStatusCode status)
    {
        var before = Counts();
        await AssertOpen311ErrorAsync(await app.Client().PostAsync("/open311/v2/requests.json", new StringContent(body, Encoding.UTF8, type)), status);
        Assert.Equal(before, Counts());
    }
}
