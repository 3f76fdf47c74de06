using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Guichet.Follow.Complaints;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.EventLog;
using Guichet.Platform.Outbox;
using Guichet.Tests.Support;
using Guichet.Welcome.Contacts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Follow.Complaints;

/// Complaints on Monday 2 November 2026 (Armistice Day, Wednesday 11 November, is a legal
/// holiday in between), with mail going to the smtp4dev server of the test script.
public sealed class ComplaintsApp : GuichetApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        TestMailServer.UseIn(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task<int> DispatchAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
}

public sealed class ComplaintsTests(ComplaintsApp app) : IClassFixture<ComplaintsApp>
{
    private static readonly Guid UrbanPlanning = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-urban-planning");
    private static readonly Guid CitizenServices = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-citizen-services");

    private (int Complaints, int Contacts, int Mails) Counts() =>
        app.InScope(db => (db.Set<Complaint>().Count(), db.Set<Contact>().Count(), db.Set<OutboxMessage>().Count()));

    private static object ByLetter(string marker, Guid? unitId = null, string? caseNumber = null, Guid? serviceId = null, string? email = null, DateTimeOffset? receivedAt = null) => new
    {
        channel = "letter", receivedAt, customerKind = "person", customerNumber = "85.07.30-033.28", customerName = "Marc Lambert", email,
        address = "Rue Haute 12, 4000 Liège", language = "fr", category = "delay", subject = "Aucune réponse " + marker,
        description = "J'attends depuis deux mois une réponse à mon courrier.", unitId, caseNumber, serviceId,
    };

