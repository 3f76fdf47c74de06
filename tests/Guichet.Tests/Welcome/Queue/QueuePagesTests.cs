using System.Net;
using Guichet.Tests.Support;
using Guichet.Welcome.Queue;

namespace Guichet.Tests.Welcome.Queue;

public sealed class QueuePagesTests(QueueApp app) : IClassFixture<QueueApp>
{
    [Fact]
    public async Task The_kiosk_issues_a_printable_ticket_with_a_qr_code_whose_page_shows_the_wait_in_the_kiosks_language()
    {
        app.NewDay();
        var client = app.Client();
        var jar = new CookieJar();
        var start = await Html.ParseAsync(await jar.GetAsync(client, $"/queue/offices/{Q.Office}/kiosk?lang=nl"));
        Assert.Equal("Neem een ticket", start.QuerySelector("h1")!.TextContent);
        var choice = start.QuerySelectorAll("a.kiosk-button").Single(a => a.GetAttribute("href")!.Contains(Q.Passport.ToString(), StringComparison.Ordinal));
        var priority = await Html.ParseAsync(await jar.GetAsync(client, choice.GetAttribute("href")!.Replace("&amp;", "&", StringComparison.Ordinal)));
        Assert.Equal(4, priority.QuerySelectorAll("button[name=priority]").Length);

        var posted = await jar.PostFormAsync(client, $"/queue/offices/{Q.Office}/kiosk?lang=nl", new Dictionary<string, string>
        {
            ["service"] = Q.Passport.ToString(),
            ["priority"] = "reducedMobility",
            ["__RequestVerificationToken"] = Html.Antiforgery(priority),
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.ToString();
        Assert.StartsWith("/queue/tickets/", location, StringComparison.Ordinal);
        Assert.Contains("kiosk=true", location, StringComparison.Ordinal);

        var ticketResponse = await jar.GetAsync(client, location);
        Assert.Equal("no-referrer", ticketResponse.Headers.GetValues("Referrer-Policy").Single());
        var ticket = await Html.ParseAsync(ticketResponse);
        Assert.Equal("B-001", ticket.QuerySelector(".ticket__code")!.TextContent);
        Assert.Contains("Er is niemand voor u.", ticket.QuerySelector("#ticket-status")!.TextContent, StringComparison.Ordinal);
        var svg = ticket.QuerySelector(".ticket__qr svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("B-001", svg.GetAttribute("aria-label"), StringComparison.Ordinal);

        // On the phone (no language cookie yet): in the kiosk's language, without the kiosk's buttons.
        var token = location.Split('?')[0]["/queue/tickets/".Length..];
        var phone = await app.Client().GetAsync($"/queue/tickets/{token}");
        Assert.Equal(HttpStatusCode.Redirect, phone.StatusCode);
        Assert.EndsWith("?lang=nl", phone.Headers.Location!.ToString(), StringComparison.Ordinal);
        var status = await (await client.GetAsync($"/queue/tickets/{token}/status?lang=en")).ReadJsonAsync();
        Assert.Equal(("B-001", "waiting", 0), (status.GetProperty("code").GetString(), status.GetProperty("status").GetString(), status.GetProperty("ahead").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/queue/tickets/not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/queue/tickets/{new string('a', 43)}")).StatusCode);
    }

    [Fact]
    public async Task A_tampered_kiosk_form_gets_an_error_page_and_stores_no_ticket()
    {
        var client = app.Client();
        var jar = new CookieJar();
        var page = await Html.ParseAsync(await jar.GetAsync(client, $"/queue/offices/{Q.Office}/kiosk?service={Q.Eid}&lang=fr"));
        var before = app.Counts();
        var posted = await jar.PostFormAsync(client, $"/queue/offices/{Q.Office}/kiosk?lang=fr", new Dictionary<string, string>
        {
            ["service"] = Q.IntegrationIncome.ToString(),
            ["priority"] = "none",
            ["__RequestVerificationToken"] = Html.Antiforgery(page),
        });
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("n'a pas pu être émis", (await Html.ParseAsync(posted)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, app.Counts());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/queue/offices/{Guid.NewGuid()}/kiosk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/queue/offices/{Q.Office}/kiosk?service={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_front_office_calls_and_finishes_on_the_desk_page_and_sees_why_a_step_is_refused()
    {
        app.NewDay();
        var (_, code, _) = await Q.IssueAsync(app.Client(), Q.Address);
        var (client, jar) = await app.SignInAsync(DemoAccounts.FrontOffice, language: null);
        var desk = Guichet.Welcome.Queue.Demo.QueueDemoSeeder.Desk(3);

        var index = await Html.ParseAsync(await jar.GetAsync(client, "/staff/queue?lang=en"));
        Assert.NotNull(index.QuerySelector($"a[href='/staff/queue/desks/{desk}']"));

        var page = await Html.ParseAsync(await jar.GetAsync(client, $"/staff/queue/desks/{desk}?lang=en"));
        var called = await jar.PostFormAsync(client, $"/staff/queue/desks/{desk}?handler=call", new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.Antiforgery(page) });
        Assert.Equal(HttpStatusCode.Redirect, called.StatusCode);
        page = await Html.ParseAsync(await jar.GetAsync(client, called.Headers.Location!.ToString()));
        Assert.Equal(code, page.QuerySelector("#desk-ticket-code")!.TextContent);
        Assert.Contains($"Ticket {code} is called.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var ticketId = page.QuerySelector("input[name=ticket]")!.GetAttribute("value")!;

        // Finishing without an outcome: the reason, in the page's language; nothing changes.
        var refused = await jar.PostFormAsync(client, $"/staff/queue/desks/{desk}?handler=finish", new Dictionary<string, string>
        {
            ["ticket"] = ticketId,
            ["__RequestVerificationToken"] = Html.Antiforgery(page),
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        page = await Html.ParseAsync(refused);
        Assert.Contains("Choose how the visit ended.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Called, app.Ticket(Guid.Parse(ticketId)).Status);

        var finished = await jar.PostFormAsync(client, $"/staff/queue/desks/{desk}?handler=finish", new Dictionary<string, string>
        {
            ["ticket"] = ticketId,
            ["outcome"] = "routed",
            ["__RequestVerificationToken"] = Html.Antiforgery(page),
        });
        page = await Html.ParseAsync(await jar.GetAsync(client, finished.Headers.Location!.ToString()));
        Assert.Null(page.QuerySelector("#desk-ticket-code"));
        Assert.Equal((TicketStatus.Served, VisitOutcome.Routed), (app.Ticket(Guid.Parse(ticketId)).Status, app.Ticket(Guid.Parse(ticketId)).Outcome!.Value));

        // Nobody left: said as news, not as an error.
        var empty = await jar.PostFormAsync(client, $"/staff/queue/desks/{desk}?handler=call", new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.Antiforgery(page) });
        page = await Html.ParseAsync(await jar.GetAsync(client, empty.Headers.Location!.ToString()));
        Assert.Contains("Nobody is waiting for this desk.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[role=alert]"));

        // Without the antiforgery token nothing happens; the set-up pages are for admins.
        var forged = await jar.PostFormAsync(client, $"/staff/queue/desks/{desk}?handler=call", []);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await jar.GetAsync(client, "/staff/queue/offices")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync($"/staff/queue/desks/{desk}")).StatusCode);
    }

    [Fact]
    public async Task Admins_set_up_services_and_desks_on_the_office_page_and_bad_letters_are_shown_next_to_their_row()
    {
        var (client, jar) = await app.SignInAsync(DemoAccounts.Admin, language: null);
        var page = await Html.ParseAsync(await jar.GetAsync(client, $"/staff/queue/offices/{Q.Office}?lang=en"));
        Assert.Equal("A", page.QuerySelector($"#letter-{Q.Eid}")!.GetAttribute("value"));
        var before = app.InScope(db => db.Set<OfficeService>().Count());

        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Html.Antiforgery(page)),
            new("take", Q.Eid.ToString()), new($"letter-{Q.Eid}", "A"),
            new("take", Q.Passport.ToString()), new($"letter-{Q.Passport}", "A"),
        };
        var refused = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, $"/staff/queue/offices/{Q.Office}?handler=services&lang=en") { Content = new FormUrlEncodedContent(form) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await Html.ParseAsync(refused);
        Assert.Contains("each letter and each service only once", errors.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(errors.QuerySelector($".error-summary a[href='#letter-{Q.Passport}']"));
        Assert.Equal(before, app.InScope(db => db.Set<OfficeService>().Count()));

        var added = await jar.PostFormAsync(client, $"/staff/queue/offices/{Q.Office}?handler=adddesk", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Antiforgery(page),
            ["number"] = "42",
            ["services"] = Q.Licence.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal([Q.Licence], app.InScope(db => db.Set<QueueDesk>().Single(d => d.OfficeId == Q.Office && d.Number == 42).ServiceIds));
    }
}
