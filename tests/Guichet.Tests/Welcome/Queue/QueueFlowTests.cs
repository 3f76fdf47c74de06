using System.Net;
using System.Text.RegularExpressions;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Guichet.Welcome.Appointments;
using Guichet.Welcome.Appointments.Demo;
using Guichet.Welcome.Contacts;
using Guichet.Welcome.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Welcome.Queue;

/// The queue with its neighbours: a finished visit becomes a counter contact, a checked-in
/// appointment gets a ticket called first when due, the service page shows the wait, managers
/// see missed appointments and waits, and yesterday's leftovers give their desk back.
public sealed class QueueFlowTests(QueueApp app) : IClassFixture<QueueApp>
{
    private const string ValidNationalNumber = "85.07.30-033.28";

    private (int Contacts, int Events, int Served) Counts() => app.InScope(db =>
        (db.Set<Contact>().Count(), db.Set<EventLogEntry>().Count(), db.Set<QueueTicket>().Count(t => t.Status == TicketStatus.Served)));

    /// A new day, a new desk for the service, a ticket issued and called at it.
    private async Task<(HttpClient Staff, Guid Desk, Guid Ticket, string Code)> CalledTicketAsync(Guid service)
    {
        app.NewDay();
        var desk = await app.NewDeskAsync(service);
        var (id, code, _) = await Q.IssueAsync(app.Client(), service);
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        Assert.Equal(code, await Q.CallNextCodeAsync(staff, desk));
        return (staff, desk, id, code);
    }

    [Fact]
    public async Task Finishing_a_visit_registers_a_counter_contact_in_the_same_transaction_and_the_ticket_keeps_its_id()
    {
        var (staff, desk, ticketId, code) = await CalledTicketAsync(Q.Address);
        var response = await Q.ActAsync(staff, desk, ticketId, "finish",
            new { outcome = "callBack", customerNumber = ValidNationalNumber, customerName = "Amélie Lambert", notes = "Rappeler pour la preuve de domicile." });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contactId = (await response.ReadJsonAsync()).GetProperty("contactId").GetGuid();

        var ticket = app.Ticket(ticketId);
        Assert.Equal((TicketStatus.Served, VisitOutcome.CallBack, contactId), (ticket.Status, ticket.Outcome!.Value, ticket.ContactId!.Value));
        var contact = app.InScope(db => db.Set<Contact>().AsNoTracking().Single(c => c.Id == contactId));
        Assert.Equal(ContactChannel.Counter, contact.Channel);
        Assert.Equal(CustomerKind.Person, contact.CustomerKind);
        Assert.Equal("85073003328", contact.CustomerNumber);
        Assert.Equal("Amélie Lambert", contact.CustomerName);
        Assert.Equal(Q.Address, contact.ServiceId);
        Assert.NotNull(contact.UnitId); // the service's competent unit
        Assert.Equal(ContactOutcome.CallBackPromised, contact.Outcome);
        Assert.NotNull(contact.CallBackBy);
        Assert.StartsWith(code, contact.Subject, StringComparison.Ordinal);
        Assert.Equal(ticket.IssuedAt, contact.ReceivedAt);

        Assert.Equal(["welcome.ticket.served", "welcome.contact.received", "welcome.contact.call-back-promised"], app.Activities("contact", contactId));

        // An anonymous visit answered there and then is a contact too.
        var (staff2, desk2, ticket2, _) = await CalledTicketAsync(Q.Eid);
        var answered = await (await Q.ActAsync(staff2, desk2, ticket2, "finish", new { outcome = "answered" })).ReadJsonAsync();
        var anonymous = app.InScope(db => db.Set<Contact>().AsNoTracking().Single(c => c.Id == answered.GetProperty("contactId").GetGuid()));
        Assert.Equal((CustomerKind.Anonymous, ContactOutcome.Answered, 0), (anonymous.CustomerKind, anonymous.Outcome, anonymous.ResponseWorkingDays!.Value));
    }