    private async Task<JsonElement> RegisterAsync(HttpClient client, object body)
    {
        var response = await client.PostAsync("/api/v1/complaints", JsonBody(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("complaint");
    }

    [Fact]
    public async Task A_letter_registered_through_the_API_is_a_complaint_and_a_contact_with_its_deadlines_from_the_calendar_and_a_printed_acknowledgement()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var before = Counts();
        var response = await admin.PostAsync("/api/v1/complaints", JsonBody(ByLetter(marker, UrbanPlanning)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        var complaint = json.GetProperty("complaint");
        Assert.Matches(new Regex(@"^K-2026-\d{6}$"), complaint.GetProperty("number").GetString());
        // Ten working days from Monday 2 November, skipping Wednesday 11 November; thirty calendar days.
        Assert.Equal("2026-11-17", complaint.GetProperty("acknowledgeBy").GetString());
        Assert.Equal("2026-12-02", complaint.GetProperty("answerBy").GetString());
        Assert.Equal("running", complaint.GetProperty("acknowledgementState").GetString());
        Assert.False(complaint.TryGetProperty("acknowledgedOn", out var acknowledged) && acknowledged.ValueKind != JsonValueKind.Null);
        Assert.StartsWith("https://localhost/complaint/track/", json.GetProperty("trackingUrl").GetString());
        Assert.Equal((before.Complaints + 1, before.Contacts + 1, before.Mails), Counts()); // no e-mail address: no mail

        var id = Guid.Parse(complaint.GetProperty("id").GetString()!);
        var contactId = Guid.Parse(complaint.GetProperty("contactId").GetString()!);
        var contact = app.InScope(db => db.Set<Contact>().Single(c => c.Id == contactId));
        Assert.Equal(ContactChannel.Letter, contact.Channel);
        Assert.Contains(marker, contact.Subject);
        Assert.Equal(["follow.complaint.registered"], app.Activities("complaint", id));
        Assert.Contains("welcome.contact.received", app.Activities("contact", contactId));

        // Without e-mail, the acknowledgement is a letter: printing it acknowledges the complaint, once.
        var letter = await admin.PostAsync($"/api/v1/complaints/{id}/acknowledgement-letter", null);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        var html = await letter.Content.ReadAsStringAsync();
        Assert.Contains(complaint.GetProperty("number").GetString()!, html);
        Assert.Contains("/complaint/track/", html);
        await admin.PostAsync($"/api/v1/complaints/{id}/acknowledgement-letter", null);
        var stored = app.InScope(db => db.Set<Complaint>().Single(c => c.Id == id));
        Assert.Equal(new DateOnly(2026, 11, 2), stored.AcknowledgedOn);
        Assert.Equal(AcknowledgementChannel.Letter, stored.AcknowledgedBy);
        Assert.Equal(1, app.Activities("complaint", id).Count(a => a == "follow.complaint.acknowledged"));
    }

    private static MultipartFormDataContent Form(string token, Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }
        return form;
    }

    private async Task<(CookieJar Jar, HttpClient Client, string Token)> OpenFormAsync(string language)
    {
        var jar = new CookieJar();
        var client = app.Client();
        var response = await jar.GetAsync(client, "/complaint?lang=" + language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (jar, client, Html.Antiforgery(await Html.ParseAsync(response)));
    }

    [Theory]
    [InlineData("fr", "Nous avons reçu votre plainte", "Votre plainte")]
    [InlineData("nl", "Wij hebben uw klacht ontvangen", "Uw klacht")]
    public async Task The_public_form_registers_a_complaint_whose_acknowledgement_reaches_the_customer(string language, string subject, string trackTitle)
    {
        var (jar, client, token) = await OpenFormAsync(language);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var email = $"klager-{marker}@example.be";
        var before = Counts();
        var files = app.InScope(db => db.Set<ComplaintAttachment>().Count());
        var sent = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/complaint")
        {
            Content = Form(token, new()
            {
                ["category"] = "attitude", ["subject"] = "Accueil " + marker, ["description"] = "Le guichetier a refusé de m'écouter.",
                ["name"] = "Nadia Peeters", ["email"] = email,
            }, ("photo.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\nticket\n%%EOF"))),
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal((before.Complaints + 1, before.Contacts + 1, before.Mails + 1), Counts());
        Assert.Equal(files + 1, app.InScope(db => db.Set<ComplaintAttachment>().Count()));
        var complaint = app.InScope(db => db.Set<Complaint>().Single(c => c.Subject.Contains(marker)));
        Assert.Equal(language, complaint.Language);
        Assert.Equal(ContactChannel.WebForm, complaint.Channel);
        Assert.Equal(CustomerKind.Anonymous, complaint.CustomerKind);
        Assert.Equal(new DateOnly(2026, 11, 2), complaint.AcknowledgedOn); // the mail is queued with the complaint

        var track = await Html.ParseAsync(await jar.GetAsync(client, sent.Headers.Location!.ToString()));
        Assert.Equal(trackTitle, track.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(complaint.Number, track.Body!.TextContent);

        // Through the outbox to the real mail server; the acknowledgement is recorded when it leaves.
        while (await app.DispatchAsync() > 0) { }
        var mail = await TestMailServer.FetchAsync(m => m.Subject == $"{subject} ({(language == "fr" ? "numéro" : "nummer")} {complaint.Number})", "complaint acknowledgement");
        Assert.Contains(email, mail.To.ToString());
        Assert.Contains("/complaint/track/", mail.TextBody);
        Assert.Equal(["follow.complaint.registered", "follow.complaint.acknowledged"], app.Activities("complaint", complaint.Id));
    }

    [Fact]
    public async Task The_public_form_refuses_missing_fields_and_a_robot_and_stores_nothing()
    {
        var (jar, client, token) = await OpenFormAsync("nl");
        var before = Counts();
        var empty = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/complaint") { Content = Form(token, new() { ["caseNumber"] = "2099-99999" }) });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var page = await Html.ParseAsync(empty);
        Assert.Contains("Kies het soort klacht", page.QuerySelector(".error-summary")!.TextContent);
        var robot = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/complaint")
        {
            Content = Form(token, new() { ["category"] = "other", ["subject"] = "spam", ["description"] = "spam", ["name"] = "Bot", ["email"] = "bot@example.be", ["website"] = "http://spam" }),
        });
        Assert.Equal(HttpStatusCode.OK, robot.StatusCode);
        var unknownCase = await jar.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/complaint")
        {
            Content = Form(token, new() { ["category"] = "delay", ["subject"] = "Dossier", ["description"] = "Te traag", ["name"] = "Jan", ["email"] = "jan@example.be", ["caseNumber"] = "2099-99999" }),
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknownCase.StatusCode);
        Assert.Contains("Geen dossier heeft dit nummer", (await Html.ParseAsync(unknownCase)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task An_unknown_case_or_service_is_refused_and_nothing_is_stored_not_even_a_number()
    {
        var admin = await app.ClientAsAsync(DemoAccounts.Admin);
        var first = await RegisterAsync(admin, ByLetter("a"));
        var before = Counts();
        var unknownCase = await (await admin.PostAsync("/api/v1/complaints", JsonBody(ByLetter("b", caseNumber: "2099-99999")))).ProblemAsync();
        Assert.Equal(400, unknownCase.Status);
        Assert.Contains("caseNumber:unknown-case", unknownCase.Invalid);
        var unknownService = await (await admin.PostAsync("/api/v1/complaints", JsonBody(ByLetter("c", serviceId: Guid.NewGuid())))).ProblemAsync();
        Assert.Equal(400, unknownService.Status);
        Assert.Contains("serviceId:unknown-service", unknownService.Invalid);
        var badNumber = await (await admin.PostAsync("/api/v1/complaints", JsonBody(new { channel = "phone", customerKind = "person", customerNumber = "12345678901", category = "nonsense", subject = "x", description = "y" }))).ProblemAsync();
        Assert.Contains("customerNumber", badNumber.InvalidNames);
        Assert.Contains("category:unknown-code", badNumber.Invalid);
        Assert.Equal(before, Counts());

        // The refused registrations took no number: the register has no gaps.
        var next = await RegisterAsync(admin, ByLetter("d"));
        var n = (JsonElement j) => int.Parse(j.GetProperty("number").GetString()![7..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(n(first) + 1, n(next));
    }

    [Fact]
    public async Task An_answer_without_reasons_or_without_the_second_line_is_refused_and_nothing_is_stored()
    {
        var officer = await app.ClientAsAsync(DemoAccounts.Complaints);
        var complaint = await RegisterAsync(officer, ByLetter("answer", UrbanPlanning, email: $"answer-{Guid.NewGuid():N}@example.be"));
        var id = complaint.GetProperty("id").GetString();
        var mails = Counts().Mails;

        var noReasons = await (await officer.PostAsync($"/api/v1/complaints/{id}/answer", JsonBody(new { outcome = "founded", reasons = " ", secondLine = "Le Médiateur fédéral" }))).ProblemAsync();
        Assert.Equal((422, "complaint-answer-reasons-missing"), (noReasons.Status, noReasons.Code));
        var noSecondLine = await (await officer.PostAsync($"/api/v1/complaints/{id}/answer", JsonBody(new { outcome = "founded", reasons = "Le délai n'a pas été respecté." }))).ProblemAsync();
        Assert.Equal((422, "complaint-second-line-missing"), (noSecondLine.Status, noSecondLine.Code));
        var badOutcome = await (await officer.PostAsync($"/api/v1/complaints/{id}/answer", JsonBody(new { outcome = "maybe", reasons = "r", secondLine = "s" }))).ProblemAsync();
        Assert.Contains("outcome:unknown-code", badOutcome.Invalid);
        var stored = app.InScope(db => db.Set<Complaint>().AsNoTracking().Single(c => c.Id == Guid.Parse(id!)));
        Assert.Null(stored.AnsweredOn);
        Assert.Null(stored.Reasons);
        Assert.Equal(mails, Counts().Mails);
        Assert.DoesNotContain("follow.complaint.answered", app.Activities("complaint", stored.Id));

        // Assigned, the unit's view asked and given, then answered: one event each.
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var officerId = app.InScope(db => db.Set<Guichet.Platform.Identity.StaffUser>().Single(u => u.Email == DemoAccounts.Complaints).Id);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/complaints/{id}/assignment", JsonBody(new { officerId, unitId = UrbanPlanning }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsync($"/api/v1/complaints/{id}/answer", JsonBody(new { outcome = "founded", reasons = "r", secondLine = "s" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/complaints/{id}/view-request", JsonBody(new { question = "Pourquoi ce retard ?" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsync($"/api/v1/complaints/{id}/view", JsonBody(new { view = "Un agent était malade." }))).StatusCode);
        var answered = await officer.PostAsync($"/api/v1/complaints/{id}/answer", JsonBody(new
        {
            outcome = "partlyFounded", reasons = "Le délai n'a pas été respecté, mais la demande était incomplète.", measures = "Un remplaçant est désigné.",
            secondLine = "Le Médiateur fédéral, rue de Louvain 48 boîte 6, 1000 Bruxelles.",
        }));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("answered", (await answered.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(mails + 1, Counts().Mails);
        Assert.Equal(409, (await (await officer.PostAsync($"/api/v1/complaints/{id}/answer", JsonBody(new { outcome = "founded", reasons = "r", secondLine = "s" }))).ProblemAsync()).Status);
        Assert.Equal(["follow.complaint.registered", "follow.complaint.assigned", "follow.complaint.view-asked", "follow.complaint.view-given", "follow.complaint.answered"],
            app.Activities("complaint", stored.Id).Where(a => a.StartsWith("follow.complaint.", StringComparison.Ordinal) && a != "follow.complaint.viewed").ToList());
    }

    [Fact]
    public async Task Unit_staff_see_only_their_units_complaints_and_officers_see_all()
    {
        var front = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var ours = (await RegisterAsync(front, ByLetter("ours", UrbanPlanning))).GetProperty("id").GetString();
        var theirs = (await RegisterAsync(front, ByLetter("theirs", CitizenServices))).GetProperty("id").GetString();
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync($"/api/v1/complaints/{ours}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/api/v1/complaints/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.PostAsync($"/api/v1/complaints/{theirs}/view", JsonBody(new { view = "x" }))).StatusCode);
        var list = (await (await handler.GetAsync("/api/v1/complaints")).ReadJsonAsync()).EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains(ours, list);
        Assert.DoesNotContain(theirs, list);
        var officer = await app.ClientAsAsync(DemoAccounts.Complaints);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/complaints/{theirs}")).StatusCode);
        Assert.Contains("follow.complaint.viewed", app.Activities("complaint", Guid.Parse(theirs!)));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync(DemoAccounts.Editor)).GetAsync("/api/v1/complaints")).StatusCode);
    }

    [Fact]
    public async Task Front_office_staff_turn_a_contact_into_a_complaint_once_through_the_API_or_the_page()
    {
        var front = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        async Task<string> ContactAsync(string marker) => (await (await front.PostAsync("/api/v1/contacts", JsonBody(new
        {
            channel = "phone", customerKind = "person", customerName = "Luc Martin", language = "nl", subject = "Klacht over de wachttijd " + marker,
        }))).ReadJsonAsync()).GetProperty("id").GetString()!;
        var contactId = await ContactAsync("api");
        var before = Counts();
        var made = await front.PostAsync($"/api/v1/contacts/{contactId}/complaint", JsonBody(new { category = "delay", description = "Veertig minuten gewacht aan de telefoon." }));
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var complaint = (await made.ReadJsonAsync()).GetProperty("complaint");
        Assert.Equal(contactId, complaint.GetProperty("contactId").GetString());
        Assert.Equal("phone", complaint.GetProperty("channel").GetString());
        Assert.Equal("nl", complaint.GetProperty("language").GetString());
        Assert.Equal((before.Complaints + 1, before.Contacts), (Counts().Complaints, Counts().Contacts));
        var again = await (await front.PostAsync($"/api/v1/contacts/{contactId}/complaint", JsonBody(new { category = "delay", description = "Nog eens." }))).ProblemAsync();
        Assert.Equal((409, "contact-already-complaint"), (again.Status, again.Code));
        Assert.Equal(404, (await (await front.PostAsync($"/api/v1/contacts/{Guid.NewGuid()}/complaint", JsonBody(new { category = "delay", description = "x" }))).ProblemAsync()).Status);

        // The same from the contact page's link, in the browser's way.
        var session = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var pageContact = await ContactAsync("page");
        var contactPage = await session.PageAsync($"/staff/contacts/{pageContact}");
        Assert.NotNull(contactPage.QuerySelector($"a[href='/staff/complaints/from-contact/{pageContact}']"));
        var form = await session.PageAsync($"/staff/complaints/from-contact/{pageContact}");
        var refused = await session.SubmitAsync(form, "form[method=post]", new Dictionary<string, string> { ["description"] = "Te lang gewacht." }, $"/staff/complaints/from-contact/{pageContact}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var posted = await session.SubmitAsync(form, "form[method=post]", new Dictionary<string, string> { ["category"] = "delay", ["description"] = "Te lang gewacht." }, $"/staff/complaints/from-contact/{pageContact}");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/staff/complaints/", posted.Headers.Location!.ToString());
        Assert.Equal(before.Complaints + 2, Counts().Complaints);
    }

    [Fact]
    public async Task The_work_list_shows_a_breached_acknowledgement_and_the_complaint_page_answers_in_the_staff_language()
    {
        var officer = await app.ClientAsAsync(DemoAccounts.Complaints);
        // Received on Monday 12 October: ten working days ran out on Monday 26 October.
        var late = await RegisterAsync(officer, ByLetter("late", UrbanPlanning, receivedAt: new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-10-26", late.GetProperty("acknowledgeBy").GetString());
        Assert.Equal("breached", late.GetProperty("acknowledgementState").GetString());
        Assert.Equal("2026-11-12", late.GetProperty("answerBy").GetString()); // 11 November is a holiday: the next working day

        var session = await app.SignedInAsync(DemoAccounts.Complaints, "nl");
        var list = await session.PageAsync("/staff/complaints");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(late.GetProperty("number").GetString()!));
        Assert.Equal("breached", row.QuerySelectorAll("[data-state]")[0].GetAttribute("data-state"));
        Assert.Contains("overschreden", row.TextContent);

        var page = await session.PageAsync($"/staff/complaints/{late.GetProperty("id").GetString()}");
        var refused = await session.SubmitAsync(page, "form[action*='handler=answer']", new Dictionary<string, string> { ["outcome"] = "unfounded", ["reasons"] = "" });
        Assert.Equal(422, (int)refused.StatusCode);
        var again = await Html.ParseAsync(refused);
        Assert.Contains("motivering", again.QuerySelector(".error-summary")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }
}
