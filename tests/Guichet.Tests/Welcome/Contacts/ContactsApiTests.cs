using System.Net;
using System.Text.Json;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.EventLog;
using Guichet.Platform.Outbox;
using Guichet.Tests.Deliver.Cases;
using Guichet.Tests.Support;
using Guichet.Welcome.Contacts;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Welcome.Contacts;

public sealed class ContactsApiTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    private static readonly Guid Passport = CatalogueDemoSeeder.StableId("service:hautrival-passport");
    private static readonly Guid Pension = CatalogueDemoSeeder.StableId("service:fpo-retirement-pension");
    private static readonly Guid Population = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-population");
    private static readonly Guid UrbanPlanning = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-urban-planning");

    private Task<HttpClient> FrontOffice() => app.ClientAsAsync(DemoAccounts.FrontOffice);

    private (int Contacts, int Events, int Mails) Counts() => app.InScope(db => (db.Set<Contact>().Count(), db.Set<EventLogEntry>().Count(), db.Set<OutboxMessage>().Count()));

    private async Task<JsonElement> RegisterAsync(HttpClient client, object body)
    {
        var response = await client.PostAsync("/api/v1/contacts", JsonBody(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task A_phone_call_is_registered_with_the_competent_unit_from_the_service_and_its_norm()
    {
        var before = Counts();
        var c = await RegisterAsync(await FrontOffice(), new
        {
            channel = "phone", customerKind = "person", customerNumber = "85.07.30-033.28", customerName = "Amélie Lambert", phone = "+32 470 12 34 56",
            onBehalfOf = new { name = "Marc Lambert", role = "parent" }, language = "fr", subject = "Délai pour un passeport urgent", serviceId = Passport,
        });
        Assert.Equal("85073003328", c.GetProperty("customerNumber").GetString());
        Assert.Equal(Population, c.GetProperty("unitId").GetGuid());
        Assert.Equal("parent", c.GetProperty("onBehalfOf").GetProperty("role").GetString());
        Assert.Equal("2026-10-05", c.GetProperty("respondBy").GetString()); // phone: the same working day
        Assert.Equal((before.Contacts + 1, before.Events + 1, before.Mails), Counts());

        var answered = await (await FrontOffice()).PostAsync($"/api/v1/contacts/{c.GetProperty("id").GetString()}/outcome", JsonBody(new { outcome = "answered" }));
        var a = await answered.ReadJsonAsync();
        Assert.Equal("answered", a.GetProperty("outcome").GetString());
        Assert.Equal(0, a.GetProperty("responseWorkingDays").GetInt32());
        Assert.False(a.GetProperty("late").GetBoolean());
    }

    [Theory]
    [InlineData("customerNumber", "85.07.30-033.29", "national-number-checksum")]
    [InlineData("customerNumber", "12345", "national-number-format")]
    [InlineData("channel", "pigeon", "unknown-code")]
    [InlineData("serviceId", "00000000-0000-0000-0000-000000000001", "unknown-service")]
    [InlineData("language", "xx", "unknown-language")]
    [InlineData("subject", "", "required")]
    public async Task Bad_input_is_refused_by_name_and_stores_nothing(string field, string value, string code)
    {
        var body = new Dictionary<string, object?>
        {
            ["channel"] = "counter", ["customerKind"] = "person", ["customerNumber"] = "85.07.30-033.28", ["language"] = "fr", ["subject"] = "Question", ["serviceId"] = Passport,
        };
        body[field] = field == "serviceId" ? Guid.Parse(value) : value;
        var before = Counts();
        var response = await (await FrontOffice()).PostAsync("/api/v1/contacts", JsonBody(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var p = (await response.ReadJsonAsync()).GetProperty("invalidParams").EnumerateArray().Single(x => x.GetProperty("name").GetString() == field);
        Assert.Equal(code, p.GetProperty("code").GetString());
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task An_invalid_enterprise_number_is_refused()
    {
        var before = Counts();
        var response = await (await FrontOffice()).PostAsync("/api/v1/contacts", JsonBody(new { channel = "email", customerKind = "company", customerNumber = "0203.201.341", subject = "TVA" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task Not_ours_the_competent_body_is_sent_to_the_customer_and_printable()
    {
        var email = $"citizen-{Guid.NewGuid():N}@example.be";
        var front = await FrontOffice();
        var c = await RegisterAsync(front, new { channel = "counter", customerKind = "person", customerName = "Jean Dubois", email, language = "fr", subject = "Ma pension de retraite" });
        var before = Counts();
        var referred = await front.PostAsync($"/api/v1/contacts/{c.GetProperty("id").GetString()}/outcome", JsonBody(new { outcome = "referred", serviceId = Pension }));
        Assert.Equal(HttpStatusCode.OK, referred.StatusCode);
        Assert.Equal((before.Contacts, before.Events + 1, before.Mails + 1), Counts());
        var mail = app.InScope(db => db.Set<OutboxMessage>().ToList()).Select(m => m.Payload).Single(p => p.Contains(email, StringComparison.Ordinal));
        Assert.Contains("Ma pension de retraite", mail);
        var printable = await front.GetStringAsync($"/api/v1/contacts/{c.GetProperty("id").GetString()}/referral.html");
        Assert.Contains("<html lang=\"fr\"", printable);
        Assert.Contains("Ma pension de retraite", printable);
        Assert.Equal(HttpStatusCode.Conflict, (await front.PostAsync($"/api/v1/contacts/{c.GetProperty("id").GetString()}/outcome", JsonBody(new { outcome = "answered" }))).StatusCode);
    }

    [Fact]
    public async Task A_promised_call_back_is_due_within_its_norm_and_listed_when_overdue()
    {
        var front = await FrontOffice();
        var c = await RegisterAsync(front, new { channel = "phone", customerKind = "anonymous", language = "nl", subject = "Vraag over een bouwaanvraag" });
        var promised = await (await front.PostAsync($"/api/v1/contacts/{c.GetProperty("id").GetString()}/outcome", JsonBody(new { outcome = "callBackPromised", unitId = UrbanPlanning }))).ReadJsonAsync();
        Assert.Equal("2026-10-06", promised.GetProperty("callBackBy").GetString()); // 1 working day
        // The urban planning handler sees it in their unit's list; the overdue list stays empty today.
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        Assert.Contains((await (await handler.GetAsync("/api/v1/contacts/call-backs")).ReadJsonAsync()).EnumerateArray(), x => x.GetProperty("id").GetString() == c.GetProperty("id").GetString());
        Assert.DoesNotContain((await (await handler.GetAsync("/api/v1/contacts/call-backs?overdue=true")).ReadJsonAsync()).EnumerateArray(), x => x.GetProperty("id").GetString() == c.GetProperty("id").GetString());
        var done = await (await handler.PostAsync($"/api/v1/contacts/{c.GetProperty("id").GetString()}/called-back", null)).ReadJsonAsync();
        Assert.Equal("answered", done.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await handler.PostAsync($"/api/v1/contacts/{c.GetProperty("id").GetString()}/called-back", null)).StatusCode);
    }

    [Fact]
    public async Task One_history_per_person_across_channels_newest_first_and_recorded()
    {
        var front = await FrontOffice();
        var number = "01.02.03-004.67";
        var first = await RegisterAsync(front, new { channel = "letter", customerKind = "person", customerNumber = number, subject = "Courrier", receivedAt = "2026-10-01T09:00:00+02:00" });
        var second = await RegisterAsync(front, new { channel = "email", customerKind = "person", customerNumber = "01020300467", subject = "Courriel" });
        var history = await (await front.GetAsync($"/api/v1/customers/{Uri.EscapeDataString(number)}/contacts")).ReadJsonAsync();
        Assert.Equal([second.GetProperty("id").GetString(), first.GetProperty("id").GetString()], history.EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.True(app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Activity == "welcome.customer-history.viewed")));
        Assert.Equal(HttpStatusCode.BadRequest, (await front.GetAsync("/api/v1/customers/123/contacts")).StatusCode);
    }

    [Fact]
    public async Task Staff_see_only_their_units_contacts_unless_their_role_says_otherwise()
    {
        var front = await FrontOffice();
        var c = await RegisterAsync(front, new { channel = "email", customerKind = "anonymous", subject = "Passeport", serviceId = Passport }); // population unit
        var id = c.GetProperty("id").GetString();
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler); // urban planning
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/api/v1/contacts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.PostAsync($"/api/v1/contacts/{id}/outcome", JsonBody(new { outcome = "answered" }))).StatusCode);
        Assert.DoesNotContain((await (await handler.GetAsync("/api/v1/contacts?limit=200")).ReadJsonAsync()).EnumerateArray(), x => x.GetProperty("id").GetString() == id);
        // Routed to urban planning, it lands in that unit's inbox.
        Assert.Equal(HttpStatusCode.OK, (await front.PostAsync($"/api/v1/contacts/{id}/outcome", JsonBody(new { outcome = "routed", unitId = UrbanPlanning }))).StatusCode);
        Assert.Contains((await (await handler.GetAsync("/api/v1/contacts?open=true")).ReadJsonAsync()).EnumerateArray(), x => x.GetProperty("id").GetString() == id);
        var editor = await app.ClientAsAsync(DemoAccounts.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/v1/contacts")).StatusCode);
    }
}
