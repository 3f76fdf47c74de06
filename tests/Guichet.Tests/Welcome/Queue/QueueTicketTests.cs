using System.Net;
using System.Text.Json;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Guichet.Welcome.Queue;
using Microsoft.EntityFrameworkCore;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Welcome.Queue;

public sealed class QueueTicketTests(QueueApp app) : IClassFixture<QueueApp>
{
    [Fact]
    public async Task Tickets_are_numbered_per_office_day_and_service_letter()
    {
        app.NewDay();
        var kiosk = app.Client();
        Assert.Equal("A-001", (await Q.IssueAsync(kiosk, Q.Eid)).Code);
        Assert.Equal("A-002", (await Q.IssueAsync(kiosk, Q.Eid)).Code);
        Assert.Equal("B-001", (await Q.IssueAsync(kiosk, Q.Passport)).Code);
        Assert.Equal("A-003", (await Q.IssueAsync(kiosk, Q.Eid, "reducedMobility")).Code);

        app.NewDay(); // a new day starts at 001 again
        var first = await Q.IssueAsync(kiosk, Q.Eid);
        Assert.Equal("A-001", first.Code);
        var ticket = app.Ticket(first.Id);
        Assert.Equal(TicketStatus.Waiting, ticket.Status);
        Assert.NotEqual(first.Token, ticket.TokenHash); // only the hash is stored
        Assert.Equal(["welcome.ticket.issued"], app.Activities("queue-ticket", first.Id));
    }

    [Fact]
    public async Task Call_next_takes_priority_tickets_first_then_first_come_first_served_over_the_desks_services()
    {
        app.NewDay();
        var kiosk = app.Client();
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        async Task<string> Issue(Guid service, string? priority = null)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            return (await Q.IssueAsync(kiosk, service, priority)).Code;
        }
        var a1 = await Issue(Q.Eid);
        var c1 = await Issue(Q.Address);               // not served by this desk
        var b1 = await Issue(Q.Passport);
        var a2 = await Issue(Q.Eid, "pregnancy");      // priority, came later
        var a3 = await Issue(Q.Eid);
        var b2 = await Issue(Q.Passport, "reducedMobility");

