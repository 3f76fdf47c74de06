using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Tests.Deliver.Cases;
using Guichet.Tests.Support;
using Guichet.Welcome.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Tests.Welcome.Contacts;

/// The front office's pages of the contact register, through the front door: cookie sign-in and
/// forms as a browser sends them, on a host whose clock stands on Monday 5 October 2026.
public sealed class ContactStaffPagesTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    private static readonly Guid Passport = CatalogueDemoSeeder.StableId("service:hautrival-passport");
    private static readonly Guid Pension = CatalogueDemoSeeder.StableId("service:fpo-retirement-pension");
    private static readonly Guid Population = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-population");
    private static readonly Guid UrbanPlanning = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-urban-planning");
    private static readonly Guid Environment = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-environment");
    private const string OtherUnitHandler = "contacts-environment@guichet.test";
    private const string OtherUnitPassword = "Other-unit-2026!";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private Task EnsureOtherUnitHandlerAsync() => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
        if (await db.Set<StaffUser>().AnyAsync(u => u.Email == OtherUnitHandler)) return 0;
        await sp.GetRequiredService<StaffAccounts>().CreateAsync(OtherUnitHandler, "Environment Handler", [Roles.CaseHandler], OtherUnitPassword, Environment, default);
        await db.SaveChangesAsync();
        return 0;
    });

    private (int Contacts, int Attachments, int Events) Counts() => app.InScope(db =>
        (db.Set<Contact>().Count(), db.Set<ContactAttachment>().Count(), db.Set<EventLogEntry>().Count()));

    private Contact Stored(Guid id) => app.InScope(db => db.Set<Contact>().AsNoTracking().Single(c => c.Id == id));

    private static Guid IdFrom(Uri location, string prefix)
    {
        var text = location.OriginalString;
        Assert.StartsWith(prefix, text);
        return Guid.Parse(text[prefix.Length..].Split('?', '#', '&')[0]);
    }

    /// A phone call registered through the page with the given changes; returns the new contact.
    private async Task<Guid> PhoneAsync(StaffSession s, Dictionary<string, string> fields)
    {
        var page = await s.PageAsync("/staff/contacts/phone");
        var response = await s.SubmitAsync(page, "form[data-contact-entry]", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return IdFrom(response.Headers.Location!, "/staff/contacts/phone?saved=");
    }

    private static MultipartFormDataContent LetterForm(IDocument page, Dictionary<string, string> fields, byte[]? scan, string fileName = "letter.pdf")
    {
        var content = new MultipartFormDataContent { { new StringContent(Html.Antiforgery(page)), "__RequestVerificationToken" } };
        var values = new Dictionary<string, string> { ["customerKind"] = "person", ["language"] = "fr", ["receivedOn"] = "2026-10-02", ["subject"] = "Demande de passeport" };
        foreach (var (k, v) in fields) values[k] = v;
        foreach (var (k, v) in values) content.Add(new StringContent(v), k);
        if (scan is not null) content.Add(new ByteArrayContent(scan) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "scan", fileName);
        return content;
    }

    private async Task<HttpResponseMessage> LetterAsync(StaffSession s, Dictionary<string, string> fields, byte[]? scan, string fileName = "letter.pdf")
    {
        var page = await s.PageAsync("/staff/contacts/letter");
        return await s.Jar.SendAsync(s.Client, new HttpRequestMessage(HttpMethod.Post, "/staff/contacts/letter") { Content = LetterForm(page, fields, scan, fileName) });
    }

    // ---- the pages and who may see them -------------------------------------------------------

    [Fact]
    public async Task Every_contact_page_renders_for_the_front_office()
    {
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var id = await PhoneAsync(s, new() { ["customerNumber"] = "85.07.30-033.28", ["customerName"] = "Amélie Lambert", ["subject"] = "Rendez-vous passeport", ["outcome"] = "routed", ["serviceId"] = Passport.ToString() });
        Assert.Equal("Contacts", (await s.PageAsync("/staff/contacts")).QuerySelector("h1")!.TextContent);
        Assert.Equal("Register a phone call", (await s.PageAsync("/staff/contacts/phone")).QuerySelector("h1")!.TextContent);
        Assert.Equal("Register a letter", (await s.PageAsync("/staff/contacts/letter")).QuerySelector("h1")!.TextContent);
        Assert.Equal("Promised call-backs", (await s.PageAsync("/staff/contacts/call-backs")).QuerySelector("h1")!.TextContent);
        var contact = await s.PageAsync($"/staff/contacts/{id}");
        Assert.Contains("Rendez-vous passeport", contact.QuerySelector("h1")!.TextContent);
        Assert.Contains("Amélie Lambert", contact.QuerySelector("main")!.TextContent);
        var customer = await s.PageAsync(contact.QuerySelector("a[href^='/staff/customers/']")!.GetAttribute("href")!);
        Assert.Equal("Person 85.07.30-033.28", customer.QuerySelector("h1")!.TextContent);
        Assert.NotNull(customer.QuerySelector($"a[href='/staff/contacts/{id}']"));
    }

    [Theory]
    [InlineData("/staff/contacts")]
    [InlineData("/staff/contacts/phone")]
    [InlineData("/staff/contacts/letter")]
    [InlineData("/staff/contacts/call-backs")]
    [InlineData("/staff/contacts/00000000-0000-0000-0000-000000000001")]
    [InlineData("/staff/customers/someone")]
    public async Task The_pages_need_a_sign_in_and_a_contact_role(string url)
    {
        var anonymous = await app.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/staff/sign-in", anonymous.Headers.Location!.OriginalString);
        var editor = await app.SignedInAsync(DemoAccounts.Editor);
        var refused = await editor.Jar.GetAsync(editor.Client, url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/staff/forbidden", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Case_handlers_and_managers_may_use_the_pages()
    {
        foreach (var email in new[] { DemoAccounts.CaseHandler, DemoAccounts.Manager, DemoAccounts.Admin })
        {
            var s = await app.SignedInAsync(email);
            await s.PageAsync("/staff/contacts");
            await s.PageAsync("/staff/contacts/phone");
            await s.PageAsync("/staff/contacts/call-backs");
        }
    }

    // ---- phone calls ----------------------------------------------------------------------------

    [Fact]
    public async Task A_phone_call_answered_at_first_contact_is_stored_with_its_events_and_confirmed()
    {
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var before = Counts();
        var page = await s.PageAsync("/staff/contacts/phone");
        var response = await s.SubmitAsync(page, "form[data-contact-entry]", new Dictionary<string, string>
        {
            ["customerNumber"] = "85.07.30-033.28", ["customerName"] = "Amélie Lambert", ["phone"] = "+32 470 12 34 56",
            ["onBehalfOf.name"] = "Marc Lambert", ["onBehalfOf.role"] = "parent", ["language"] = "fr",
            ["subject"] = "Délai pour un passeport urgent", ["serviceId"] = Passport.ToString(), ["notes"] = "Rappeler la liste des documents.", ["outcome"] = "answered",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = IdFrom(response.Headers.Location!, "/staff/contacts/phone?saved=");
        var c = Stored(id);
        Assert.Equal((ContactChannel.Phone, CustomerKind.Person, "85073003328", ContactOutcome.Answered, Population, 0), (c.Channel, c.CustomerKind, c.CustomerNumber, c.Outcome, c.UnitId, c.ResponseWorkingDays));
        Assert.Equal(new Representation("Marc Lambert", RepresentativeRole.Parent), c.OnBehalfOf);
        Assert.Equal(["welcome.contact.received", "welcome.contact.answered"], app.Activities("contact", id));
        Assert.Equal((before.Contacts + 1, before.Attachments, before.Events + 2), Counts());

        var confirmation = await s.PageAsync(response.Headers.Location!.OriginalString);
        Assert.NotNull(confirmation.QuerySelector($"[role=status] a[href='/staff/contacts/{id}']"));
        var another = confirmation.QuerySelector("a#another")!;
        Assert.Equal("/staff/contacts/phone", another.GetAttribute("href"));
        Assert.True(another.HasAttribute("autofocus"));
    }

    [Fact]
    public async Task The_service_search_renders_the_form_again_with_what_was_typed_and_stores_nothing()
    {
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var before = Counts();
        var page = await s.PageAsync("/staff/contacts/phone");
        var response = await s.SubmitAsync(page, "form[data-contact-entry]",
            new Dictionary<string, string> { ["customerName"] = "Jean Dubois", ["subject"] = "Perte de carte", ["q"] = "passeport" }, "/staff/contacts/phone?handler=search");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await Html.ParseAsync(response);
        Assert.Equal("Jean Dubois", again.QuerySelector("#customerName")!.GetAttribute("value"));
        Assert.Equal("Perte de carte", again.QuerySelector("#subject")!.GetAttribute("value"));
        Assert.NotNull(again.QuerySelector($"input[type=radio][name=serviceId][value='{Passport}']"));
        Assert.Contains("found", again.QuerySelector("#service-count")!.TextContent);
        Assert.Equal(before, Counts());

        // Chosen, then saved as routed without a unit: the service's unit takes it.
        var saved = await s.SubmitAsync(again, "form[data-contact-entry]", new Dictionary<string, string> { ["serviceId"] = Passport.ToString(), ["outcome"] = "routed" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var c = Stored(IdFrom(saved.Headers.Location!, "/staff/contacts/phone?saved="));
        Assert.Equal((ContactOutcome.Routed, Population, Passport), (c.Outcome, c.UnitId, c.ServiceId));
    }

    [Theory]
    [InlineData("person", "85.07.30-033.29", null, "customerNumber", "Ce numéro de registre national n'est pas valable")]
    [InlineData("person", "12345", null, "customerNumber", "Un numéro de registre national compte 11 chiffres")]
    [InlineData("company", "0203.201.341", null, "customerNumber", "Ce numéro d'entreprise n'est pas valable")]
    [InlineData("person", "", "00000000-0000-0000-0000-000000000001", "serviceId", "Ce service n'est pas dans le catalogue")]
    [InlineData("person", "", "not-an-id", "serviceId", "Ce service n'est pas dans le catalogue")]
    public async Task A_bad_phone_call_is_refused_in_the_users_language_and_stores_nothing(string kind, string number, string? service, string field, string message)
    {
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice, "fr");
        var before = Counts();
        var page = await s.PageAsync("/staff/contacts/phone");
        var fields = new Dictionary<string, string> { ["customerKind"] = kind, ["customerNumber"] = number, ["customerName"] = "Client", ["subject"] = "Question" };
        if (service is not null) fields["serviceId"] = service;
        var response = await s.SubmitAsync(page, "form[data-contact-entry]", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var again = await Html.ParseAsync(response);
        Assert.Equal(["#" + field], Html.ErrorSummaryLinks(again));
        Assert.Contains(message, again.QuerySelector($"#{field}-error")!.TextContent);
        Assert.Equal("Client", again.QuerySelector("#customerName")!.GetAttribute("value"));
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task A_referral_needs_the_competent_bodys_service_and_a_call_back_lands_on_the_list()
    {
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var before = Counts();
        var page = await s.PageAsync("/staff/contacts/phone");
        var refused = await s.SubmitAsync(page, "form[data-contact-entry]", new Dictionary<string, string> { ["customerKind"] = "anonymous", ["subject"] = "Pension", ["outcome"] = "referred" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["#serviceId"], Html.ErrorSummaryLinks(await Html.ParseAsync(refused)));
        Assert.Equal(before, Counts());

        var referred = await PhoneAsync(s, new() { ["customerKind"] = "anonymous", ["subject"] = "Ma pension", ["serviceId"] = Pension.ToString(), ["outcome"] = "referred" });
        Assert.Equal(ContactOutcome.Referred, Stored(referred).Outcome);
        var contact = await s.PageAsync($"/staff/contacts/{referred}");
        Assert.NotNull(contact.QuerySelector($"a[href='/staff/contacts/{referred}/referral.html']"));
        var printable = await s.Jar.GetAsync(s.Client, $"/staff/contacts/{referred}/referral.html");
        Assert.Equal(HttpStatusCode.OK, printable.StatusCode);
        Assert.Contains("Ma pension", await printable.Content.ReadAsStringAsync());

        var promised = await PhoneAsync(s, new() { ["customerKind"] = "anonymous", ["customerName"] = "Rappel Test", ["phone"] = "081 00 00 00", ["subject"] = "Permis de bâtir", ["outcome"] = "callBackPromised", ["outcome.unitId"] = UrbanPlanning.ToString() });
        Assert.Equal((ContactOutcome.CallBackPromised, new DateOnly(2026, 10, 6)), (Stored(promised).Outcome, Stored(promised).CallBackBy!.Value));
        var list = await s.PageAsync("/staff/contacts/call-backs");
        Assert.NotNull(list.QuerySelector($"a[href='/staff/contacts/{promised}']"));
        Assert.Null((await s.PageAsync("/staff/contacts/call-backs?overdue=true")).QuerySelector($"a[href='/staff/contacts/{promised}']"));
        var form = list.QuerySelector($"form[action^='/staff/contacts/call-backs?id={promised}']")!;
        var done = await s.Jar.PostFormAsync(s.Client, form.GetAttribute("action")!, [new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.NotNull(Stored(promised).CalledBackAt);
        Assert.Contains("welcome.contact.called-back", app.Activities("contact", promised));
        Assert.Null((await s.PageAsync("/staff/contacts/call-backs")).QuerySelector($"a[href='/staff/contacts/{promised}']"));
    }

    // ---- the contact page -----------------------------------------------------------------------

    [Fact]
    public async Task The_outcome_form_routes_an_open_contact_and_the_view_is_recorded()
    {
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var letter = await LetterAsync(s, new() { ["subject"] = "Courrier à orienter" }, Pdf);
        var id = IdFrom(letter.Headers.Location!, "/staff/contacts/");
        var page = await s.PageAsync($"/staff/contacts/{id}");
        Assert.Contains("welcome.contact.viewed", app.Activities("contact", id));
        var missing = await s.SubmitAsync(page, "form[action$='handler=outcome']", new Dictionary<string, string> { ["outcome"] = "routed", ["unitId"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["#unitId"], Html.ErrorSummaryLinks(await Html.ParseAsync(missing)));
        var routed = await s.SubmitAsync(page, "form[action$='handler=outcome']", new Dictionary<string, string> { ["outcome"] = "routed", ["unitId"] = UrbanPlanning.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, routed.StatusCode);
        Assert.Equal((ContactOutcome.Routed, UrbanPlanning), (Stored(id).Outcome, Stored(id).UnitId));
        var after = await s.PageAsync(routed.Headers.Location!.OriginalString);
        Assert.Contains("routed", after.QuerySelector("[role=status]")!.TextContent);

        // "Not ours": the competent body's service found on the page, the customer told by e-mail.
        var email = $"citizen-{Guid.NewGuid():N}@example.be";
        var other = IdFrom((await LetterAsync(s, new() { ["subject"] = "Ma pension de retraite", ["email"] = email }, Pdf)).Headers.Location!, "/staff/contacts/");
        var found = await s.PageAsync($"/staff/contacts/{other}?q=pension");
        Assert.NotNull(found.QuerySelector($"form[action$='handler=outcome'] input[name=serviceId][value='{Pension}']"));
        var mails = app.InScope(db => db.Set<Guichet.Platform.Outbox.OutboxMessage>().Count());
        var referred = await s.SubmitAsync(found, "form[action$='handler=outcome']", new Dictionary<string, string> { ["outcome"] = "referred", ["serviceId"] = Pension.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        Assert.Equal((ContactOutcome.Referred, Pension), (Stored(other).Outcome, Stored(other).ServiceId));
        Assert.Equal(mails + 1, app.InScope(db => db.Set<Guichet.Platform.Outbox.OutboxMessage>().Count()));
        Assert.Contains(email, (await s.PageAsync($"/staff/contacts/{other}")).QuerySelector("#referral-title")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task Late_contacts_and_overdue_call_backs_are_marked_and_the_contact_page_shows_the_thread()
    {
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice);
        // An e-mail of last week, never answered, with its thread; and a call-back promised for last Friday.
        var (late, overdue) = app.Arrange(db =>
        {
            var mail = new Contact(ContactChannel.Email, new DateTimeOffset(2026, 9, 28, 9, 0, 0, TimeSpan.Zero), CustomerKind.Anonymous, null, "Claire Petit", "claire@example.be", null, null,
                null, "fr", "Question sur ma taxe", null, Population, null, new DateOnly(2026, 9, 30), "customer", null);
            var call = new Contact(ContactChannel.Phone, new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero), CustomerKind.Anonymous, null, "Paul Leroy", null, "081 11 22 33", null,
                null, "fr", "Rappel promis", null, UrbanPlanning, null, new DateOnly(2026, 10, 1), "customer", null);
            call.PromiseCallBack(UrbanPlanning, new DateOnly(2026, 10, 2));
            db.AddRange(mail, call);
            db.Add(new Guichet.Welcome.MailIntake.ContactMessage(mail.Id, Guichet.Welcome.MailIntake.MessageDirection.In, "<late@example.be>", "claire@example.be",
                "Question sur ma taxe", "Bonjour, je n'ai pas reçu mon avertissement-extrait de rôle.", new DateTimeOffset(2026, 9, 28, 9, 0, 0, TimeSpan.Zero)));
            db.SaveChanges();
            return (mail.Id, call.Id);
        });

        var inbox = await s.PageAsync("/staff/contacts?channel=email");
        var row = inbox.QuerySelector($"a[href='/staff/contacts/{late}']")!.Closest("tr")!;
        Assert.Contains("Late", row.TextContent);
        var page = await s.PageAsync($"/staff/contacts/{late}");
        Assert.Contains("je n'ai pas reçu mon avertissement-extrait de rôle", page.QuerySelector("main")!.TextContent);
        Assert.Contains("Late", page.QuerySelector("dl")!.TextContent);

        var onlyOverdue = await s.PageAsync("/staff/contacts/call-backs?overdue=true");
        Assert.Contains("Overdue", onlyOverdue.QuerySelector($"a[href='/staff/contacts/{overdue}']")!.Closest("tr")!.TextContent);
        // Called back from the contact page.
        var contact = await s.PageAsync($"/staff/contacts/{overdue}");
        var done = await s.SubmitAsync(contact, "form[action$='handler=calledBack']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var answered = Stored(overdue);
        Assert.Equal((ContactOutcome.Answered, 2), (answered.Outcome, answered.ResponseWorkingDays)); // from Thursday 1 October: Friday 2 and Monday 5
        var again = await s.SubmitAsync(contact, "form[action$='handler=calledBack']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task An_open_contact_links_to_opening_a_case_and_shows_the_case_opened_on_it()
    {
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var id = await PhoneAsync(s, new() { ["customerNumber"] = "85.07.30-033.28", ["customerName"] = "Amélie Lambert", ["subject"] = "Extension d'une maison", ["outcome"] = "routed", ["outcome.unitId"] = UrbanPlanning.ToString() });
        Assert.NotNull((await s.PageAsync($"/staff/contacts/{id}")).QuerySelector($"a[href='/staff/cases/new?contact={id}']"));
        var opened = await (await app.ClientAsAsync(DemoAccounts.CaseHandler)).PostAsync("/api/v1/cases", new StringContent(System.Text.Json.JsonSerializer.Serialize(new
        {
            caseType = "building-permit", language = "fr", subject = "Extension d'une maison", complete = true, contactId = id,
            parties = new object[] { new { role = "applicant", kind = "person", name = "Amélie Lambert", number = "85.07.30-033.28" } },
        }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await opened.ReadJsonAsync()).GetProperty("id").GetGuid();
        var page = await s.PageAsync($"/staff/contacts/{id}");
        Assert.Equal(Stored(id).CaseNumber, page.QuerySelector($"a[href='/staff/cases/{caseId}']")!.TextContent);
        Assert.Contains("Case opened", page.QuerySelector("dl")!.TextContent);
        Assert.Null(page.QuerySelector("form[action$='handler=outcome']")); // no longer open
        Assert.Contains("Case opened", (await s.PageAsync("/staff/customers/" + app.Services.GetRequiredService<Guichet.Platform.Identifiers.NumberKeys>().Key("85073003328"))).QuerySelector($"a[href='/staff/contacts/{id}']")!.Closest("tr")!.TextContent);
    }

    // ---- letters --------------------------------------------------------------------------------

    [Fact]
    public async Task A_letter_is_stored_with_its_scan_and_the_scan_downloads_as_an_attachment()
    {
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var before = Counts();
        var response = await LetterAsync(s, new() { ["customerNumber"] = "01.02.03-004.67", ["customerName"] = "Luc Martin", ["address"] = "Rue Haute 1, 5395 Hautrival", ["serviceId"] = Passport.ToString() }, Pdf, "courrier scanné.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = IdFrom(response.Headers.Location!, "/staff/contacts/");
        var c = Stored(id);
        Assert.Equal((ContactChannel.Letter, "01020300467", new DateOnly(2026, 10, 16)), (c.Channel, c.CustomerNumber, c.RespondBy)); // 10 working days from Friday 2 October
        Assert.Equal((before.Contacts + 1, before.Attachments + 1, before.Events + 1), Counts());
        Assert.Equal(["welcome.contact.received"], app.Activities("contact", id));

        var page = await s.PageAsync(response.Headers.Location!.OriginalString);
        var link = page.QuerySelector($"a[href^='/staff/contacts/{id}/attachments/']")!;
        Assert.Equal("courrier scanné.pdf", link.TextContent);
        var download = await s.Jar.GetAsync(s.Client, link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("welcome.contact-attachment.viewed", app.Activities("contact", id));
    }

    public static TheoryData<string, string, string, string, string> BadLetters => new()
    {
        { "receivedOn", "2026-10-06", "pdf", "receivedOn", "La date ne peut pas être dans le futur" },
        { "customerNumber", "85.07.30-033.29", "pdf", "customerNumber", "Ce numéro de registre national n'est pas valable" },
        { "customerNumber", "0203.201.341", "pdf", "customerNumber", "Ce numéro d'entreprise n'est pas valable" },
        { "serviceId", "00000000-0000-0000-0000-000000000001", "pdf", "serviceId", "Ce service n'est pas dans le catalogue" },
        { "subject", "Lettre", "oversized", "scan", "Le fichier est trop volumineux" },
        { "subject", "Lettre", "script", "scan", "Le fichier n'est ni un PDF ni une image" },
        { "subject", "Lettre", "none", "scan", "Choisissez le scan de la lettre" },
    };

    [Theory]
    [MemberData(nameof(BadLetters))]
    public async Task A_bad_letter_is_refused_in_the_users_language_and_stores_nothing(string field, string value, string scan, string errorField, string message)
    {
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice, "fr");
        var before = Counts();
        byte[]? bytes = scan switch
        {
            "pdf" => Pdf,
            "oversized" => [.. "%PDF-1.4\n"u8, .. new byte[10 * 1024 * 1024]], // a real PDF start, one byte too many is enough
            "script" => Encoding.UTF8.GetBytes("<script>alert(1)</script>"),
            _ => null,
        };
        var fields = new Dictionary<string, string> { [field] = value };
        if (value.StartsWith("0203", StringComparison.Ordinal)) (fields["customerKind"], fields["customerName"]) = ("company", "Brasserie SA");
        var response = await LetterAsync(s, fields, bytes);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(["#" + errorField], Html.ErrorSummaryLinks(page));
        Assert.Contains(message, page.QuerySelector($"#{errorField}-error")!.TextContent);
        Assert.Equal(before, Counts());
    }

    // ---- scope ----------------------------------------------------------------------------------

    [Fact]
    public async Task A_case_handler_of_another_unit_gets_404_and_sees_only_their_units_inbox()
    {
        var front = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var letter = await LetterAsync(front, new() { ["subject"] = "Passeport perdu", ["serviceId"] = Passport.ToString() }, Pdf); // population unit
        var id = IdFrom(letter.Headers.Location!, "/staff/contacts/");
        var attachment = app.InScope(db => db.Set<ContactAttachment>().Single(a => a.ContactId == id).Id);
        var routedHere = await PhoneAsync(front, new() { ["customerKind"] = "anonymous", ["subject"] = "Dépôt sauvage", ["outcome"] = "routed", ["outcome.unitId"] = Environment.ToString() });

        await EnsureOtherUnitHandlerAsync();
        var other = await app.SignedInAsync(OtherUnitHandler, password: OtherUnitPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Jar.GetAsync(other.Client, $"/staff/contacts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Jar.GetAsync(other.Client, $"/staff/contacts/{id}/attachments/{attachment}")).StatusCode);
        Assert.DoesNotContain("welcome.contact-attachment.viewed", app.Activities("contact", id));
        var inbox = await other.PageAsync("/staff/contacts");
        Assert.Null(inbox.QuerySelector($"a[href='/staff/contacts/{id}']"));
        Assert.NotNull(inbox.QuerySelector($"a[href='/staff/contacts/{routedHere}']"));
        Assert.Null(inbox.QuerySelector("select#unit")); // no unit filter: they see one unit
        Assert.NotNull((await front.PageAsync("/staff/contacts")).QuerySelector("select#unit"));
        // The front office filters by channel and unit.
        var letters = await front.PageAsync($"/staff/contacts?channel=letter&unit={Population}");
        Assert.NotNull(letters.QuerySelector($"a[href='/staff/contacts/{id}']"));
        Assert.Null(letters.QuerySelector($"a[href='/staff/contacts/{routedHere}']"));
    }

    // ---- customers ------------------------------------------------------------------------------

    [Fact]
    public async Task The_customer_box_finds_a_customer_and_the_history_view_is_recorded()
    {
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice, "fr");
        var first = await PhoneAsync(s, new() { ["customerKind"] = "company", ["customerNumber"] = "0203.201.340", ["customerName"] = "Brasserie SA", ["subject"] = "Terrasse" });
        var second = await PhoneAsync(s, new() { ["customerKind"] = "company", ["customerNumber"] = "0203201340", ["customerName"] = "Brasserie SA", ["subject"] = "Enseigne" });
        var inbox = await s.PageAsync("/staff/contacts");
        var found = await s.SubmitAsync(inbox, "form.search-form", new Dictionary<string, string> { ["customer"] = "0203.201.340" });
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        // The customer's page is addressed by a key, never by the number (ADR 0022).
        var location = found.Headers.Location!.OriginalString;
        Assert.StartsWith("/staff/customers/", location);
        Assert.DoesNotContain("0203201340", location);
        var events = Counts().Events;
        var history = await s.PageAsync(location);
        Assert.DoesNotContain("0203201340", history.QuerySelector("a[href^='/staff/cases?who=']")!.GetAttribute("href"));
        Assert.Equal("Entreprise 0203.201.340", history.QuerySelector("h1")!.TextContent);
        var links = history.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/staff/contacts/{second}", $"/staff/contacts/{first}"], links.Where(l => l == $"/staff/contacts/{second}" || l == $"/staff/contacts/{first}"));
        Assert.Equal(events + 1, Counts().Events);
        Assert.True(app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Activity == "welcome.customer-history.viewed" && e.Objects.Any(o => o.ObjectId == app.Services.GetRequiredService<JournalKey>().Pseudonym("0203201340")))));

        var badBox = await s.SubmitAsync(inbox, "form.search-form", new Dictionary<string, string> { ["customer"] = "0203.201.341" });
        Assert.Equal(HttpStatusCode.BadRequest, badBox.StatusCode);
        var boxPage = await Html.ParseAsync(badBox);
        Assert.Equal(["#customer"], Html.ErrorSummaryLinks(boxPage));
        Assert.Contains("Ce numéro d'entreprise n'est pas valable", boxPage.QuerySelector("#customer-error")!.TextContent);

        var inUrl = await s.Jar.GetAsync(s.Client, "/staff/contacts?customer=0203.201.340");
        Assert.Equal(HttpStatusCode.BadRequest, inUrl.StatusCode);
        Assert.True(string.IsNullOrEmpty((await Html.ParseAsync(inUrl)).QuerySelector("#customer")!.GetAttribute("value")));
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Jar.GetAsync(s.Client, "/staff/customers/0203201340")).StatusCode);
        var bad = await s.Jar.GetAsync(s.Client, "/staff/customers/123");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await Html.ParseAsync(bad);
        Assert.Equal("Numéro non valable", badPage.QuerySelector("h1")!.TextContent);
        Assert.Equal(events + 1, Counts().Events);
    }
}