    [Theory]
    [InlineData("85.07.30-033.29", "customerNumber:national-number-checksum")]
    [InlineData("12345", "customerNumber:national-number-format")]
    [InlineData("0203.201.341", "customerNumber:enterprise-number-checksum")]
    public async Task A_bad_customer_number_refuses_the_finish_with_a_clear_error_and_stores_neither_the_step_nor_the_contact(string number, string expected)
    {
        var (staff, desk, ticketId, _) = await CalledTicketAsync(Q.Eid);
        var before = Counts();
        var response = await Q.ActAsync(staff, desk, ticketId, "finish", new { outcome = "answered", customerNumber = number });
        var problem = await response.ProblemAsync();
        Assert.Equal((400, "validation-failed"), (problem.Status, problem.Code));
        Assert.Contains(expected, problem.Invalid);
        Assert.Equal(before, Counts());
        Assert.Equal(TicketStatus.Called, app.Ticket(ticketId).Status);
        Assert.Null(app.Ticket(ticketId).ContactId);

        // Corrected, it goes through.
        Assert.Equal(HttpStatusCode.OK, (await Q.ActAsync(staff, desk, ticketId, "finish", new { outcome = "answered", customerNumber = ValidNationalNumber })).StatusCode);
    }

    [Fact]
    public async Task The_desk_page_takes_the_customer_on_finish_shows_a_bad_number_next_to_its_field_and_links_to_the_contact()
    {
        var (_, desk, ticketId, _) = await CalledTicketAsync(Q.Passport);
        var (client, jar) = await app.SignInAsync(DemoAccounts.FrontOffice, language: null);
        var page = await Html.ParseAsync(await jar.GetAsync(client, $"/staff/queue/desks/{desk}?lang=fr"));
        Assert.NotNull(page.QuerySelector("#finish-number"));
        var before = Counts();

        var refused = await jar.PostFormAsync(client, $"/staff/queue/desks/{desk}?handler=finish", new Dictionary<string, string>
        {
            ["ticket"] = ticketId.ToString(), ["outcome"] = "answered", ["customerNumber"] = "85.07.30-033.29", ["customerName"] = "Amélie Lambert",
            ["__RequestVerificationToken"] = Html.Antiforgery(page),
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        page = await Html.ParseAsync(refused);
        Assert.Contains("registre national", page.QuerySelector(".error-summary a[href='#finish-number']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#finish-number")!.GetAttribute("aria-invalid"));
        Assert.Equal("Amélie Lambert", page.QuerySelector("#finish-name")!.GetAttribute("value")); // what was typed stays
        Assert.Equal(before, Counts());

        var finished = await jar.PostFormAsync(client, $"/staff/queue/desks/{desk}?handler=finish", new Dictionary<string, string>
        {
            ["ticket"] = ticketId.ToString(), ["outcome"] = "answered", ["customerNumber"] = ValidNationalNumber, ["customerName"] = "Amélie Lambert",
            ["__RequestVerificationToken"] = Html.Antiforgery(page),
        });
        Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        page = await Html.ParseAsync(await jar.GetAsync(client, finished.Headers.Location!.ToString()));
        var contactId = app.Ticket(ticketId).ContactId!.Value;
        Assert.Equal($"/staff/contacts/{contactId}", page.QuerySelector("#desk-contact-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_desk_page_refreshes_its_waiting_counts_by_itself()
    {
        app.NewDay();
        var desk = await app.NewDeskAsync(Q.Licence);
        var (client, jar) = await app.SignInAsync(DemoAccounts.FrontOffice, language: null);
        var page = await Html.ParseAsync(await jar.GetAsync(client, $"/staff/queue/desks/{desk}?lang=en"));
        var section = page.QuerySelector("#desk-waiting")!;
        var url = section.GetAttribute("data-refresh-url")!;
        Assert.NotNull(page.QuerySelector("script[src^='/js/queue-desk.js']"));

        int WaitingFor(AngleSharp.Dom.IParentNode html) =>
            int.Parse(html.QuerySelectorAll("tbody tr").Single(r => r.Children[0].TextContent == "D").Children[2].TextContent, System.Globalization.CultureInfo.InvariantCulture);
        var waiting = WaitingFor(await Html.ParseAsync(await jar.GetAsync(client, url)));
        await Q.IssueAsync(app.Client(), Q.Licence);
        await Q.IssueAsync(app.Client(), Q.Licence);
        var partial = await jar.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(waiting + 2, WaitingFor(await Html.ParseAsync(partial)));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync(url)).StatusCode); // staff only
    }

    [Fact]
    public async Task A_ticket_left_called_or_served_at_the_end_of_a_day_gives_its_desk_back_the_next_day_and_the_closing_is_recorded()
    {
        var (staff, desk, called, _) = await CalledTicketAsync(Q.Licence);
        app.NewDay();
        var (next, nextCode, _) = await Q.IssueAsync(app.Client(), Q.Licence);
        Assert.Equal(nextCode, await Q.CallNextCodeAsync(staff, desk)); // not desk-busy
        Assert.Equal(TicketStatus.NoShow, app.Ticket(called).Status);
        Assert.Equal(["welcome.ticket.issued", "welcome.ticket.called", "welcome.ticket.closed-at-day-end"], app.Activities("queue-ticket", called));

        // Served but never finished: closed as served, without an outcome, when the desk page opens.
        Assert.Equal(HttpStatusCode.OK, (await Q.ActAsync(staff, desk, next, "start")).StatusCode);
        app.NewDay();
        var (client, jar) = await app.SignInAsync(DemoAccounts.FrontOffice, language: null);
        var page = await Html.ParseAsync(await jar.GetAsync(client, $"/staff/queue/desks/{desk}?lang=en"));
        Assert.Null(page.QuerySelector("#desk-ticket-code"));
        var closed = app.Ticket(next);
        Assert.Equal((TicketStatus.Served, (VisitOutcome?)null), (closed.Status, closed.Outcome));
        Assert.Equal("welcome.ticket.closed-at-day-end", app.Activities("queue-ticket", next)[^1]);
    }

    // --- appointments and the queue ---

    /// The first free slots of a service (from now), on one local day with at least <paramref name="seats"/> free seats in all.
    private async Task<List<DateTimeOffset>> SlotsAsync(Guid service, int seats)
    {
        var slots = (await (await app.Client().GetAsync($"/api/v1/appointments/slots?service={service}")).ReadJsonAsync()).EnumerateArray()
            .Select(s => (Start: s.GetProperty("start").GetDateTimeOffset(), Free: s.GetProperty("free").GetInt32(), Day: s.GetProperty("localStart").GetDateTime().Date)).ToList();
        var day = slots.GroupBy(s => s.Day).First(g => g.Sum(s => s.Free) >= seats);
        return [.. day.SelectMany(s => Enumerable.Repeat(s.Start, s.Free)).Take(seats)];
    }

    private async Task<Guid> BookAsync(Guid service, DateTimeOffset start, string name) => (await BookWithTokenAsync(service, start, name)).Id;

    private async Task<(Guid Id, string Token)> BookWithTokenAsync(Guid service, DateTimeOffset start, string name) => await app.InScopeAsync(async sp =>
    {
        var booked = await sp.GetRequiredService<AppointmentBook>().BookAsync(new BookingRequest(service, start, name, $"client-{Guid.NewGuid():N}@example.be", null, "fr", null), default);
        Assert.True(booked.Ok, booked.Code);
        return (booked.Value!.Appointment.Id, booked.Value.Token);
    });

    private void MoveTo(DateTimeOffset instant)
    {
        var now = app.Clock.GetUtcNow();
        if (instant > now) app.Clock.Advance(instant - now);
    }

    [Fact]
    public async Task A_checked_in_appointment_gets_a_ticket_in_the_same_step_and_is_called_first_when_due_even_when_issued_after_others()
    {
        app.NewDay(); // no other test's tickets on the days ahead
        var slots = await SlotsAsync(Q.Eid, 4);
        var slot = slots[0];
        var due = await BookAsync(Q.Eid, slot, "Client à l'heure");
        var later = await BookAsync(Q.Eid, slots.First(s => s > slot), "Client plus tard");
        MoveTo(slot.AddMinutes(-30));
        var desk = await app.NewDeskAsync(Q.Eid);
        var kiosk = app.Client();
        var first = await Q.IssueAsync(kiosk, Q.Eid);
        var priority = await Q.IssueAsync(kiosk, Q.Eid, "reducedMobility");
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);

        // The later appointment checks in early: it gets a ticket, but is not due yet.
        var earlyCheckIn = await staff.PostAsync($"/api/v1/appointments/{later}/check-in", null);
        Assert.Equal(HttpStatusCode.OK, earlyCheckIn.StatusCode);
        var earlyCode = (await earlyCheckIn.ReadJsonAsync()).GetProperty("queueTicket").GetString()!;
        MoveTo(slot.AddMinutes(-2));
        var checkedIn = await staff.PostAsync($"/api/v1/appointments/{due}/check-in", null);
        Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
        var dueCode = (await checkedIn.ReadJsonAsync()).GetProperty("queueTicket").GetString()!;
        Assert.Matches("^A-\\d{3}$", dueCode);

        var appointment = app.InScope(db => db.Set<Appointment>().AsNoTracking().Single(a => a.Id == due));
        Assert.Equal((AppointmentStatus.CheckedIn, dueCode), (appointment.Status, appointment.QueueTicketCode));
        var ticket = app.Ticket(appointment.QueueTicketId!.Value);
        Assert.Equal((TicketStatus.Waiting, Q.Office, Q.Eid), (ticket.Status, ticket.OfficeId, ticket.ServiceId));
        var checkInEvent = app.InScope(db => db.Set<EventLogEntry>().AsNoTracking().Include(e => e.Objects)
            .Single(e => e.Activity == "welcome.appointment.checked-in" && e.Objects.Any(o => o.ObjectId == due.ToString())));
        Assert.Contains(checkInEvent.Objects, o => o.ObjectType == "queue-ticket" && o.ObjectId == ticket.Id.ToString());

        // Appointments due now, then priority tickets, then first come first served (the early one in its place).
        var order = new List<string>();
        while (await Q.CallNextAsync(staff, desk) is { StatusCode: HttpStatusCode.OK } response)
        {
            var called = await response.ReadJsonAsync();
            order.Add(called.GetProperty("code").GetString()!);
            await Q.ActAsync(staff, desk, called.GetProperty("id").GetGuid(), "finish", new { outcome = "answered" });
        }
        Assert.Equal(dueCode, order[0]);
        Assert.Equal([dueCode, priority.Code, first.Code, earlyCode], order.Where(c => c == dueCode || c == priority.Code || c == first.Code || c == earlyCode).ToList());

        // The day page shows the ticket number.
        var (client, jar) = await app.SignInAsync(DemoAccounts.FrontOffice, language: null);
        var date = Guichet.Platform.Calendar.BrusselsTime.LocalDate(slot).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await Html.ParseAsync(await jar.GetAsync(client, $"/staff/appointments?channel={AppointmentsDemoSeeder.TownHallCounter}&date={date}&lang=fr"));
        Assert.Contains(page.QuerySelectorAll("td.appointment-ticket"), td => td.TextContent == dueCode);
    }

    [Fact]
    public async Task A_double_check_in_checks_in_once_and_issues_one_ticket()
    {
        var slot = (await SlotsAsync(Q.Passport, 1))[0];
        var id = await BookAsync(Q.Passport, slot, "Double clic");
        var (tickets, events) = app.InScope(db => (db.Set<QueueTicket>().Count(), db.Set<EventLogEntry>().Count(e => e.Activity == "welcome.appointment.checked-in")));
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var other = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var answers = await Task.WhenAll(staff.PostAsync($"/api/v1/appointments/{id}/check-in", null), other.PostAsync($"/api/v1/appointments/{id}/check-in", null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order().ToList());
        Assert.Equal((tickets + 1, events + 1), app.InScope(db => (db.Set<QueueTicket>().Count(), db.Set<EventLogEntry>().Count(e => e.Activity == "welcome.appointment.checked-in"))));
    }

    [Fact]
    public async Task Checking_in_where_no_queue_takes_the_service_still_works_and_says_no_ticket_was_issued()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var office = (await (await admin.GetAsync("/api/v1/queue/offices")).ReadJsonAsync()).EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == Q.Office);
        var lines = office.GetProperty("services").EnumerateArray().Select(l => new { serviceId = l.GetProperty("serviceId").GetGuid(), letter = l.GetProperty("letter").GetString() }).ToList();
        var slot = (await SlotsAsync(Q.Licence, 1))[0];
        var id = await BookAsync(Q.Licence, slot, "Marie Dubois");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/queue/offices/{Q.Office}/services", JsonBody(new { services = lines.Where(l => l.serviceId != Q.Licence) }))).StatusCode);
        try
        {
            var tickets = app.InScope(db => db.Set<QueueTicket>().Count());
            var (client, jar) = await app.SignInAsync(DemoAccounts.FrontOffice, language: null);
            var date = Guichet.Platform.Calendar.BrusselsTime.LocalDate(slot).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var page = await Html.ParseAsync(await jar.GetAsync(client, $"/staff/appointments?channel={AppointmentsDemoSeeder.TownHallCounter}&date={date}&lang=en"));
            var form = page.QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.Contains($"handler=checkIn&id={id}", StringComparison.Ordinal));
            var after = await Html.ParseAsync(await jar.PostFormAsync(client, form.GetAttribute("action")!, [new("__RequestVerificationToken", Html.Antiforgery(page))]));
            Assert.Contains("Marie Dubois has checked in. No ticket was issued", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
            var appointment = app.InScope(db => db.Set<Appointment>().AsNoTracking().Single(a => a.Id == id));
            Assert.Equal((AppointmentStatus.CheckedIn, (Guid?)null), (appointment.Status, appointment.QueueTicketId));
            Assert.Equal(tickets, app.InScope(db => db.Set<QueueTicket>().Count()));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/queue/offices/{Q.Office}/services", JsonBody(new { services = lines }))).StatusCode);
        }
    }

    // --- the wait on the public service page ---

    [Fact]
    public async Task The_public_service_page_shows_the_wait_now_at_a_counter_with_an_open_desk_and_nothing_without_an_estimate()
    {
        app.NewDay();
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var desk = await app.NewDeskAsync(Q.Passport);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/queue/desks/{desk}/open", null)).StatusCode);
        await Q.IssueAsync(app.Client(), Q.Passport);
        await Q.IssueAsync(app.Client(), Q.Passport);

        var fr = await Html.ParseAsync(await app.Client().GetAsync("/services/hautrival-passport?lang=fr"));
        Assert.Matches(new Regex("^Attente au guichet : environ \\d+ minutes? en ce moment\\.$"), fr.QuerySelector(".channel__wait")!.TextContent.Trim());
        var nl = await Html.ParseAsync(await app.Client().GetAsync("/services/hautrival-passport?lang=nl"));
        Assert.Contains("Wachttijd aan het loket", nl.QuerySelector(".channel__wait")!.TextContent, StringComparison.Ordinal);

        // A service no queue takes: nothing about waiting.
        var other = await Html.ParseAsync(await app.Client().GetAsync("/services/hautrival-integration-income?lang=fr"));
        Assert.NotNull(other.QuerySelector("h1"));
        Assert.Null(other.QuerySelector(".channel__wait"));

        // No desk open for the service: no honest estimate, nothing shown.
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/queue/desks/{desk}/close", null)).StatusCode);
        var open = (await (await app.Client().GetAsync($"/api/v1/queue/estimates?service={Q.Passport}")).ReadJsonAsync()).EnumerateArray().Single().GetProperty("openDesks").GetInt32();
        if (open == 0) Assert.Null((await Html.ParseAsync(await app.Client().GetAsync("/services/hautrival-passport?lang=fr"))).QuerySelector(".channel__wait"));
    }

    // --- missed appointments and waits, for managers ---

    [Fact]
    public async Task Managers_see_missed_appointments_and_queue_waits_per_counter_and_service_over_a_period()
    {
        app.NewDay(); // no other test's passport tickets on the days ahead
        var seats = await SlotsAsync(Q.Passport, 4);
        var booked = new List<(Guid Id, string Token)>();
        for (var i = 0; i < 4; i++) booked.Add(await BookWithTokenAsync(Q.Passport, seats[i], "Client " + i));
        var ids = booked.Select(b => b.Id).ToList();
        var staff = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().PostAsync($"/api/v1/appointments/manage/{booked[3].Token}/cancel", null)).StatusCode);
        // Just after the last start, while the counter is still open (the kiosk issues tickets only then).
        MoveTo(seats.Max().AddMinutes(5));
        var day = Guichet.Platform.Calendar.BrusselsTime.LocalDate(seats[0]);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/appointments/{ids[0]}/check-in", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/appointments/{ids[1]}/no-show", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/appointments/{ids[2]}/no-show", null)).StatusCode);

