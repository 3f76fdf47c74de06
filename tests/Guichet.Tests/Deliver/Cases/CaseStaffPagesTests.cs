using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Guichet.Deliver.Cases;
using Guichet.Deliver.Decisions;
using Guichet.Deliver.Documents;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Deliver.Cases;

/// The staff pages of cases, through the front door: cookie sign-in, the forms as a browser
/// sends them (antiforgery token included), on a host whose clock stands on Monday 5 October 2026.
public sealed class CaseStaffPagesTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    private const string Facts = "Le projet prévoit une extension de 40 m² en zone d'habitat, conforme au guide communal d'urbanisme et sans impact sur les voisins.";
    private const string Law = "Code du Développement territorial, articles D.IV.1 et D.IV.15.";
    private static readonly Guid UrbanPlanning = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-urban-planning");

    /// A case opened through the API by <paramref name="email"/> (default: the demo case handler,
    /// urban planning), moved on to where it can be decided when <paramref name="ready"/>.
    private async Task<Guid> CaseAsync(string caseType = "building-permit", string language = "fr", bool ready = false, string email = DemoAccounts.CaseHandler, string? nationalNumber = null)
    {
        var client = await app.ClientAsAsync(email);
        var response = await client.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType, language, subject = "Extension d'une maison, rue des Écoles 12", complete = true, receivedOn = "2026-09-01",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Amélie Lambert", number = nationalNumber, email = "amelie@example.be", address = "Rue des Écoles 12, 5395 Hautrival" } },
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        if (ready)
            foreach (var status in new[] { "in-review", "awaiting-decision" })
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/cases/{id}/status", JsonBody(new { status }))).StatusCode);
        return id;
    }

    private Case Stored(Guid id) => app.InScope(db => db.Set<Case>().AsNoTracking().Single(c => c.Id == id));

    private (int Cases, int Decisions, int Notes, int Documents) Counts() => app.InScope(db =>
        (db.Set<Case>().Count(), db.Set<Decision>().Count(), db.Set<CaseNote>().Count(), db.Set<CaseDocument>().Count()));

    // ---- the pages --------------------------------------------------------------------------

    [Fact]
    public async Task Every_case_page_renders_for_a_case_handler_and_the_staff_home_links_to_them()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync(ready: true);
        var home = await s.PageAsync("/staff");
        Assert.NotNull(home.QuerySelector("a[href='/staff/cases']"));

        var list = await s.PageAsync("/staff/cases");
        Assert.Equal("Cases", list.QuerySelector("h1")!.TextContent);
        Assert.NotNull(list.QuerySelector($"a[href='/staff/cases/{id}']"));
        Assert.Equal("Open a case", (await s.PageAsync("/staff/cases/new")).QuerySelector("h1")!.TextContent);
        var number = Stored(id).Number;
        var casePage = await s.PageAsync($"/staff/cases/{id}");
        Assert.Equal($"Case {number}", casePage.QuerySelector("h1")!.TextContent);
        Assert.Contains("Amélie Lambert", casePage.QuerySelector("main")!.TextContent);
        Assert.NotNull(casePage.QuerySelector($"a[href='/staff/cases/{id}/decision']"));
        Assert.Equal($"Decision on case {number}", (await s.PageAsync($"/staff/cases/{id}/decision")).QuerySelector("h1")!.TextContent);
        Assert.Equal($"History of case {number}", (await s.PageAsync($"/staff/cases/{id}/history")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_pages_need_a_sign_in_and_a_case_role()
    {
        var anonymous = await app.Client().GetAsync("/staff/cases");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/staff/sign-in", anonymous.Headers.Location!.OriginalString);
        var editor = await app.SignedInAsync(DemoAccounts.Editor);
        var refused = await editor.Jar.GetAsync(editor.Client, "/staff/cases/new");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/staff/forbidden", refused.Headers.Location!.OriginalString);
        Assert.Null((await editor.PageAsync("/staff")).QuerySelector("a[href='/staff/cases']"));
    }

    /// The pages live in their capabilities' Pages/ folders; every one of them stays behind the sign-in.
    [Theory]
    [InlineData("/staff/cases/new")]
    [InlineData("/staff/advice")]
    [InlineData("/staff/cases/{0}")]
    [InlineData("/staff/cases/{0}/history")]
    [InlineData("/staff/cases/{0}/decision")]
    [InlineData("/staff/cases/{0}/decision/letter.pdf")]
    [InlineData("/staff/cases/{0}/documents")]
    [InlineData("/staff/cases/{0}/documents/{0}")]
    [InlineData("/staff/cases/{0}/requests/{0}/letter")]
    public async Task Every_staff_page_of_Deliver_needs_a_sign_in(string path)
    {
        var anonymous = await app.Client().GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/staff/sign-in", anonymous.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_work_list_sorts_by_urgency_says_the_state_in_words_and_marks_suspended_cases()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var late = await CaseAsync(caseType: "building-permit");
        var suspended = await CaseAsync(caseType: "building-permit");
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsync($"/api/v1/cases/{suspended}/suspend", JsonBody(new { reason = "missing-document" }))).StatusCode);
        // Received and complete on 1 September: due 16 November. The late one is moved back in time:
        // received 1 June, due 15 August, a Saturday and a holiday, so Monday 17 August.
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE deliver_cases SET \"ReceivedOn\" = {new DateOnly(2026, 6, 1)}, \"CompleteOn\" = {new DateOnly(2026, 6, 1)}, \"DueOn\" = {new DateOnly(2026, 8, 17)}, \"DueSort\" = {new DateOnly(2026, 8, 17)} WHERE \"Id\" = {late}");
            return 0;
        });

        var list = await s.PageAsync("/staff/cases");
        var rows = list.QuerySelectorAll("tbody tr").ToList();
        var lateRow = rows.Single(r => r.QuerySelector($"a[href='/staff/cases/{late}']") is not null);
        Assert.Contains("case-row--breached", lateRow.ClassList);
        Assert.Contains("Overdue", lateRow.TextContent);
        Assert.Contains("17 August 2026", lateRow.TextContent);
        // The most urgent first: nothing else in this host is overdue.
        Assert.Same(rows[0], lateRow);
        var suspendedRow = (await s.PageAsync($"/staff/cases?q={Stored(suspended).Number}")).QuerySelector("tbody tr")!;
        Assert.Contains("Suspended", suspendedRow.QuerySelector(".clock-tag")!.TextContent);
        Assert.Contains("16 November 2026", suspendedRow.TextContent);

        var overdue = await s.PageAsync("/staff/cases?overdue=true&show=open");
        Assert.NotNull(overdue.QuerySelector($"a[href='/staff/cases/{late}']"));
        Assert.Null(overdue.QuerySelector($"a[href='/staff/cases/{suspended}']"));
        Assert.True(overdue.QuerySelector("#overdue")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task The_work_list_finds_a_case_by_number_or_national_number_and_says_when_the_search_is_not_a_number()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync(nationalNumber: "01020300467");
        var other = await CaseAsync();
        var number = Stored(id).Number;

        // A case number stays a GET filter, through the box or a link.
        var list = await s.PageAsync("/staff/cases");
        var posted = await s.SubmitAsync(list, "form.cases-filters", new Dictionary<string, string> { ["q"] = number });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/staff/cases?show=open&q={number}", posted.Headers.Location!.OriginalString);
        var byNumber = await s.PageAsync($"/staff/cases?q={number}");
        Assert.NotNull(byNumber.QuerySelector($"a[href='/staff/cases/{id}']"));
        Assert.Single(byNumber.QuerySelectorAll("tbody tr"));

        // A national number is posted and goes on as a key: never in a URL, still found.
        var byPerson = await s.SubmitAsync(list, "form.cases-filters", new Dictionary<string, string> { ["q"] = "01.02.03-004.67", ["show"] = "all" });
        Assert.Equal(HttpStatusCode.Redirect, byPerson.StatusCode);
        var location = byPerson.Headers.Location!.OriginalString;
        Assert.StartsWith("/staff/cases?show=all&who=", location);
        Assert.DoesNotContain("01020300467", Uri.UnescapeDataString(location).Replace(".", "").Replace("-", ""));
        var found = await s.PageAsync(location);
        Assert.NotNull(found.QuerySelector($"a[href='/staff/cases/{id}']"));
        Assert.Null(found.QuerySelector($"a[href='/staff/cases/{other}']"));
        Assert.Equal("01020300467", found.QuerySelector("#q")!.GetAttribute("value"));
        foreach (var href in found.QuerySelectorAll("a[href], form[action]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("action")))
            Assert.DoesNotContain("01020300467", href);

        // Typed into a link, a national number is neither searched nor echoed; a tampered key finds nothing.
        var inUrl = await s.Jar.GetAsync(s.Client, "/staff/cases?q=01.02.03-004.67");
        Assert.Equal(HttpStatusCode.BadRequest, inUrl.StatusCode);
        var inUrlPage = await Html.ParseAsync(inUrl);
        Assert.Contains("not searched through the page address", inUrlPage.QuerySelector("#q-error")!.TextContent);
        Assert.True(string.IsNullOrEmpty(inUrlPage.QuerySelector("#q")!.GetAttribute("value")));
        Assert.Empty(inUrlPage.QuerySelectorAll("tbody tr"));
        var tampered = await s.Jar.GetAsync(s.Client, location[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Empty((await Html.ParseAsync(tampered)).QuerySelectorAll("tbody tr"));

        // Anything else in the box is answered on the post itself, without a redirect.
        var bad = await s.SubmitAsync(list, "form.cases-filters", new Dictionary<string, string> { ["q"] = "01.02.03-004.68" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await Html.ParseAsync(bad);
        Assert.Equal(["#q"], Html.ErrorSummaryLinks(badPage));
        Assert.Contains("Enter a case number", badPage.QuerySelector("#q-error")!.TextContent);
        Assert.Empty(badPage.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task Assigning_to_someone_who_does_not_exist_or_works_in_another_unit_is_refused_through_the_api_and_changes_nothing()
    {
        var client = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync();
        var otherUnit = app.InScope(db => db.Set<Guichet.Platform.Identity.StaffUser>().First(u => u.UnitId != UrbanPlanning && u.UnitId != null).Id);
        var before = app.Activities("case", id).Count;

        var nobody = await (await client.PostAsync($"/api/v1/cases/{id}/assign", JsonBody(new { unitId = UrbanPlanning, handlerId = Guid.NewGuid() }))).ProblemAsync();
        var elsewhere = await (await client.PostAsync($"/api/v1/cases/{id}/assign", JsonBody(new { unitId = UrbanPlanning, handlerId = otherUnit }))).ProblemAsync();

        Assert.Equal((400, "unknown-handler"), (nobody.Status, nobody.InvalidParams.Single().Code));
        Assert.Equal((400, "handler-not-in-unit"), (elsewhere.Status, elsewhere.InvalidParams.Single().Code));
        Assert.Null(app.InScope(db => db.Set<Guichet.Deliver.Cases.Case>().Single(c => c.Id == id).HandlerId));
        Assert.Equal(before, app.Activities("case", id).Count);
    }

    [Fact]
    public async Task Mine_only_shows_the_cases_assigned_to_me_and_next_page_links_follow_the_keyset()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var handlerId = app.InScope(db => db.Set<Guichet.Platform.Identity.StaffUser>().Single(u => u.Email == DemoAccounts.CaseHandler).Id);
        var mine = await CaseAsync();
        var client = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/cases/{mine}/assign", JsonBody(new { unitId = UrbanPlanning, handlerId }))).StatusCode);
        var notMine = await CaseAsync();
        var page = await s.PageAsync("/staff/cases?mine=true");
        Assert.NotNull(page.QuerySelector($"a[href='/staff/cases/{mine}']"));
        Assert.Null(page.QuerySelector($"a[href='/staff/cases/{notMine}']"));
        Assert.Contains("Koen Handler", page.QuerySelector($"a[href='/staff/cases/{mine}']")!.Closest("tr")!.TextContent);

        // More than a page: the next-page link continues where the first page ended, filters kept.
        for (var i = 0; i < 51; i++) await CaseAsync();
        var seen = new List<string>();
        string? url = "/staff/cases?show=open";
        var pages = 0;
        while (url is not null)
        {
            var doc = await s.PageAsync(url);
            seen.AddRange(doc.QuerySelectorAll("tbody th a").Select(a => a.GetAttribute("href")!));
            url = doc.QuerySelector("a[rel=next]")?.GetAttribute("href");
            if (url is not null) Assert.Contains("show=open", url);
            pages++;
        }
        Assert.True(pages >= 2);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var open = app.InScope(db => db.Set<Case>().Count(c => c.UnitId == UrbanPlanning && c.ClosedAt == null));
        Assert.Equal(open, seen.Count);
    }

    // ---- opening a case ---------------------------------------------------------------------

    [Fact]
    public async Task A_case_is_opened_through_the_form()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var form = await s.PageAsync("/staff/cases/new");
        Assert.Equal("2026-10-05", form.QuerySelector("#receivedOn")!.GetAttribute("value"));
        var response = await s.SubmitAsync(form, "form.case-form", new Dictionary<string, string>
        {
            ["caseType"] = "building-permit",
            ["language"] = "nl",
            ["subject"] = "Verbouwing van een woning, Schoolstraat 3",
            ["receivedOn"] = "2026-10-01",
            ["complete"] = "true",
            ["parties[0].kind"] = "person",
            ["parties[0].number"] = "85.07.30-033.28",
            ["parties[0].name"] = "Jan Peeters",
            ["parties[0].email"] = "jan@example.be",
            ["parties[0].address"] = "Schoolstraat 3, 5395 Hautrival",
            ["parties[1].kind"] = "company",
            ["parties[1].number"] = "0203.201.340",
            ["parties[1].name"] = "Architectenbureau BV",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/staff/cases/[0-9a-f-]{36}\\?done=opened$", location);
        var id = Guid.Parse(location["/staff/cases/".Length..location.IndexOf('?', StringComparison.Ordinal)]);
        var c = Stored(id);
        Assert.Equal(("nl", "received", UrbanPlanning), (c.Language, c.Status, c.UnitId));
        Assert.Equal(new DateOnly(2026, 10, 1), c.CompleteOn);
        Assert.Equal(["85073003328", "0203201340"], c.Parties.Select(p => p.Number));
        Assert.Equal([PartyRole.Applicant, PartyRole.Representative], c.Parties.Select(p => p.Role));
        Assert.Equal("deliver.case.opened", app.Activities("case", id)[0]);

        var page = await s.PageAsync(location);
        Assert.Contains("The case has been opened.", page.QuerySelector(".notice")!.TextContent);
        Assert.Contains("85.07.30-033.28", page.QuerySelector("main")!.TextContent);
        // 1 October + 75 calendar days = Tuesday 15 December 2026.
        Assert.Contains("15 December 2026", page.QuerySelector("#clock")!.TextContent);
    }

    [Fact]
    public async Task A_case_opened_by_the_front_office_for_another_unit_is_reported_and_leaves_the_list_a_handler_may_not()
    {
        var fields = new Dictionary<string, string>
        {
            ["caseType"] = "residents-parking-card", ["language"] = "fr", ["subject"] = "Carte de riverain", ["parties[0].name"] = "Amélie Lambert",
        };
        // A case handler of urban planning opens cases only there (or below): refused, nothing stored.
        var handler = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var before = app.InScope(db => db.Set<Case>().Count());
        var refused = await handler.SubmitAsync(await handler.PageAsync("/staff/cases/new?lang=en"), "form.case-form", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Html.ParseAsync(refused);
        Assert.Contains("You may open a case only in your unit or a unit below it.", again.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(before, app.InScope(db => db.Set<Case>().Count()));

        // The front office opens it for the competent unit, the single point of contact.
        var s = await app.SignedInAsync(DemoAccounts.FrontOffice);
        var form = await s.PageAsync("/staff/cases/new");
        var response = await s.SubmitAsync(form, "form.case-form", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/staff/cases?done=opened-elsewhere&number=2026-", location);
        var notice = (await s.PageAsync(location)).QuerySelector(".notice")!.TextContent;
        Assert.Contains("another unit handles it", notice);
        // Only a case number is echoed from the link.
        Assert.Null((await s.PageAsync("/staff/cases?done=opened-elsewhere&number=Call+0900+now")).QuerySelector(".notice"));
    }

    [Fact]
    public async Task An_invalid_new_case_form_is_shown_again_in_the_users_language_with_its_values_and_nothing_is_stored()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler, "nl");
        var form = await s.PageAsync("/staff/cases/new");
        var (cases, events) = (Counts().Cases, app.InScope(db => db.Set<EventLogEntry>().Count()));
        var response = await s.SubmitAsync(form, "form.case-form", new Dictionary<string, string>
        {
            ["caseType"] = "building-permit",
            ["subject"] = "",
            ["receivedOn"] = "31-13-2026",
            ["parties[0].number"] = "85.07.30-033.29",
            ["parties[0].name"] = "Jan Peeters",
            ["parties[0].email"] = "jan at example",
            ["parties[1].email"] = "vertegenwoordiger@example.be",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((cases, events), (Counts().Cases, app.InScope(db => db.Set<EventLogEntry>().Count())));

        var page = await Html.ParseAsync(response);
        Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));
        var links = Html.ErrorSummaryLinks(page);
        foreach (var id in new[] { "language", "subject", "receivedOn", "parties-0-number", "parties-0-email", "parties-1-name" })
        {
            Assert.Contains("#" + id, links);
            Assert.NotNull(page.QuerySelector("#" + id));
            Assert.NotNull(page.QuerySelector($"#{id}-error"));
        }
        var summary = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Aanvrager: nummer: Dit rijksregisternummer bestaat niet: controleer de cijfers.", summary);
        Assert.Contains("Kies de proceduretaal.", summary);
        Assert.Contains("Vul een geldige datum in.", page.QuerySelector("#receivedOn-error")!.TextContent);
        // What was typed comes back as typed.
        Assert.Equal("85.07.30-033.29", page.QuerySelector("#parties-0-number")!.GetAttribute("value"));
        Assert.Equal("jan at example", page.QuerySelector("#parties-0-email")!.GetAttribute("value"));
        Assert.Equal("31-13-2026", page.QuerySelector("#receivedOn")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#caseType option[value='building-permit'][selected]"));
    }

    // ---- the case page ----------------------------------------------------------------------

    [Fact]
    public async Task Only_the_statuses_of_the_model_are_offered_and_a_forged_one_is_refused_with_nothing_stored()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync();
        var page = await s.PageAsync($"/staff/cases/{id}");
        var offered = page.QuerySelectorAll("#move-status option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        Assert.Equal(["in-review", "closed-withdrawn"], offered);

        var before = Stored(id);
        var response = await s.SubmitAsync(page, "form[action*='handler=move']", new Dictionary<string, string> { ["move.status"] = "decided" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await Html.ParseAsync(response);
        Assert.Equal(["#move-status"], Html.ErrorSummaryLinks(again));
        Assert.Contains("does not lead from the current status to this one", again.QuerySelector(".error-summary")!.TextContent);
        var after = Stored(id);
        Assert.Equal((before.Status, before.UpdatedAt), (after.Status, after.UpdatedAt));
        Assert.DoesNotContain("deliver.case.status-changed", app.Activities("case", id));

        var moved = await s.SubmitAsync(page, "form[action*='handler=move']", new Dictionary<string, string> { ["move.status"] = "in-review" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/staff/cases/{id}?done=moved#status", moved.Headers.Location!.OriginalString);
        Assert.Equal("in-review", Stored(id).Status);
    }

    [Fact]
    public async Task Another_units_case_is_not_found_on_every_page()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync(caseType: "residents-parking-card", email: DemoAccounts.Admin, ready: true);
        foreach (var url in new[] { $"/staff/cases/{id}", $"/staff/cases/{id}/decision", $"/staff/cases/{id}/history", $"/staff/cases/{id}/decision/letter.html", $"/staff/cases/{id}/documents/{Guid.NewGuid()}" })
            Assert.Equal(HttpStatusCode.NotFound, (await s.Jar.GetAsync(s.Client, url)).StatusCode);
        var list = await s.PageAsync("/staff/cases?show=all");
        Assert.Null(list.QuerySelector($"a[href='/staff/cases/{id}']"));

        // Posting to it with a valid token of the handler's own pages changes nothing either.
        var own = await CaseAsync();
        var page = await s.PageAsync($"/staff/cases/{own}");
        var token = Html.Antiforgery(page);
        var before = Stored(id);
        foreach (var (handler, field, value) in new[] { ("move", "move.status", "in-review"), ("note", "note.text", "Une note"), ("extend", "extend.reason", "Trop de travail") })
        {
            var r = await s.Jar.PostFormAsync(s.Client, $"/staff/cases/{id}?handler={handler}", [new("__RequestVerificationToken", token), new(field, value)]);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }
        var decision = await s.Jar.PostFormAsync(s.Client, $"/staff/cases/{id}/decision", [new("__RequestVerificationToken", token), new("outcome", "granted"), new("factualGrounds", Facts), new("legalGrounds", Law), new("channel", "post")]);
        Assert.Equal(HttpStatusCode.NotFound, decision.StatusCode);
        var after = Stored(id);
        Assert.Equal((before.Status, before.UpdatedAt), (after.Status, after.UpdatedAt));
        Assert.Equal(["deliver.case.opened", "deliver.case.status-changed", "deliver.case.status-changed"], app.Activities("case", id));
        Assert.False(app.InScope(db => db.Set<Decision>().Any(d => d.CaseId == id)));
    }

    [Fact]
    public async Task The_clock_notes_and_documents_are_worked_from_the_case_page_and_the_history_shows_who_did_and_saw_what()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync();
        var page = await s.PageAsync($"/staff/cases/{id}");
        Assert.Contains("Due date", page.QuerySelector("#clock")!.TextContent);
        // 1 September + 75 days = Sunday 15 November: the next working day.
        Assert.Contains("16 November 2026", page.QuerySelector("#clock")!.TextContent);
        Assert.Contains("One extension", page.QuerySelector("#clock")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var suspended = await s.SubmitAsync(page, "form[action*='handler=suspend']", new Dictionary<string, string> { ["suspend.reason"] = "missing-document", ["suspend.on"] = "2026-10-01" });
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        page = await s.PageAsync(suspended.Headers.Location!.OriginalString);
        Assert.Contains("The clock has been suspended.", page.QuerySelector(".notice")!.TextContent);
        Assert.Contains("Waiting for a document from the applicant", page.QuerySelector("#clock")!.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=suspend']"));

        // Resuming before the suspension: the rule's words at the field, nothing changed.
        var early = await s.SubmitAsync(page, "form[action*='handler=resume']", new Dictionary<string, string> { ["resume.on"] = "2026-09-15" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var earlyPage = await Html.ParseAsync(early);
        Assert.Contains("#resume-on", Html.ErrorSummaryLinks(earlyPage));
        Assert.Equal("2026-09-15", earlyPage.QuerySelector("#resume-on")!.GetAttribute("value"));
        Assert.True(Stored(id).IsSuspended);
        var resumed = await s.SubmitAsync(page, "form[action*='handler=resume']", new Dictionary<string, string> { ["resume.on"] = "2026-10-05" });
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        // Four calendar days suspended: due 19 November.
        page = await s.PageAsync($"/staff/cases/{id}");
        Assert.Contains("19 November 2026", page.QuerySelector("#clock")!.TextContent);

        var noReason = await s.SubmitAsync(page, "form[action*='handler=extend']", new Dictionary<string, string> { ["extend.reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("#extend-reason", Html.ErrorSummaryLinks(await Html.ParseAsync(noReason)));
        Assert.Null(Stored(id).Extension);
        var extended = await s.SubmitAsync(page, "form[action*='handler=extend']", new Dictionary<string, string> { ["extend.reason"] = "Avis du service technique requis." });
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        page = await s.PageAsync($"/staff/cases/{id}");
        Assert.Null(page.QuerySelector("form[action*='handler=extend']"));
        Assert.Contains("Avis du service technique requis.", page.QuerySelector("#clock")!.TextContent);

        var noted = await s.SubmitAsync(page, "form[action*='handler=note']", new Dictionary<string, string> { ["note.text"] = "Appelé le demandeur pour les plans." });
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        page = await s.PageAsync($"/staff/cases/{id}");
        Assert.Contains("Appelé le demandeur pour les plans.", page.QuerySelector("#notes")!.TextContent);
        Assert.Contains("Koen Handler", page.QuerySelector("#notes")!.TextContent);

        // A document through the multipart form, then downloaded.
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        var upload = new MultipartFormDataContent
        {
            { new StringContent(Html.Antiforgery(page)), "__RequestVerificationToken" },
            { new StringContent("evidence"), "document.kind" },
            { new ByteArrayContent(pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "plans.pdf" },
        };
        var uploaded = await s.Jar.SendAsync(s.Client, new HttpRequestMessage(HttpMethod.Post, $"/staff/cases/{id}/documents") { Content = upload });
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal($"/staff/cases/{id}?done=document-added#documents", uploaded.Headers.Location!.OriginalString);
        page = await s.PageAsync($"/staff/cases/{id}");
        var link = page.QuerySelector("#documents a[href*='/documents/']")!;
        Assert.Equal("plans.pdf", link.TextContent);
        var download = await s.Jar.GetAsync(s.Client, link.GetAttribute("href")!);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // A file of the wrong kind: the case page says so at the upload field, nothing is stored.
        var documents = Counts().Documents;
        var wrong = new MultipartFormDataContent
        {
            { new StringContent(Html.Antiforgery(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("<script>alert(1)</script>")), "file", "plans.pdf" },
        };
        var refused = await s.Jar.SendAsync(s.Client, new HttpRequestMessage(HttpMethod.Post, $"/staff/cases/{id}/documents") { Content = wrong });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var refusedPage = await s.PageAsync(refused.Headers.Location!.OriginalString);
        Assert.Equal(["#document-file"], Html.ErrorSummaryLinks(refusedPage));
        Assert.Contains("This kind of file is not accepted", refusedPage.QuerySelector("#document-file-error")!.TextContent);
        Assert.Equal(documents, Counts().Documents);

        var history = await s.PageAsync($"/staff/cases/{id}/history");
        var rows = history.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        var what = rows.Select(r => r[2]).ToList();
        foreach (var activity in new[] { "Case opened", "Case viewed", "Clock suspended", "Clock resumed", "Time extended", "Note added", "Document added", "Document downloaded" })
            Assert.Contains(activity, what);
        Assert.All(rows.Where(r => r[2] == "Case viewed"), r => Assert.Equal("Koen Handler", r[1]));
        Assert.Contains(rows, r => r[2] == "Clock suspended" && r[3].Contains("Reason: missing-document", StringComparison.Ordinal) && r[3].Contains("On: 1 October 2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_document_over_10_MB_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler, "de");
        var id = await CaseAsync();
        var page = await s.PageAsync($"/staff/cases/{id}");
        var documents = Counts().Documents;
        var big = new byte[CaseDocument.MaxBytes + 100_000];
        "%PDF-1.4\n"u8.CopyTo(big);
        var upload = new MultipartFormDataContent
        {
            { new StringContent(Html.Antiforgery(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(big), "file", "scan.pdf" },
        };
        var response = await s.Jar.SendAsync(s.Client, new HttpRequestMessage(HttpMethod.Post, $"/staff/cases/{id}/documents") { Content = upload });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = await s.PageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(["#document-file"], Html.ErrorSummaryLinks(back));
        Assert.Contains("Die Datei ist größer als 10 MB.", back.QuerySelector("#document-file-error")!.TextContent);
        Assert.Equal(documents, Counts().Documents);
        Assert.DoesNotContain("deliver.document.added", app.Activities("case", id));
    }

    [Fact]
    public async Task A_case_is_assigned_to_a_handler_of_its_unit_and_a_handler_of_another_unit_is_refused()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync();
        var page = await s.PageAsync($"/staff/cases/{id}");
        var handlerId = app.InScope(db => db.Set<Guichet.Platform.Identity.StaffUser>().Single(u => u.Email == DemoAccounts.CaseHandler).Id);
        var frontOffice = app.InScope(db => db.Set<Guichet.Platform.Identity.StaffUser>().Single(u => u.Email == DemoAccounts.FrontOffice).Id);
        Assert.Null(page.QuerySelector($"#assign-handlerId option[value='{frontOffice}']"));

        var forged = await s.SubmitAsync(page, "form[action*='handler=assign']", new Dictionary<string, string> { ["assign.handlerId"] = frontOffice.ToString() });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("#assign-handlerId", Html.ErrorSummaryLinks(await Html.ParseAsync(forged)));
        Assert.Null(Stored(id).HandlerId);

        var assigned = await s.SubmitAsync(page, "form[action*='handler=assign']", new Dictionary<string, string> { ["assign.handlerId"] = handlerId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(handlerId, Stored(id).HandlerId);
    }

    // ---- decisions --------------------------------------------------------------------------

    [Fact]
    public async Task The_decision_form_is_pre_filled_with_the_appeal_block_and_legal_grounds_in_the_language_of_procedure()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler, "fr");
        var id = await CaseAsync(language: "nl", ready: true);
        var form = await s.PageAsync($"/staff/cases/{id}/decision");
        Assert.Equal("Waalse Regering", form.QuerySelector("#appeal-body")!.GetAttribute("value"));
        Assert.Equal("nl", form.QuerySelector("#appeal-body")!.GetAttribute("lang"));
        Assert.Equal("30", form.QuerySelector("#appeal-deadlineDays")!.GetAttribute("value"));
        Assert.Equal("DGO4, rue des Brigades d'Irlande 1, 5100 Namen", form.QuerySelector("#appeal-address")!.TextContent.Trim());
        Assert.StartsWith("Beroep per aangetekende zending", form.QuerySelector("#appeal-form")!.TextContent.Trim());
        Assert.Equal("Waals Wetboek van Ruimtelijke Ontwikkeling, artikelen D.IV.1 en volgende", form.QuerySelector("#legalGrounds")!.TextContent.Trim());
        Assert.Equal(["granted", "refused", "partiallyGranted", "inadmissible"], form.QuerySelectorAll("input[name=outcome]").Select(i => i.GetAttribute("value")));
        Assert.Contains("Accordée", form.QuerySelector("fieldset")!.TextContent);
    }

    [Fact]
    public async Task A_decision_without_motivation_is_refused_at_its_fields_in_plain_words_and_nothing_is_stored()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler, "fr");
        var id = await CaseAsync(ready: true);
        var form = await s.PageAsync($"/staff/cases/{id}/decision");
        var decisions = Counts().Decisions;
        var response = await s.SubmitAsync(form, "form.case-form", new Dictionary<string, string>
        {
            ["outcome"] = "refused", ["factualGrounds"] = "Refusé.", ["legalGrounds"] = "Voir loi.", ["appeal.address"] = "", ["channel"] = "post",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(["#factualGrounds", "#legalGrounds", "#appeal-address"], Html.ErrorSummaryLinks(page));
        Assert.Contains("la loi du 29 juillet 1991 l'exige", page.QuerySelector("#factualGrounds-error")!.TextContent);
        Assert.Contains("le délai de recours ne prend pas cours", page.QuerySelector("#appeal-address-error")!.TextContent);
        Assert.Equal("Refusé.", page.QuerySelector("#factualGrounds")!.TextContent);
        Assert.NotNull(page.QuerySelector("#outcome-refused[checked]"));
        Assert.Equal(decisions, Counts().Decisions);
        Assert.Equal("awaiting-decision", Stored(id).Status);
        Assert.DoesNotContain("deliver.decision.issued", app.Activities("case", id));
    }

    [Fact]
    public async Task A_decision_issued_through_the_form_closes_the_case_and_offers_its_letter_and_the_appeal_form()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync(ready: true);
        var form = await s.PageAsync($"/staff/cases/{id}/decision");
        var response = await s.SubmitAsync(form, "form.case-form", new Dictionary<string, string>
        {
            ["outcome"] = "granted", ["factualGrounds"] = Facts, ["legalGrounds"] = Law, ["channel"] = "post",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/cases/{id}?done=decided#decision", response.Headers.Location!.OriginalString);
        var decision = app.InScope(db => db.Set<Decision>().AsNoTracking().Single(d => d.CaseId == id));
        Assert.Equal(("Gouvernement wallon", 30, new DateOnly(2026, 11, 9)), (decision.Appeal.Body, decision.Appeal.DeadlineDays, decision.AppealDeadline));
        Assert.Equal("decided", Stored(id).Status);

        var page = await s.PageAsync($"/staff/cases/{id}");
        var section = page.QuerySelector("#decision")!;
        Assert.Contains("Granted", section.TextContent);
        Assert.Contains("9 November 2026", section.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=move']"));
        var html = await s.Jar.GetAsync(s.Client, section.QuerySelector("a[href$='letter.html']")!.GetAttribute("href")!);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Gouvernement wallon", await html.Content.ReadAsStringAsync());
        var pdf = await s.Jar.GetAsync(s.Client, section.QuerySelector("a[href$='letter.pdf']")!.GetAttribute("href")!);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("deliver.decision-letter.viewed", app.Activities("case", id));
        // The decision is issued once: the form now leads back to the case.
        var again = await s.Jar.GetAsync(s.Client, $"/staff/cases/{id}/decision");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var missing = await s.SubmitAsync(page, "form[action*='handler=lodge']", new Dictionary<string, string> { ["lodge.summary"] = "" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Equal(["#lodge-kind", "#lodge-summary"], Html.ErrorSummaryLinks(await Html.ParseAsync(missing)));
        var lodged = await s.SubmitAsync(page, "form[action*='handler=lodge']", new Dictionary<string, string> { ["lodge.kind"] = "appeal", ["lodge.summary"] = "Le voisin conteste la hauteur." });
        Assert.Equal(HttpStatusCode.Redirect, lodged.StatusCode);
        page = await s.PageAsync($"/staff/cases/{id}");
        Assert.Contains("Le voisin conteste la hauteur.", page.QuerySelector("#decision table")!.TextContent);
        Assert.Equal(decision.IssuedAt, app.InScope(db => db.Set<Decision>().AsNoTracking().Single(d => d.CaseId == id).IssuedAt));
    }

    // ---- cross-site requests ----------------------------------------------------------------

    [Fact]
    public async Task Every_form_needs_its_antiforgery_token()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync(ready: true);
        var before = (Counts(), Stored(id).UpdatedAt);
        var posts = new (string Url, KeyValuePair<string, string>[] Form)[]
        {
            ("/staff/cases/new", [new("caseType", "building-permit"), new("language", "fr"), new("subject", "Forgé"), new("parties[0].name", "X"), new("parties[0].kind", "person")]),
            ($"/staff/cases/{id}?handler=move", [new("move.status", "decided")]),
            ($"/staff/cases/{id}?handler=note", [new("note.text", "Forgée")]),
            ($"/staff/cases/{id}/decision", [new("outcome", "granted"), new("factualGrounds", Facts), new("legalGrounds", Law), new("channel", "post")]),
        };
        foreach (var (url, form) in posts)
            Assert.Equal(HttpStatusCode.BadRequest, (await s.Jar.PostFormAsync(s.Client, url, form)).StatusCode);
        var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")), "file", "x.pdf" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Jar.SendAsync(s.Client, new HttpRequestMessage(HttpMethod.Post, $"/staff/cases/{id}/documents") { Content = upload })).StatusCode);
        Assert.Equal(before, (Counts(), Stored(id).UpdatedAt));
    }

    // ---- a case from a contact --------------------------------------------------------------

    [Fact]
    public async Task A_case_opened_from_a_contact_starts_with_what_the_contact_says_and_closes_it()
    {
        var front = await app.ClientAsAsync(DemoAccounts.FrontOffice);
        var registered = await front.PostAsync("/api/v1/contacts", JsonBody(new
        {
            channel = "letter", customerKind = "person", customerNumber = "85.07.30-033.28", customerName = "Amélie Lambert", email = "amelie@example.be",
            language = "nl", subject = "Uitbreiding van een woning", serviceId = CatalogueDemoSeeder.StableId("service:hautrival-building-permit"),
        }));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var contactId = (await registered.ReadJsonAsync()).GetProperty("id").GetGuid();

        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var form = await s.PageAsync($"/staff/cases/new?contact={contactId}");
        Assert.Contains("Uitbreiding van een woning", form.QuerySelector(".notice")!.TextContent);
        Assert.Equal("Uitbreiding van een woning", form.QuerySelector("#subject")!.GetAttribute("value"));
        Assert.Equal("85073003328", form.QuerySelector("#parties-0-number")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("input[name='language'][value='nl'][checked]"));
        Assert.NotNull(form.QuerySelector("#caseType option[value='building-permit'][selected]"));
        var before = Counts();
        var opened = await s.SubmitAsync(form, "form.case-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(before.Cases + 1, Counts().Cases);
        var contact = app.InScope(db => db.Set<Guichet.Welcome.Contacts.Contact>().AsNoTracking().Single(c => c.Id == contactId));
        Assert.Equal(Guichet.Welcome.Contacts.ContactOutcome.CaseOpened, contact.Outcome);

        // The same contact again: said at the top of the form, nothing opened.
        var again = await s.SubmitAsync(form, "form.case-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already answered, referred or turned into a case", (await Html.ParseAsync(again)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(before.Cases + 1, Counts().Cases);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Jar.GetAsync(s.Client, $"/staff/cases/new?contact={Guid.NewGuid()}")).StatusCode);
    }

    // ---- requests to the customer, status link, advice ----------------------------------------

    private int RequestsOf(Guid id) => app.InScope(db => db.Set<Guichet.Deliver.Requests.CustomerRequest>().Count(r => r.CaseId == id));

    [Fact]
    public async Task The_case_page_asks_the_customer_for_a_document_which_stops_the_clock_and_lists_the_request()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync();
        var page = await s.PageAsync($"/staff/cases/{id}");
        Assert.Contains("Nothing has been asked of the customer.", page.QuerySelector("#requests")!.TextContent);

        // Bad input: said in the page's language, next to the field and in the summary; nothing stored.
        var empty = await s.SubmitAsync(page, "form[action*='handler=ask']", new Dictionary<string, string> { ["ask.what"] = "", ["ask.dueOn"] = "2026-10-01" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var refused = await Html.ParseAsync(empty);
        Assert.Equal(["#ask-what", "#ask-dueOn"], Html.ErrorSummaryLinks(refused));
        Assert.Contains("The date must be after today.", refused.QuerySelector("#requests")!.TextContent);
        Assert.Equal(0, RequestsOf(id));

        var asked = await s.SubmitAsync(page, "form[action*='handler=ask']", new Dictionary<string, string> { ["ask.what"] = "Une copie des plans signée par l'architecte", ["ask.dueOn"] = "2026-10-20" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var after = await s.PageAsync(asked.Headers.Location!.OriginalString);
        Assert.Contains("The request has been sent to the customer.", after.QuerySelector(".notice")!.TextContent);
        var requests = after.QuerySelector("#requests table")!.TextContent;
        Assert.Contains("Une copie des plans signée par l'architecte", requests);
        Assert.Contains("Awaited", requests);
        Assert.Equal(1, RequestsOf(id));
        Assert.True(Stored(id).IsSuspended);

        // The letter for post, with a status link of its own.
        var letterLink = after.QuerySelector("#requests a[href$='/letter']")!.GetAttribute("href")!;
        var letter = await s.Jar.GetAsync(s.Client, letterLink);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("text/html", letter.Content.Headers.ContentType!.MediaType);
        var letterText = await letter.Content.ReadAsStringAsync();
        Assert.Contains("Une copie des plans signée par l&#x27;architecte", letterText.Replace("&#39;", "&#x27;"));
        Assert.Contains("/status/", letterText);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Jar.GetAsync(s.Client, $"/staff/cases/{id}/requests/{Guid.NewGuid()}/letter")).StatusCode);
    }

    [Fact]
    public async Task A_new_status_link_is_shown_once_and_opens_the_status_page_while_the_earlier_ones_stop()
    {
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync();
        var page = await s.PageAsync($"/staff/cases/{id}");
        Assert.Null(page.QuerySelector("#status-link a.break-all"));
        var first = await Html.ParseAsync(await s.SubmitAsync(page, "form[action*='handler=link']", new Dictionary<string, string>()));
        var firstLink = new Uri(first.QuerySelector("#status-link a.break-all")!.GetAttribute("href")!).PathAndQuery;
        Assert.StartsWith("/status/", firstLink);
        Assert.Contains("A new status link has been made", first.QuerySelector(".notice")!.TextContent);
        var customer = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(firstLink + "?lang=fr")).StatusCode);

        var second = await Html.ParseAsync(await s.SubmitAsync(page, "form[action*='handler=link']", new Dictionary<string, string>()));
        var secondLink = new Uri(second.QuerySelector("#status-link a.break-all")!.GetAttribute("href")!).PathAndQuery;
        Assert.NotEqual(firstLink, secondLink);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(secondLink + "?lang=fr")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await customer.GetAsync(firstLink + "?lang=fr")).StatusCode);
        // Reloading the case page does not show the link again.
        Assert.Null((await s.PageAsync($"/staff/cases/{id}")).QuerySelector("#status-link a.break-all"));
    }

    [Fact]
    public async Task Advice_is_asked_on_the_case_page_and_given_by_the_unit_asked_on_its_advice_page()
    {
        var management = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-general-management");
        int AdviceCount() => app.InScope(db => db.Set<Guichet.Deliver.Advice.AdviceRequest>().Count());
        var s = await app.SignedInAsync(DemoAccounts.CaseHandler);
        var id = await CaseAsync();
        var page = await s.PageAsync($"/staff/cases/{id}");
        Assert.NotNull(page.QuerySelector($"#advice-toUnitId option[value='{management}']"));
        Assert.Null(page.QuerySelector($"#advice-toUnitId option[value='{UrbanPlanning}']")); // not itself

        var before = AdviceCount();
        var noUnit = await Html.ParseAsync(await s.SubmitAsync(page, "form[action*='handler=advice']", new Dictionary<string, string> { ["advice.toUnitId"] = "", ["advice.question"] = "" }));
        Assert.Equal(["#advice-toUnitId", "#advice-question"], Html.ErrorSummaryLinks(noUnit));
        Assert.Equal(before, AdviceCount());

        var asked = await s.SubmitAsync(page, "form[action*='handler=advice']", new Dictionary<string, string>
        {
            ["advice.toUnitId"] = management.ToString(), ["advice.question"] = "Le budget communal couvre-t-il la voirie prévue ?",
        });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var number = Stored(id).Number;
        Assert.Contains("Le budget communal couvre-t-il la voirie prévue ?", (await s.PageAsync($"/staff/cases/{id}")).QuerySelector("#advice")!.TextContent);
        var mine = await s.PageAsync("/staff/advice");
        Assert.NotNull(mine.QuerySelector($"a[href='/staff/cases/{id}#advice']"));

        // The unit asked answers on its own advice page (it does not see the case itself).
        var manager = await app.SignedInAsync(DemoAccounts.Manager);
        var advicePage = await manager.PageAsync("/staff/advice");
        var item = advicePage.QuerySelectorAll("article.advice-item").Single(a => a.TextContent.Contains(number));
        var formSelector = $"form[action*='{item.QuerySelector("form")!.GetAttribute("action")!.Split("adviceId=")[1]}']";
        var blank = await Html.ParseAsync(await manager.SubmitAsync(advicePage, formSelector, new Dictionary<string, string> { ["answer"] = " " }));
        Assert.Contains("This field is required.", blank.QuerySelector(".error-summary")!.TextContent);
        var given = await manager.SubmitAsync(advicePage, formSelector, new Dictionary<string, string> { ["answer"] = "Oui, le budget 2027 prévoit la voirie." });
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Contains("Oui, le budget 2027 prévoit la voirie.", (await s.PageAsync($"/staff/cases/{id}")).QuerySelector("#advice")!.TextContent);
        var again = await manager.SubmitAsync(advicePage, formSelector, new Dictionary<string, string> { ["answer"] = "Encore" });
        Assert.Contains("This advice was already given.", (await Html.ParseAsync(again)).QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("Kept", (await manager.PageAsync("/staff/advice")).QuerySelector("section[aria-labelledby='agreements-title']")!.TextContent);
    }
}
