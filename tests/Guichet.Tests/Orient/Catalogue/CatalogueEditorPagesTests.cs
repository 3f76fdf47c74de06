using System.Net;
using Guichet.Orient.Catalogue;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Orient.Catalogue;

public sealed class CatalogueEditorPagesTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private const string CatalogueForm = "form.catalogue-form";

    private static string Many(params string[] values) => string.Join('\u001f', values);

    [Fact]
    public async Task An_editor_creates_edits_and_publishes_a_service_through_the_pages()
    {
        var s = await app.SignInAsync(DemoAccounts.Editor);
        var newUrl = $"/staff/catalogue/services/new?organisation={Demo.Hautrival}";
        var form = await s.PageAsync(newUrl);
        Assert.Equal("New service", form.QuerySelector("h1")!.TextContent);
        Assert.Equal(4, form.QuerySelectorAll("fieldset.catalogue-language").Length);

        var created = await s.SubmitAsync(form, CatalogueForm, action: newUrl, changes: new Dictionary<string, string>
        {
            ["slug"] = "page-made-service",
            ["unitId"] = Demo.HautrivalPopulation.ToString(),
            ["name.fr"] = "Prime à la naissance",
            ["name.nl"] = "Geboortepremie",
            ["description.fr"] = "Une prime communale pour chaque naissance.",
            ["keywords.fr"] = "naissance, bébé , prime",
            ["audiences"] = "citizens",
            ["themes"] = Many("family", "social-aid"),
            ["channelIds"] = Demo.TownHallCounter.ToString(),
            ["processingTime.days"] = "15",
            ["processingTime.unit"] = "working",
            ["evidence[1].fr"] = "Acte de naissance",
            ["legalResources[0].title.fr"] = "Règlement communal",
            ["legalResources[0].url"] = "https://www.hautrival.be/reglements/naissance",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.EndsWith("?done=saved", location);
        var service = app.InScope(db => db.Set<PublicService>().AsNoTracking().Single(x => x.Slug == "page-made-service"));
        Assert.Equal(ServiceStatus.Draft, service.Status);
        Assert.Equal(["naissance", "bébé", "prime"], service.Content.Keywords.Fr);
        Assert.Equal(["family", "social-aid"], service.Content.Themes);
        Assert.Equal("Acte de naissance", Assert.Single(service.Content.Evidence).Fr);
        Assert.Equal(new ProcessingTime(15, DayCount.Working), service.Content.ProcessingTime);
        Assert.Equal(Demo.HautrivalPopulation, service.UnitId);

        var edit = await s.PageAsync(location);
        Assert.Contains("Your changes have been saved", edit.QuerySelector(".notice")!.TextContent);
        Assert.Equal("Geboortepremie", edit.QuerySelector("#name-nl")!.GetAttribute("value"));
        Assert.Equal("naissance, bébé, prime", edit.QuerySelector("#keywords-fr")!.GetAttribute("value"));
        var editUrl = $"/staff/catalogue/services/{service.Id}";
        var edited = await s.SubmitAsync(edit, CatalogueForm, action: editUrl, changes: new Dictionary<string, string> { ["name.en"] = "Birth premium" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var publishPage = await s.PageAsync(editUrl);
        var published = await s.Jar.PostFormAsync(s.Client, editUrl + "?handler=publish", [new("__RequestVerificationToken", Html.Antiforgery(publishPage))]);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.EndsWith("?done=published", published.Headers.Location!.OriginalString);
        var after = app.InScope(db => db.Set<PublicService>().AsNoTracking().Single(x => x.Id == service.Id));
        Assert.Equal(ServiceStatus.Published, after.Status);
        Assert.Equal("Birth premium", after.Content.Name.En);
        Assert.Equal(["orient.service.created", "orient.service.edited", "orient.service.published"], Demo.ActivitiesAbout(app, "service", service.Id));

        var unpublishPage = await s.PageAsync(editUrl);
        Assert.NotNull(unpublishPage.QuerySelector("form[action*='handler=unpublish']"));
        await s.Jar.PostFormAsync(s.Client, editUrl + "?handler=unpublish", [new("__RequestVerificationToken", Html.Antiforgery(unpublishPage))]);
        Assert.Equal(ServiceStatus.Draft, app.InScope(db => db.Set<PublicService>().AsNoTracking().Single(x => x.Id == service.Id).Status));
    }

    [Fact]
    public async Task An_invalid_service_form_is_shown_again_in_the_users_language_with_its_values_and_nothing_is_stored()
    {
        var s = await app.SignInAsync(DemoAccounts.Editor, "nl");
        var url = $"/staff/catalogue/services/new?organisation={Demo.Hautrival}";
        var form = await s.PageAsync(url);
        var before = Demo.Fingerprint(app);
        var response = await s.SubmitAsync(form, CatalogueForm, action: url, changes: new Dictionary<string, string>
        {
            ["slug"] = "invalid-page-service",
            ["name.nl"] = "Alleen in het Nederlands",
            ["description.fr"] = "Voir <script>alert(1)</script>",
            ["processingTime.days"] = "veertien",
            ["evidence[0].nl"] = "Een attest",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, Demo.Fingerprint(app));

        var page = await Html.ParseAsync(response);
        Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));
        var summary = page.QuerySelector(".error-summary")!;
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#name-fr", links);
        Assert.Contains("#description-fr", links);
        Assert.Contains("#processingTime-days", links);
        Assert.Contains("#evidence-0-fr", links);
        Assert.Contains("Deze tekst is verplicht in de hoofdtaal van de organisatie.", summary.TextContent);
        Assert.Contains("Alleen platte tekst", summary.TextContent);
        Assert.Contains("Vul een getal in.", page.QuerySelector("#processingTime-days-error")!.TextContent);
        foreach (var id in new[] { "name-fr", "description-fr", "processingTime-days", "evidence-0-fr" })
            Assert.NotNull(page.QuerySelector($"#{id}"));

        Assert.Equal("Alleen in het Nederlands", page.QuerySelector("#name-nl")!.GetAttribute("value"));
        Assert.Equal("Voir <script>alert(1)</script>", page.QuerySelector("#description-fr")!.TextContent);
        Assert.Equal("veertien", page.QuerySelector("#processingTime-days")!.GetAttribute("value"));
        Assert.Equal("Een attest", page.QuerySelector("#evidence-0-nl")!.GetAttribute("value"));
        Assert.Equal("invalid-page-service", page.QuerySelector("#slug")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_taken_slug_is_shown_on_the_slug_field()
    {
        var s = await app.SignInAsync(DemoAccounts.Editor, "fr");
        var url = $"/staff/catalogue/services/{Demo.Eid}";
        var page = await s.PageAsync(url);
        var before = Demo.Fingerprint(app);
        var response = await s.SubmitAsync(page, CatalogueForm, action: url, changes: new Dictionary<string, string> { ["slug"] = "fps-tax-certificate" });
        var again = await Html.ParseAsync(response);
        Assert.Equal(before, Demo.Fingerprint(app));
        Assert.Contains("Ce nom court est déjà utilisé", again.QuerySelector("#slug-error")!.TextContent);
        Assert.Equal("#slug", again.QuerySelector(".error-summary a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_service_name_missing_in_the_readers_language_is_shown_in_the_primary_language_and_said_so()
    {
        // fps-tax-certificate has no English text; its organisation writes Dutch first.
        var s = await app.SignInAsync(DemoAccounts.Editor, "en");
        var page = await s.PageAsync($"/staff/catalogue/services/{Demo.TaxCertificate}");
        Assert.Equal("nl", page.QuerySelector("h1 span")!.GetAttribute("lang"));
        Assert.Contains("shown in Dutch", page.QuerySelector("p.language-note")!.TextContent);
        Assert.Equal(string.Empty, page.QuerySelector("#name-en")!.GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task A_front_office_user_gets_the_forbidden_page()
    {
        var s = await app.SignInAsync(DemoAccounts.FrontOffice);
        foreach (var url in new[] { "/staff/catalogue", $"/staff/catalogue/services/{Demo.Eid}", $"/staff/catalogue/channels/{Demo.TownHallCounter}/opening-hours" })
        {
            var response = await s.Jar.GetAsync(s.Client, url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/staff/forbidden", response.Headers.Location!.PathAndQuery);
        }
        var forbidden = await s.Jar.GetAsync(s.Client, "/staff/forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("Access denied", (await Html.ParseAsync(forbidden)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await app.Client().GetAsync("/staff/catalogue");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_editor_attached_to_a_unit_sees_only_its_organisation_and_is_refused_the_others()
    {
        await app.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Guichet.Platform.Identity.StaffAccounts>().CreateAsync("fps-page-editor@guichet.test", "FPS editor",
                [Guichet.Platform.Identity.Roles.Editor], DemoAccounts.Password, Demo.FpsTaxationAdmin, default);
            await sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().SaveChangesAsync();
            return 0;
        });
        var s = await app.SignInAsync("fps-page-editor@guichet.test");
        var overview = await s.PageAsync("/staff/catalogue");
        Assert.Single(overview.QuerySelectorAll("section.catalogue-organisation"));
        Assert.Contains("Taxation", overview.QuerySelector("section.catalogue-organisation h2")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var response = await s.Jar.GetAsync(s.Client, $"/staff/catalogue/services/{Demo.Eid}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/forbidden", response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await s.Jar.GetAsync(s.Client, $"/staff/catalogue/services/{Demo.TaxCertificate}")).StatusCode);
    }

    [Fact]
    public async Task The_overview_filters_by_organisation_and_status()
    {
        var s = await app.SignInAsync(DemoAccounts.Editor);
        var all = await s.PageAsync("/staff/catalogue");
        Assert.Equal(app.InScope(db => db.Set<Organisation>().Count()), all.QuerySelectorAll("section.catalogue-organisation").Length);
        Assert.NotEmpty(all.QuerySelectorAll(".badge--draft"));

        var drafts = await s.PageAsync($"/staff/catalogue?organisation={Demo.Hautrival}&status=draft");
        Assert.Single(drafts.QuerySelectorAll("section.catalogue-organisation"));
        var badges = drafts.QuerySelectorAll("td .badge");
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Contains("badge--draft", b.ClassName));
        Assert.Equal("draft", drafts.QuerySelector("#status option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Opening_hours_are_edited_in_rows_and_bad_rows_are_shown_again_without_saving()
    {
        var s = await app.SignInAsync(DemoAccounts.Editor, "de");
        var url = $"/staff/catalogue/channels/{Demo.HautrivalPhone}/opening-hours";
        var page = await s.PageAsync(url);
        Assert.True(page.QuerySelectorAll("[id^='periods-0-hours-'][id$='-day']").Length >= 14);
        Assert.Equal("monday", page.QuerySelector("#periods-0-hours-0-day option[selected]")!.GetAttribute("value"));

        var before = Demo.Fingerprint(app);
        var overlapping = await s.SubmitAsync(page, CatalogueForm, action: url, changes: new Dictionary<string, string>
        {
            ["periods[0].hours[1].opens"] = "10:00",
            ["closures[5].from"] = "2027-03-10",
            ["closures[5].to"] = "2027-03-01",
        });
        Assert.Equal(HttpStatusCode.OK, overlapping.StatusCode);
        Assert.Equal(before, Demo.Fingerprint(app));
        var again = await Html.ParseAsync(overlapping);
        var links = again.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#periods-0-hours-1-opens", links);
        Assert.Contains("Dieses Zeitfenster überschneidet sich", again.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("10:00", again.QuerySelector("#periods-0-hours-1-opens")!.GetAttribute("value"));
        // The blank rows before the bad closure were dropped: it is now the fourth closure.
        var closure = again.QuerySelectorAll(".error-summary a").Single(a => a.GetAttribute("href")!.StartsWith("#closures-", StringComparison.Ordinal));
        Assert.Equal("#closures-3-to", closure.GetAttribute("href"));
        Assert.Equal("2027-03-10", again.QuerySelector("#closures-3-from")!.GetAttribute("value"));

        var more = await s.SubmitAsync(again, CatalogueForm, action: url, changes: new Dictionary<string, string> { ["action"] = "more" });
        var withMore = await Html.ParseAsync(more);
        Assert.Equal(before, Demo.Fingerprint(app));
        Assert.True(withMore.QuerySelectorAll("[id^='periods-0-hours-'][id$='-day']").Length > page.QuerySelectorAll("[id^='periods-0-hours-'][id$='-day']").Length);

        var fixedPage = await s.SubmitAsync(withMore, CatalogueForm, action: url, changes: new Dictionary<string, string>
        {
            ["action"] = "save",
            ["periods[0].hours[1].opens"] = "13:00",
            ["closures[3].from"] = "2027-03-01",
            ["closures[3].to"] = "2027-03-10",
            ["specialOpenings[0].date"] = "2027-03-13",
            ["specialOpenings[0].opens"] = "09:00",
            ["specialOpenings[0].closes"] = "12:00",
            ["specialOpenings[0].reason.fr"] = "Samedi d'inscriptions scolaires",
        });
        Assert.Equal(HttpStatusCode.Redirect, fixedPage.StatusCode);
        var hours = app.InScope(db => db.Set<Channel>().AsNoTracking().Single(c => c.Id == Demo.HautrivalPhone).OpeningHours!);
        Assert.Equal("13:00", hours.Periods[0].Hours[1].Opens);
        Assert.Equal(4, hours.Closures.Count);
        Assert.Equal("Samedi d'inscriptions scolaires", Assert.Single(hours.SpecialOpenings).Reason!.Fr);
        Assert.Equal(2, hours.Periods.Count);
        Assert.Contains("orient.channel.opening-hours-changed", Demo.ActivitiesAbout(app, "channel", Demo.HautrivalPhone));
    }

    [Fact]
    public async Task Units_are_created_and_moved_through_the_pages()
    {
        var s = await app.SignInAsync(DemoAccounts.Editor);
        var list = await s.PageAsync($"/staff/catalogue/organisations/{Demo.Hautrival}/units");
        Assert.Equal(16, list.QuerySelectorAll(".catalogue-tree li").Length);

        var url = $"/staff/catalogue/units/new?organisation={Demo.Hautrival}";
        var form = await s.PageAsync(url);
        var created = await s.SubmitAsync(form, CatalogueForm, action: url, changes: new Dictionary<string, string>
        {
            ["slug"] = "hautrival-sports",
            ["parentId"] = Demo.HautrivalCitizenServices.ToString(),
            ["name.fr"] = "Service des Sports",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var unitUrl = created.Headers.Location!.OriginalString.Split('?')[0];
        var edit = await s.PageAsync(unitUrl);
        // A unit cannot be moved under itself: it is not offered as its own parent.
        var id = unitUrl.Split('/').Last();
        Assert.Null(edit.QuerySelector($"#parentId option[value='{id}']"));
        var moved = await s.SubmitAsync(edit, CatalogueForm, action: unitUrl, changes: new Dictionary<string, string> { ["parentId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var unit = app.InScope(db => db.Set<Unit>().AsNoTracking().Single(u => u.Slug == "hautrival-sports"));
        Assert.Null(unit.ParentId);
        Assert.Equal(["orient.unit.created", "orient.unit.edited", "orient.unit.moved"], Demo.ActivitiesAbout(app, "unit", unit.Id));
    }

    [Fact]
    public async Task Channels_are_created_through_the_pages_and_bad_input_is_shown_again()
    {
        var s = await app.SignInAsync(DemoAccounts.Editor);
        var url = $"/staff/catalogue/channels/new?organisation={Demo.Hautrival}";
        var form = await s.PageAsync(url);
        var before = Demo.Fingerprint(app);
        var bad = await s.SubmitAsync(form, CatalogueForm, action: url, changes: new Dictionary<string, string>
        {
            ["slug"] = "page-counter",
            ["kind"] = "counter",
            ["name.fr"] = "Antenne de Sorée",
            ["address.street"] = "Rue du Village 1",
            ["address.postcode"] = "53",
            ["address.city.fr"] = "Sorée",
            ["latitude"] = "north",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(before, Demo.Fingerprint(app));
        var page = await Html.ParseAsync(bad);
        var links = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#latitude", "#address-postcode"], links);
        Assert.Equal("north", page.QuerySelector("#latitude")!.GetAttribute("value"));

        var good = await s.SubmitAsync(page, CatalogueForm, action: url, changes: new Dictionary<string, string> { ["address.postcode"] = "5395", ["latitude"] = "50,39" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var channel = app.InScope(db => db.Set<Channel>().AsNoTracking().Single(c => c.Slug == "page-counter"));
        Assert.Equal(50.39, channel.Latitude);
        Assert.Equal(ChannelKind.Counter, channel.Kind);
        Assert.Equal(["orient.channel.created"], Demo.ActivitiesAbout(app, "channel", channel.Id));
    }

    [Fact]
    public async Task Only_admins_edit_organisations_through_the_pages()
    {
        var editor = await app.SignInAsync(DemoAccounts.Editor);
        var refused = await editor.Jar.GetAsync(editor.Client, $"/staff/catalogue/organisations/{Demo.Hautrival}");
        Assert.StartsWith("/staff/forbidden", refused.Headers.Location!.PathAndQuery);

        var admin = await app.SignInAsync(DemoAccounts.Admin);
        var url = $"/staff/catalogue/organisations/{Demo.Hautrival}";
        var form = await admin.PageAsync(url);
        Assert.Equal("Commune de Hautrival", form.QuerySelector("#name-fr")!.GetAttribute("value"));
        var saved = await admin.SubmitAsync(form, CatalogueForm, action: url, changes: new Dictionary<string, string> { ["homepage"] = "https://www.hautrival.be/accueil" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("https://www.hautrival.be/accueil", app.InScope(db => db.Set<Organisation>().AsNoTracking().Single(o => o.Id == Demo.Hautrival).Homepage));

        var created = await admin.SubmitAsync(await admin.PageAsync("/staff/catalogue/organisations/new"), CatalogueForm, action: "/staff/catalogue/organisations/new", changes: new Dictionary<string, string>
        {
            ["slug"] = "page-made-body",
            ["kind"] = "regional",
            ["primaryLanguage"] = "de",
            ["external"] = "true",
            ["name.de"] = "Dienststelle für Selbstbestimmtes Leben",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(app.InScope(db => db.Set<Organisation>().AsNoTracking().Single(o => o.Slug == "page-made-body").External));
    }
}