        // The checked-in customer's ticket is served after a wait; a kiosk ticket's customer does not come.
        var desk = await app.NewDeskAsync(Q.Passport);
        var walkIn = await Q.IssueAsync(app.Client(), Q.Passport);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var firstCall = await (await Q.CallNextAsync(staff, desk)).ReadJsonAsync();
        await Q.ActAsync(staff, desk, firstCall.GetProperty("id").GetGuid(), "finish", new { outcome = "answered" });
        var secondCall = await (await Q.CallNextAsync(staff, desk)).ReadJsonAsync();
        Assert.Equal(walkIn.Id, secondCall.GetProperty("id").GetGuid());
        await Q.ActAsync(staff, desk, walkIn.Id, "no-show");

        var manager = await app.ClientAsAsync(DemoAccounts.Manager);
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await manager.GetAsync($"/api/v1/queue/statistics?from={date}&to={date}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var row = body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("serviceId").GetGuid() == Q.Passport
            && r.GetProperty("channelId").GetGuid() == AppointmentsDemoSeeder.TownHallCounter);
        var appointments = row.GetProperty("appointments");
        Assert.Equal((4, 1, 2, 1), (appointments.GetProperty("booked").GetInt32(), appointments.GetProperty("checkedIn").GetInt32(),
            appointments.GetProperty("noShow").GetInt32(), appointments.GetProperty("cancelled").GetInt32()));
        Assert.Equal(0.667, appointments.GetProperty("noShowRate").GetDouble(), 3);
        var tickets = row.GetProperty("tickets");
        Assert.Equal((2, 1, 1), (tickets.GetProperty("issued").GetInt32(), tickets.GetProperty("served").GetInt32(), tickets.GetProperty("noShow").GetInt32()));
        Assert.True(tickets.GetProperty("medianWaitMinutes").GetDouble() >= 6);
        Assert.True(tickets.GetProperty("p90WaitMinutes").GetDouble() >= tickets.GetProperty("medianWaitMinutes").GetDouble());

