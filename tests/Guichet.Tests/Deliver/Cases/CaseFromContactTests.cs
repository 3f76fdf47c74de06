using System.Net;
using Guichet.Deliver.Cases;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Guichet.Welcome.Contacts;
using Microsoft.EntityFrameworkCore;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Deliver.Cases;

/// A case opened from a contact of the register: the contact becomes "case opened" with the case,
/// in the same transaction, and only once.
public sealed class CaseFromContactTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    private static readonly Guid BuildingPermit = CatalogueDemoSeeder.StableId("service:hautrival-building-permit");
    private static readonly Guid Passport = CatalogueDemoSeeder.StableId("service:hautrival-passport");

    private (int Cases, int Events, int Opened) Counts() => app.InScope(db =>
        (db.Set<Case>().Count(), db.Set<EventLogEntry>().Count(), db.Set<Contact>().Count(c => c.Outcome == ContactOutcome.CaseOpened)));

    private async Task<Guid> ContactAsync(Guid service)
    {
        var response = await (await app.ClientAsAsync(DemoAccounts.FrontOffice)).PostAsync("/api/v1/contacts", JsonBody(new
        {
            channel = "counter", customerKind = "person", customerNumber = "85.07.30-033.28", customerName = "Amélie Lambert", email = "amelie@example.be",
            language = "fr", subject = "Extension d'une maison, rue des Écoles 12", serviceId = service,
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static object CaseBody(Guid? contactId) => new
    {
        caseType = "building-permit", language = "fr", subject = "Extension d'une maison, rue des Écoles 12", complete = true, contactId,
        parties = new object[] { new { role = "applicant", kind = "person", name = "Amélie Lambert", number = "85.07.30-033.28", email = "amelie@example.be" } },
    };

    [Fact]
    public async Task A_case_opened_from_a_contact_marks_it_case_opened_in_the_same_transaction()
    {
        var contactId = await ContactAsync(BuildingPermit);
        var before = Counts();
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var response = await handler.PostAsync("/api/v1/cases", JsonBody(CaseBody(contactId)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.ReadJsonAsync()).GetProperty("number").GetString();

        var contact = await (await handler.GetAsync($"/api/v1/contacts/{contactId}")).ReadJsonAsync();
        Assert.Equal("caseOpened", contact.GetProperty("outcome").GetString());
        Assert.Equal(number, contact.GetProperty("caseNumber").GetString());
        Assert.Equal(0, contact.GetProperty("responseWorkingDays").GetInt32());
        var after = Counts();
        Assert.Equal((before.Cases + 1, before.Opened + 1), (after.Cases, after.Opened));
        var key = contactId.ToString();
        Assert.True(app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Activity == "welcome.contact.case-opened" && e.Objects.Any(o => o.ObjectType == "contact" && o.ObjectId == key))));
    }

    [Fact]
    public async Task A_contact_turns_into_one_case_only()
    {
        var contactId = await ContactAsync(BuildingPermit);
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsync("/api/v1/cases", JsonBody(CaseBody(contactId)))).StatusCode);
        var before = Counts();
        var again = await handler.PostAsync("/api/v1/cases", JsonBody(CaseBody(contactId)));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var p = (await again.ReadJsonAsync()).GetProperty("invalidParams").EnumerateArray().Single();
        Assert.Equal(("contactId", "contact-not-open"), (p.GetProperty("name").GetString(), p.GetProperty("code").GetString()));
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task An_unknown_contact_or_one_of_another_unit_is_refused_and_nothing_is_stored()
    {
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var elsewhere = await ContactAsync(Passport); // the population unit's: out of the urban planning handler's sight
        foreach (var id in new[] { Guid.NewGuid(), elsewhere })
        {
            var before = Counts();
            var response = await handler.PostAsync("/api/v1/cases", JsonBody(CaseBody(id)));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var p = (await response.ReadJsonAsync()).GetProperty("invalidParams").EnumerateArray().Single();
            Assert.Equal(("contactId", "unknown-id"), (p.GetProperty("name").GetString(), p.GetProperty("code").GetString()));
            Assert.Equal(before, Counts());
        }
        Assert.Equal("Open", app.InScope(db => db.Set<Contact>().AsNoTracking().Single(c => c.Id == elsewhere).Outcome.ToString()));
    }

    [Fact]
    public async Task The_outcome_case_opened_comes_only_from_opening_a_case()
    {
        var contactId = await ContactAsync(BuildingPermit);
        var before = Counts();
        var response = await (await app.ClientAsAsync(DemoAccounts.FrontOffice)).PostAsync($"/api/v1/contacts/{contactId}/outcome", JsonBody(new { outcome = "caseOpened" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("case-opened-by-a-case", (await response.ReadJsonAsync()).GetProperty("invalidParams")[0].GetProperty("code").GetString());
        Assert.Equal(before, Counts());
    }
}
