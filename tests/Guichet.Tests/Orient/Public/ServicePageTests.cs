using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Guichet.Orient.Catalogue;
using Guichet.Platform.Localization;
using Guichet.Tests.Orient.Catalogue;
using CatalogueDemo = Guichet.Tests.Orient.Catalogue.Demo;
using Guichet.Tests.Support;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Orient.Public;

/// A service page: its content, its channels with opening hours evaluated on the host's clock
/// (holidays, closures, seasons), its schema.org JSON-LD, and what may and may not be shown.
public sealed class ServicePageTests(PublicApp app) : IClassFixture<PublicApp>
{
    private static JsonElement JsonLd(IDocument page)
    {
        var script = Assert.Single(page.QuerySelectorAll("script"));
        Assert.Equal("application/ld+json", script.GetAttribute("type"));
        return JsonDocument.Parse(script.TextContent).RootElement.Clone();
    }

    private static List<JsonElement> Specifications(JsonElement holder, string property = "openingHoursSpecification") =>
        [.. holder.GetProperty(property).EnumerateArray()];

    private static bool Is(JsonElement spec, string opens, string closes, string? from = null, string? day = null) =>
        spec.GetProperty("opens").GetString() == opens && spec.GetProperty("closes").GetString() == closes
        && (from is null ? !spec.TryGetProperty("validFrom", out _) : spec.TryGetProperty("validFrom", out var f) && f.GetString() == from)
        && (day is null || spec.TryGetProperty("dayOfWeek", out var days) && days.EnumerateArray().Any(d => d.GetString() == "https://schema.org/" + day));