        // The page, for managers.
        var (client, jar) = await app.SignInAsync(DemoAccounts.Manager, language: null);
        var page = await Html.ParseAsync(await jar.GetAsync(client, $"/staff/queue/statistics?from={date}&to={date}&lang=fr"));
        Assert.Contains(page.QuerySelectorAll("#queue-statistics tbody tr"), tr => tr.TextContent.Contains("67", StringComparison.Ordinal));
        var defaultPeriod = await jar.GetAsync(client, "/staff/queue/statistics?lang=en");
        Assert.Equal(HttpStatusCode.OK, defaultPeriod.StatusCode);
    }

    [Theory]
    [InlineData("from=2026-10-10&to=2026-10-01", "to:before-from")]
    [InlineData("from=2025-01-01&to=2026-10-01", "to:range-too-long")]
    [InlineData("from=10/01/2026", "from:date-format")]
    [InlineData("to=2026-02-30", "to:date-format")]
    public async Task A_bad_statistics_period_is_refused_with_a_clear_error(string query, string expected)
    {
        var manager = await app.ClientAsAsync(DemoAccounts.Manager);
        var problem = await (await manager.GetAsync("/api/v1/queue/statistics?" + query)).ProblemAsync();
        Assert.Equal((400, "validation-failed"), (problem.Status, problem.Code));
        Assert.Equal([expected], problem.Invalid);

        var (client, jar) = await app.SignInAsync(DemoAccounts.Manager, language: null);
        var page = await jar.GetAsync(client, "/staff/queue/statistics?lang=en&" + query);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await Html.ParseAsync(page);
        Assert.NotNull(html.QuerySelector($".error-summary a[href='#{expected.Split(':')[0]}']"));
        Assert.Null(html.QuerySelector("#queue-statistics"));
    }

    [Fact]
    public async Task Counter_statistics_are_for_managers_and_admins_only()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync(DemoAccounts.FrontOffice)).GetAsync("/api/v1/queue/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/v1/queue/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsAsync(DemoAccounts.Admin)).GetAsync("/api/v1/queue/statistics")).StatusCode);
    }
}