        var desk = await app.NewDeskAsync(Q.Eid, Q.Passport);
        var called = new List<string?>();
        var priorities = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            var response = await Q.CallNextAsync(staff, desk);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var ticket = await response.ReadJsonAsync();
            called.Add(ticket.GetProperty("code").GetString());
            priorities.Add(ticket.GetProperty("priority").GetString());
            Assert.Equal("called", ticket.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await Q.ActAsync(staff, desk, ticket.GetProperty("id").GetGuid(), "finish", new { outcome = "answered" })).StatusCode);
        }
        Assert.Equal([a2, b2, a1, b1, a3], called);
        Assert.Equal(["pregnancy", "reducedMobility", "none", "none", "none"], priorities); // codes as EnumCodes writes them
        // The change of address waits for a desk that serves it.
        Assert.Null(await Q.CallNextCodeAsync(staff, desk));
        var addressDesk = await app.NewDeskAsync(Q.Address);
        Assert.Equal(c1, await Q.CallNextCodeAsync(staff, addressDesk));
    }

    [Fact]
    public async Task A_called_ticket_is_recalled_served_and_finished_with_an_outcome_each_step_in_the_event_log()
    {
        app.NewDay();
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var (id, code, _) = await Q.IssueAsync(app.Client(), Q.Licence);
        var desk = await app.NewDeskAsync(Q.Licence);
        Assert.Equal(code, await Q.CallNextCodeAsync(staff, desk));

        // The desk is with a customer: it cannot call another one.
        await Q.IssueAsync(app.Client(), Q.Licence);
        var busy = await Q.CallNextAsync(staff, desk);
        Assert.Equal((409, "desk-busy"), ((await busy.ProblemAsync()).Status, (await busy.ProblemAsync()).Code));

        Assert.Equal(HttpStatusCode.OK, (await Q.ActAsync(staff, desk, id, "recall")).StatusCode);
        Assert.Equal(1, app.Ticket(id).Recalls);
        Assert.Equal(HttpStatusCode.OK, (await Q.ActAsync(staff, desk, id, "start")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(7));
        var finished = await Q.ActAsync(staff, desk, id, "finish", new { outcome = "callBack" });
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        var json = await finished.ReadJsonAsync();
        Assert.Equal("served", json.GetProperty("status").GetString());
        Assert.Equal("callBack", json.GetProperty("outcome").GetString());

        Assert.Equal(["welcome.ticket.issued", "welcome.ticket.called", "welcome.ticket.recalled", "welcome.ticket.serving-started", "welcome.ticket.served"], app.Activities("queue-ticket", id));
        var served = app.InScope(db => db.Set<EventLogEntry>().AsNoTracking().Include(e => e.Objects).ToList()
            .Last(e => e.Activity == "welcome.ticket.served" && e.Objects.Any(o => o.ObjectId == id.ToString())));
        var attributes = JsonDocument.Parse(served.Attributes).RootElement;
        Assert.Equal("callBack", attributes.GetProperty("outcome").GetString());
        Assert.Equal(420, attributes.GetProperty("serviceSeconds").GetInt32());
        Assert.Equal(code, attributes.GetProperty("code").GetString());
        Assert.Contains(served.Objects, o => o.ObjectType == "queue-desk" && o.ObjectId == desk.ToString());
        Assert.Contains(served.Objects, o => o.ObjectType == "service" && o.ObjectId == Q.Licence.ToString());
    }

    [Fact]
    public async Task An_absent_customer_is_marked_no_show_and_a_transferred_one_waits_for_the_other_service_or_desk()
    {
        app.NewDay();
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var absent = await Q.IssueAsync(app.Client(), Q.Passport);
        var moving = await Q.IssueAsync(app.Client(), Q.Passport);
        var deskedTicket = await Q.IssueAsync(app.Client(), Q.Passport);
        var passportDesk = await app.NewDeskAsync(Q.Passport);
        var addressDesk = await app.NewDeskAsync(Q.Address);
        var otherDesk = await app.NewDeskAsync(Q.Eid);

        Assert.Equal(absent.Code, await Q.CallNextCodeAsync(staff, passportDesk));
        var missed = await Q.ActAsync(staff, passportDesk, absent.Id, "no-show");
        Assert.Equal(HttpStatusCode.OK, missed.StatusCode);
        Assert.Equal("noShow", (await missed.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(TicketStatus.NoShow, app.Ticket(absent.Id).Status);
        var absentToday = await (await staff.GetAsync($"/api/v1/queue/offices/{Q.Office}/tickets?status=noShow")).ReadJsonAsync();
        Assert.Contains(absentToday.EnumerateArray(), t => t.GetProperty("id").GetGuid() == absent.Id);
        Assert.Equal(["status:unknown-code"], (await (await staff.GetAsync($"/api/v1/queue/offices/{Q.Office}/tickets?status=no-show")).ProblemAsync()).Invalid);
        Assert.Equal(["welcome.ticket.issued", "welcome.ticket.called", "welcome.ticket.missed"], app.Activities("queue-ticket", absent.Id));

        // To another service: the change-of-address desk calls it, with the same ticket number.
        Assert.Equal(moving.Code, await Q.CallNextCodeAsync(staff, passportDesk));
        var transferred = await Q.ActAsync(staff, passportDesk, moving.Id, "transfer", new { serviceId = Q.Address });
        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);
        Assert.Equal("transferred", (await transferred.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(moving.Code, await Q.CallNextCodeAsync(staff, addressDesk));
        Assert.Equal(HttpStatusCode.OK, (await Q.ActAsync(staff, addressDesk, moving.Id, "finish", new { outcome = "referred" })).StatusCode);
        Assert.Equal(["welcome.ticket.issued", "welcome.ticket.called", "welcome.ticket.transferred", "welcome.ticket.called", "welcome.ticket.served"], app.Activities("queue-ticket", moving.Id));

        // To one desk: only that desk calls it, whatever it serves.
        Assert.Equal(deskedTicket.Code, await Q.CallNextCodeAsync(staff, passportDesk));
        Assert.Equal(HttpStatusCode.OK, (await Q.ActAsync(staff, passportDesk, deskedTicket.Id, "transfer", new { deskId = otherDesk })).StatusCode);
        Assert.Null(await Q.CallNextCodeAsync(staff, passportDesk));
        Assert.Equal(deskedTicket.Code, await Q.CallNextCodeAsync(staff, otherDesk));
        var ticket = app.Ticket(deskedTicket.Id);
        Assert.Equal((TicketStatus.Called, otherDesk, 1), (ticket.Status, ticket.DeskId!.Value, ticket.Transfers));
        Assert.Equal(HttpStatusCode.OK, (await Q.ActAsync(staff, otherDesk, deskedTicket.Id, "finish", new { outcome = "routed" })).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_error_and_stores_nothing()
    {
        app.NewDay();
        var kiosk = app.Client();
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var before = app.Counts();

        // Unknown service, office, priority and language at the kiosk.
        var unknownService = await kiosk.PostAsync($"/api/v1/queue/offices/{Q.Office}/tickets", JsonBody(new { serviceId = Guid.NewGuid() }));
        var unknown = await unknownService.ProblemAsync();
        Assert.Equal((400, "validation-failed"), (unknown.Status, unknown.Code));
        Assert.Equal(["serviceId:unknown-id"], unknown.Invalid);
        var notHere = await kiosk.PostAsync($"/api/v1/queue/offices/{Q.Office}/tickets", JsonBody(new { serviceId = Q.IntegrationIncome }));
        Assert.Equal(["serviceId:unknown-id"], (await notHere.ProblemAsync()).Invalid);
        var noService = await kiosk.PostAsync($"/api/v1/queue/offices/{Q.Office}/tickets", JsonBody(new { priority = "vip", language = "es" }));
        Assert.Equal(["serviceId:required", "priority:unknown-code", "language:unknown-code"], (await noService.ProblemAsync()).Invalid);
        var unknownOffice = await kiosk.PostAsync($"/api/v1/queue/offices/{Guid.NewGuid()}/tickets", JsonBody(new { serviceId = Q.Eid }));
        Assert.Equal((404, "not-found"), ((await unknownOffice.ProblemAsync()).Status, (await unknownOffice.ProblemAsync()).Code));

        // Unknown desk; unknown ticket.
        var unknownDesk = await Q.CallNextAsync(staff, Guid.NewGuid());
        Assert.Equal(404, (await unknownDesk.ProblemAsync()).Status);
        var desk = await app.NewDeskAsync(Q.Eid);
        before = app.Counts();
        Assert.Equal(404, (await (await Q.ActAsync(staff, desk, Guid.NewGuid(), "finish", new { outcome = "answered" })).ProblemAsync()).Status);
        Assert.Equal(before, app.Counts());

        // Finishing twice; a missing or unknown outcome; transfer without a target or to itself.
        var (id, code, _) = await Q.IssueAsync(kiosk, Q.Eid);
        Assert.Equal(code, await Q.CallNextCodeAsync(staff, desk));
        before = app.Counts();
        Assert.Equal(["outcome:required"], (await (await Q.ActAsync(staff, desk, id, "finish")).ProblemAsync()).Invalid);
        Assert.Equal(["outcome:unknown-code"], (await (await Q.ActAsync(staff, desk, id, "finish", new { outcome = "done" })).ProblemAsync()).Invalid);
        Assert.Equal(["serviceId:required"], (await (await Q.ActAsync(staff, desk, id, "transfer")).ProblemAsync()).Invalid);
        Assert.Equal(["deskId:same-desk"], (await (await Q.ActAsync(staff, desk, id, "transfer", new { deskId = desk })).ProblemAsync()).Invalid);
        Assert.Equal(["serviceId:unknown-id"], (await (await Q.ActAsync(staff, desk, id, "transfer", new { serviceId = Q.IntegrationIncome })).ProblemAsync()).Invalid);
        Assert.Equal(before, app.Counts());
        Assert.Equal(HttpStatusCode.OK, (await Q.ActAsync(staff, desk, id, "finish", new { outcome = "answered" })).StatusCode);
        before = app.Counts();
        var twice = await Q.ActAsync(staff, desk, id, "finish", new { outcome = "answered" });
        Assert.Equal((409, "ticket-finished"), ((await twice.ProblemAsync()).Status, (await twice.ProblemAsync()).Code));
        var noShowAfter = await Q.ActAsync(staff, desk, id, "no-show");
        Assert.Equal("ticket-finished", (await noShowAfter.ProblemAsync()).Code);
        Assert.Equal(before, app.Counts());

        // A waiting ticket is not at any desk yet.
        var waiting = await Q.IssueAsync(kiosk, Q.Passport);
        before = app.Counts();
        Assert.Equal("ticket-not-at-desk", (await (await Q.ActAsync(staff, desk, waiting.Id, "recall")).ProblemAsync()).Code);
        Assert.Equal(before, app.Counts());
    }

    [Fact]
    public async Task Another_offices_ticket_is_not_found_from_a_desk_and_another_organisations_desk_is_not_found_for_the_front_office()
    {
        app.NewDay();
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var cpas = await OfficeAsync(admin, Q.CpasCounter, Q.IntegrationIncome);
        var cpasDesk = await app.NewDeskAtAsync(cpas, Q.IntegrationIncome);
        var cpasTicket = await Q.IssueAsync(app.Client(), Q.IntegrationIncome, office: cpas);
        Assert.Equal(cpasTicket.Code, await Q.CallNextCodeAsync(staff, cpasDesk));
        var townHallDesk = await app.NewDeskAsync(Q.Eid);

        var before = app.Counts();
        foreach (var action in new[] { "recall", "start", "no-show", "finish" })
        {
            var refused = await Q.ActAsync(staff, townHallDesk, cpasTicket.Id, action, new { outcome = "answered" });
            Assert.Equal((404, "not-found"), ((await refused.ProblemAsync()).Status, (await refused.ProblemAsync()).Code));
        }
        Assert.Equal(before, app.Counts());
        Assert.Equal(TicketStatus.Called, app.Ticket(cpasTicket.Id).Status);

        // The front office of Hautrival does not work at the FPS Finance office.
        var fps = await OfficeAsync(admin, Q.FpsNamurOffice, Q.FpsTaxReturnHelp);
        var fpsDesk = await app.NewDeskAtAsync(fps, Q.FpsTaxReturnHelp);
        await Q.IssueAsync(app.Client(), Q.FpsTaxReturnHelp, office: fps);
        Assert.Equal(404, (await (await Q.CallNextAsync(staff, fpsDesk)).ProblemAsync()).Status);
        Assert.Equal(HttpStatusCode.OK, (await Q.CallNextAsync(admin, fpsDesk)).StatusCode);
        var offices = await (await staff.GetAsync("/api/v1/queue/offices")).ReadJsonAsync();
        Assert.DoesNotContain(offices.EnumerateArray(), o => o.GetProperty("id").GetGuid() == fps);
        Assert.Contains(offices.EnumerateArray(), o => o.GetProperty("id").GetGuid() == cpas);
    }

    [Fact]
    public async Task Offices_are_set_up_only_at_counters_with_services_offered_there_and_bad_set_ups_store_nothing()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var phone = Guichet.Orient.Catalogue.Demo.CatalogueDemoSeeder.StableId("channel:hautrival-phone");
        var recycling = Guichet.Orient.Catalogue.Demo.CatalogueDemoSeeder.StableId("channel:hautrival-recycling-park");
        var before = app.InScope(db => (db.Set<QueueOffice>().Count(), db.Set<OfficeService>().Count(), db.Set<EventLogEntry>().Count()));

        Assert.Equal(["channelId:not-a-counter"], (await (await admin.PostAsync("/api/v1/queue/offices", JsonBody(new { channelId = phone }))).ProblemAsync()).Invalid);
        Assert.Equal(["channelId:unknown-id"], (await (await admin.PostAsync("/api/v1/queue/offices", JsonBody(new { channelId = Guid.NewGuid() }))).ProblemAsync()).Invalid);
        var bad = await admin.PostAsync("/api/v1/queue/offices", JsonBody(new
        {
            channelId = recycling,
            services = new object[] { new { serviceId = Q.Eid, letter = "A" }, new { serviceId = CatalogueId("service:hautrival-container-park-access"), letter = "ab" } },
        }));
        Assert.Equal(["services[0].serviceId:not-at-counter", "services[1].letter:invalid-letter"], (await bad.ProblemAsync()).Invalid);
        var taken = await admin.PostAsync("/api/v1/queue/offices", JsonBody(new { channelId = Guichet.Orient.Catalogue.Demo.CatalogueDemoSeeder.StableId("channel:hautrival-town-hall-counter") }));
        Assert.Equal((409, "office-exists"), ((await taken.ProblemAsync()).Status, (await taken.ProblemAsync()).Code));
        var desk = await admin.PostAsync($"/api/v1/queue/offices/{Q.Office}/desks", JsonBody(new { number = 1, serviceIds = new[] { Q.IntegrationIncome } }));
        Assert.Equal(["number:taken", "serviceIds[0]:unknown-id"], (await desk.ProblemAsync()).Invalid);
        var frontOffice = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontOffice.PostAsync("/api/v1/queue/offices", JsonBody(new { channelId = recycling }))).StatusCode);
        Assert.Equal(before, app.InScope(db => (db.Set<QueueOffice>().Count(), db.Set<OfficeService>().Count(), db.Set<EventLogEntry>().Count())));

        var created = await admin.PostAsync("/api/v1/queue/offices", JsonBody(new
        {
            channelId = recycling,
            services = new object[] { new { serviceId = CatalogueId("service:hautrival-container-park-access"), letter = "R" } },
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("R", (await created.ReadJsonAsync()).GetProperty("services")[0].GetProperty("letter").GetString());
    }

    private static Guid CatalogueId(string key) => Guichet.Orient.Catalogue.Demo.CatalogueDemoSeeder.StableId(key);

    private static async Task<Guid> OfficeAsync(HttpClient admin, Guid channel, Guid service)
    {
        var existing = (await (await admin.GetAsync("/api/v1/queue/offices")).ReadJsonAsync()).EnumerateArray().FirstOrDefault(o => o.GetProperty("channelId").GetGuid() == channel);
        if (existing.ValueKind == JsonValueKind.Object) return existing.GetProperty("id").GetGuid();
        var created = await admin.PostAsync("/api/v1/queue/offices", JsonBody(new { channelId = channel, services = new object[] { new { serviceId = service, letter = "S" } } }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
    }
}