    [Fact]
    public async Task The_page_shows_everything_the_content_says()
    {
        var page = await app.PageAsync("/services/hautrival-eid?lang=en");

        Assert.Equal("Electronic identity card (eID) – Guichet", page.Title);
        Assert.Equal("Electronic identity card (eID)", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Apply for or renew your electronic identity card", page.QuerySelector(".service-description")!.TextContent.Trim(), StringComparison.Ordinal);
        var facts = page.QuerySelectorAll("main > dl.facts dt").Select(dt => dt.TextContent).Zip(page.QuerySelectorAll("main > dl.facts dd").Select(dd => dd.TextContent.Squash())).ToDictionary();
        Assert.Equal("Population and Foreign Nationals Office, Municipality of Hautrival", facts["Provided by"]);
        Assert.Equal("Citizens", facts["For"]);
        Assert.StartsWith("€25 through the standard procedure", facts["Cost"], StringComparison.Ordinal);
        Assert.StartsWith("An electronic identity card valid for 10 years", facts["What you get"], StringComparison.Ordinal);
        Assert.Equal("21 calendar days", facts["Processing time"]);
        Assert.Equal(3, page.QuerySelectorAll("ul.evidence li").Length);
        Assert.All(page.QuerySelectorAll("ul.legal-resources a"), a => Assert.StartsWith("https://", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll("ul.legal-resources a"));
        var topics = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/life-events/becoming-of-age", topics);
        Assert.Contains("/life-events/travelling-abroad", topics);
        Assert.Contains("/themes/identity-documents", topics);
    }

    [Fact]
    public async Task The_appeal_summary_and_working_day_norms_are_shown()
    {
        var page = await app.PageAsync("/services/hautrival-residents-parking-card?lang=fr");

        Assert.Contains("Si vous contestez la décision", page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains("5 jours ouvrables", page.QuerySelector("main > dl.facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_channel_shows_its_address_map_phone_email_and_web_link()
    {
        var page = await app.PageAsync("/services/hautrival-eid?lang=en");

        var counter = PublicDemo.Channel(page, PublicDemo.TownHallCounter);
        Assert.Contains("Place communale 1", counter.QuerySelector("address")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5395", counter.QuerySelector("address")!.TextContent, StringComparison.Ordinal);
        var map = counter.QuerySelector("a[href^='https://www.openstreetmap.org/']")!;
        Assert.Contains("50.3927, 5.0143", map.TextContent, StringComparison.Ordinal);
        Assert.Contains("mlat=50.3927&mlon=5.0143", map.GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(counter.QuerySelector("a[href='tel:+3283214000']"));
        Assert.NotNull(counter.QuerySelector("a[href='mailto:population@hautrival.be']"));
        Assert.Equal($"/api/v1/channels/{PublicDemo.TownHallCounter}/opening-hours.ics?lang=en",
            counter.QuerySelector("a[type='text/calendar']")!.GetAttribute("href"));
        var web = page.QuerySelectorAll("section.channel").Single(s => s.QuerySelector(".meta")!.TextContent == "Online");
        Assert.StartsWith("https://www.hautrival.be/", web.QuerySelector("dd a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ics_link_leads_to_the_channels_calendar_feed()
    {
        var page = await app.PageAsync("/services/hautrival-eid?lang=en");
        var href = PublicDemo.Channel(page, PublicDemo.TownHallCounter).QuerySelector("a[type='text/calendar']")!.GetAttribute("href")!;

        var feed = await app.Client().GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("2026-10-15 17:30", "en", "Open now until 19:00")] // Thursday late opening
    [InlineData("2026-10-15 12:30", "en", "Closed, opens today at 13:30")]
    [InlineData("2026-10-16 12:30", "en", "Closed, opens tomorrow at 09:00")] // Friday afternoon, Saturday morning
    [InlineData("2026-11-10 14:00", "en", "Closed, opens Thursday at 08:30")] // Wednesday 11 November is a holiday
    [InlineData("2026-11-10 14:00", "fr", "Fermé, ouvre jeudi à 08:30")]
    [InlineData("2026-11-10 14:00", "nl", "Gesloten, opent donderdag om 08:30")]
    [InlineData("2026-11-10 14:00", "de", "Geschlossen, öffnet am Donnerstag um 08:30 Uhr")]
    [InlineData("2026-11-11 10:00", "en", "Closed, opens tomorrow at 08:30 Today: Armistice Day")]
    [InlineData("2026-11-02 10:00", "en", "Closed, opens tomorrow at 08:30 Today: All Souls' Day (municipal staff holiday)")]
    [InlineData("2026-07-16 13:00", "en", "Closed, opens today at 16:00")] // summer hours: Thursday 09:00–12:00 and 16:00–19:00
    [InlineData("2026-07-16 17:00", "en", "Open now until 19:00")]
    [InlineData("2026-07-04 10:00", "en", "Open now until 12:00 Today: Extra opening before the holidays: collection of passports and Kids-IDs")]
    [InlineData("2026-12-23 16:30", "en", "Closed, opens Monday at 08:30")] // 24, 25 and 26 December closed, then Sunday
    public async Task The_counter_says_whether_it_is_open_now_on_the_hosts_clock(string brussels, string language, string expected)
    {
        app.At(brussels);

        var page = await app.PageAsync($"/services/hautrival-eid?lang={language}");

        Assert.Equal(expected, PublicDemo.Status(page, PublicDemo.TownHallCounter));
    }

    [Fact]
    public async Task The_week_table_shows_the_next_seven_days_with_the_holiday_and_closures()
    {
        app.At("2026-11-10 14:00");

        var page = await app.PageAsync("/services/hautrival-eid?lang=en");

        var rows = PublicDemo.Channel(page, PublicDemo.TownHallCounter).QuerySelectorAll("table.hours-week tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Squash()))).ToList();
        Assert.Equal(new[]
        {
            "Tuesday 10 November (today) | 08:30–12:00 | ",
            "Wednesday 11 November | Closed | Armistice Day",
            "Thursday 12 November | 08:30–12:00, 13:30–19:00 | ",
            "Friday 13 November | 08:30–12:00 | ",
            "Saturday 14 November | 09:00–12:00 | ",
            "Sunday 15 November | Closed | ",
            "Monday 16 November | 08:30–12:00, 13:30–16:00 | ",
        }, rows);
        var exceptions = PublicDemo.Channel(page, PublicDemo.TownHallCounter).QuerySelectorAll("ul.hours-exceptions li").Select(li => li.TextContent.Squash()).ToList();
        Assert.Contains("Thursday 24 December: Closed – Christmas Eve: municipal administration closed", exceptions);
        Assert.Contains("Friday 25 December: Closed – Christmas Day", exceptions);
    }

    [Fact]
    public async Task The_week_table_follows_the_summer_hours_and_marks_the_special_opening()
    {
        app.At("2026-06-29 09:00");

        var page = await app.PageAsync("/services/hautrival-eid?lang=fr");

        var rows = PublicDemo.Channel(page, PublicDemo.TownHallCounter).QuerySelectorAll("table.hours-week tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Squash()))).ToList();
        Assert.Equal("lundi 29 juin (aujourd'hui) | 08:30–12:00, 13:30–16:00 | ", rows[0]);
        Assert.Equal("jeudi 2 juillet | 09:00–12:00, 16:00–19:00 | ", rows[3]);
        Assert.StartsWith("samedi 4 juillet | 09:00–12:00 | Ouverture exceptionnelle avant les départs en vacances", rows[5], StringComparison.Ordinal);
        var usual = PublicDemo.Channel(page, PublicDemo.TownHallCounter).QuerySelectorAll(".hours-period__name").Select(p => p.TextContent.Squash()).ToList();
        Assert.Equal(new[] { "Horaire habituel", "Horaire d'été (juillet et août) (du 1 juillet au 31 août)" }, usual);
    }

    [Fact]
    public async Task The_json_ld_is_a_government_service_with_its_provider_and_opening_hours_specifications()
    {
        app.At("2026-10-15 10:00");

        var json = JsonLd(await app.PageAsync("/services/hautrival-eid?lang=en"));

        Assert.Equal("https://schema.org", json.GetProperty("@context").GetString());
        Assert.Equal("GovernmentService", json.GetProperty("@type").GetString());
        Assert.Equal("Electronic identity card (eID)", json.GetProperty("name").GetString());
        Assert.StartsWith("Apply for or renew", json.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://localhost/services/hautrival-eid", json.GetProperty("url").GetString());
        Assert.Equal("Identity and documents", json.GetProperty("serviceType")[0].GetString());
        Assert.Equal("GovernmentOrganization", json.GetProperty("provider").GetProperty("@type").GetString());
        Assert.Equal("Municipality of Hautrival", json.GetProperty("provider").GetProperty("name").GetString());
        Assert.Equal("Hautrival", json.GetProperty("areaServed").GetProperty("name").GetString());

        var channels = json.GetProperty("availableChannel").EnumerateArray().ToList();
        Assert.All(channels, c => Assert.Equal("ServiceChannel", c.GetProperty("@type").GetString()));
        var counter = channels[0];
        Assert.Equal("+32 83 21 40 00", counter.GetProperty("servicePhone").GetProperty("telephone").GetString());
        var place = counter.GetProperty("serviceLocation");
        Assert.Equal("Place", place.GetProperty("@type").GetString());
        Assert.Equal("PostalAddress", place.GetProperty("address").GetProperty("@type").GetString());
        Assert.Equal("Place communale 1", place.GetProperty("address").GetProperty("streetAddress").GetString());
        Assert.Equal(50.3927, place.GetProperty("geo").GetProperty("latitude").GetDouble());

        var specs = Specifications(place);
        Assert.All(specs, s => Assert.Equal("OpeningHoursSpecification", s.GetProperty("@type").GetString()));
        Assert.Contains(specs, s => Is(s, "13:30", "19:00", day: "Thursday"));
        Assert.Contains(specs, s => Is(s, "08:30", "12:00", day: "Monday"));
        Assert.Contains(specs, s => Is(s, "09:00", "12:00", day: "Saturday"));
        // The next summer, with its own hours and its closed weekend.
        Assert.Contains(specs, s => Is(s, "16:00", "19:00", "2027-07-01", "Thursday") && s.GetProperty("validThrough").GetString() == "2027-08-31");
        Assert.Contains(specs, s => Is(s, "00:00", "00:00", "2027-07-01", "Saturday"));
        // The organisation's closures and the legal holidays to come, the past ones left out.
        Assert.Contains(specs, s => Is(s, "00:00", "00:00", "2026-11-02") && s.GetProperty("validThrough").GetString() == "2026-11-02");
        Assert.Contains(specs, s => Is(s, "00:00", "00:00", "2026-11-11"));
        Assert.Contains(specs, s => Is(s, "00:00", "00:00", "2026-12-24"));
        Assert.DoesNotContain(specs, s => Is(s, "09:00", "12:00", "2026-07-04"));

        // The phone line's hours are its contact point's.
        var phone = channels[1];
        Assert.Contains(Specifications(phone.GetProperty("servicePhone"), "hoursAvailable"), s => Is(s, "13:00", "19:00", day: "Thursday"));
        // The web channel is a URL.
        Assert.StartsWith("https://", channels[2].GetProperty("serviceUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_ld_lists_a_special_opening_still_to_come_with_its_date()
    {
        app.At("2026-06-20 10:00");

        var place = JsonLd(await app.PageAsync("/services/hautrival-eid?lang=nl")).GetProperty("availableChannel")[0].GetProperty("serviceLocation");

        var specs = Specifications(place);
        Assert.Contains(specs, s => Is(s, "09:00", "12:00", "2026-07-04", "Saturday") && s.GetProperty("validThrough").GetString() == "2026-07-04");
        Assert.Contains(specs, s => Is(s, "09:00", "12:00", "2026-07-01", "Monday"));
    }

    [Fact]
    public async Task A_script_in_a_description_is_shown_as_text_and_cannot_leave_the_json_ld()
    {
        // The editing rules refuse markup; this row is written straight into the database, as an
        // older import or a bug could, to prove the pages do not rely on the rules alone.
        const string Attack = "</script><script>alert(1)</script> <img src=x onerror=alert(2)>";
        app.Arrange(db =>
        {
            var service = new PublicService(Guid.NewGuid(), CatalogueDemo.Hautrival, new ServiceContent
            {
                Slug = "script-in-description",
                Name = LocalizedText.Of("Service </script><b>gras</b>", "Dienst", "Dienst", "Service"),
                Description = new LocalizedText { Fr = Attack },
                Cost = new LocalizedText { Fr = "<script>alert(3)</script>" },
                ChannelIds = [PublicDemo.TownHallCounter],
            }, DateTimeOffset.UtcNow);
            service.Publish(DateTimeOffset.UtcNow);
            db.Add(service);
            return db.SaveChanges();
        });

        var response = await app.Client().GetAsync("/services/script-in-description?lang=fr");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</script><script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>gras", html, StringComparison.OrdinalIgnoreCase);

        var page = await Html.ParseAsync(response);
        var json = JsonLd(page); // the only script element, and it is still whole
        Assert.Equal(Attack, json.GetProperty("description").GetString());
        Assert.Equal("Service </script><b>gras</b>", json.GetProperty("name").GetString());
        Assert.Contains(Attack, page.QuerySelector(".service-description")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Service </script><b>gras</b>", page.QuerySelector("h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main img, main b"));

        // In the result cards too.
        response = await app.Client().GetAsync("/organisations/hautrival?lang=fr");
        html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        var organisation = await Html.ParseAsync(response);
        Assert.Empty(organisation.QuerySelectorAll("script, main img, main b"));
        Assert.Contains("</script><script>alert(1)</script>", PublicDemo.Cards(organisation)["script-in-description"].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_has_no_page_until_it_is_published()
    {
        var editor = await app.ClientAsAsync(DemoAccounts.Editor);
        var created = await editor.PostAsync($"/api/v1/organisations/{CatalogueDemo.Hautrival}/services", JsonBody(new
        {
            slug = "draft-insulation-premium",
            name = new { fr = "Prime à l'isolation" },
            description = new { fr = "Une prime pour isoler votre toit." },
            audiences = new[] { "citizens" },
            themes = new[] { "environment" },
            channelIds = new[] { PublicDemo.TownHallCounter },
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

        await app.PageAsync("/services/draft-insulation-premium", HttpStatusCode.NotFound);
        Assert.DoesNotContain("draft-insulation-premium", PublicDemo.Cards(await app.PageAsync("/organisations/hautrival")).Keys);

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/services/{id}/publish", null)).StatusCode);
        var page = await app.PageAsync("/services/draft-insulation-premium?lang=fr");
        Assert.Equal("Prime à l'isolation", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("draft-insulation-premium", PublicDemo.Cards(await app.PageAsync("/organisations/hautrival")).Keys);

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/services/{id}/unpublish", null)).StatusCode);
        await app.PageAsync("/services/draft-insulation-premium", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_referral_says_whose_service_it_is_and_how_to_reach_them()
    {
        var page = await app.PageAsync("/services/fpo-retirement-pension?lang=en");

        var block = page.QuerySelector("section.notice--referral")!;
        Assert.Equal("Service of another body: Federal Pensions Office", block.QuerySelector("h2")!.TextContent.Squash());
        Assert.NotNull(block.QuerySelector("a[href='/organisations/federal-pensions-office']"));
        Assert.NotNull(block.QuerySelector("a[href^='tel:']"));
        Assert.NotNull(block.QuerySelector("a[href^='https://']"));

        // The municipality's own service has no such block.
        Assert.Null((await app.PageAsync("/services/hautrival-eid?lang=en")).QuerySelector("section.notice--referral"));
    }

    /// The service page offers what later stages offer for it (IServiceActions): booking where the
    /// service has counter slots, the contact form with the service filled in; nothing for a
    /// service of another body, whose page sends the customer there.
    [Fact]
    public async Task A_service_page_offers_booking_and_the_contact_form_where_the_service_has_them()
    {
        var eid = global::Guichet.Orient.Catalogue.Demo.CatalogueDemoSeeder.StableId("service:hautrival-eid");
        var page = await app.PageAsync("/services/hautrival-eid?lang=nl");
        var actions = page.QuerySelectorAll(".service-actions a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal([($"/contact?service={eid}", "Een vraag stellen over deze dienst"), ($"/appointments?service={eid}", "Een afspraak maken voor deze dienst")], actions);
        Assert.Equal("Wat u kunt doen", page.QuerySelector(".service-actions h2")!.TextContent);

        // Not bookable: only the contact form.
        var premium = global::Guichet.Orient.Catalogue.Demo.CatalogueDemoSeeder.StableId("service:hautrival-cat-sterilisation-premium");
        page = await app.PageAsync("/services/hautrival-cat-sterilisation-premium?lang=fr");
        Assert.Equal([$"/contact?service={premium}"], page.QuerySelectorAll(".service-actions a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Poser une question sur ce service", page.QuerySelector(".service-actions a")!.TextContent.Trim());

        // Another body's service: no action of ours.
        page = await app.PageAsync("/services/famisud-birth-allowance?lang=fr");
        Assert.NotNull(page.QuerySelector(".notice--referral"));
        Assert.Null(page.QuerySelector(".service-actions"));
    }

    [Theory]
    [InlineData("fr", "Nous écrire", "Prendre rendez-vous", "Introduire une plainte")]
    [InlineData("nl", "Ons schrijven", "Een afspraak maken", "Een klacht indienen")]
    public async Task The_home_page_and_every_footer_link_the_contact_form_appointments_and_complaints(string lang, string contact, string book, string complain)
    {
        var home = await app.PageAsync("/?lang=" + lang);
        Assert.Equal([("/contact", contact), ("/appointments", book), ("/complaint", complain)],
            home.QuerySelectorAll("main .action-list a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())));
        foreach (var url in new[] { "/?lang=" + lang, "/services?lang=" + lang, "/services/hautrival-eid?lang=" + lang })
        {
            var footer = (await app.PageAsync(url)).QuerySelector("footer")!;
            Assert.Equal(contact, footer.QuerySelector("a[href='/contact']")!.TextContent);
            Assert.Equal(book, footer.QuerySelector("a[href='/appointments']")!.TextContent);
            Assert.Equal(complain, footer.QuerySelector("a[href='/complaint']")!.TextContent);
        }
    }
}
