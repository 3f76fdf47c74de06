using Guichet.Orient.Catalogue;

namespace Guichet.Tests.Orient.Public;

/// The organisation pages and browsing by life event, business event and theme.
public sealed class OrganisationAndTopicPagesTests(PublicApp app) : IClassFixture<PublicApp>
{
    [Fact]
    public async Task Own_organisations_come_first_then_the_other_bodies()
    {
        var organisations = PublicDemo.Organisations(app).Values.ToList();

        var page = await app.PageAsync("/organisations?lang=en");

        var own = page.QuerySelectorAll("h2#own + ul h3 a").Select(a => a.GetAttribute("href")).ToList();
        var others = page.QuerySelectorAll("h2#other-bodies ~ ul h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(organisations.Where(o => !o.External).Select(o => "/organisations/" + o.Slug).Order(), own.Order());
        Assert.Equal(organisations.Where(o => o.External).Select(o => "/organisations/" + o.Slug).Order(), others.Order());
        var all = page.QuerySelectorAll("main h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([.. own, .. others], all);
        Assert.Contains("38 services", page.QuerySelectorAll("main li.result").Single(li => li.QuerySelector("a[href='/organisations/hautrival']") is not null).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_page_has_its_description_homepage_units_channels_and_services()
    {
        app.At("2026-10-15 17:30");
        var published = PublicDemo.Published(app).Where(s => s.OrganisationId == PublicDemo.Hautrival).Select(s => s.Slug).Order().ToList();

        var page = await app.PageAsync("/organisations/hautrival?lang=en");

        Assert.Equal("Municipality of Hautrival", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("rural municipality", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='https://www.hautrival.be']"));
        Assert.Equal(published, PublicDemo.Cards(page).Keys.Order());

        // The unit tree: a department holds its offices.
        var department = page.QuerySelectorAll("ul.unit-tree li").Single(li => li.FirstChild!.TextContent.Trim() == "Population and Civil Status Department");
        var offices = department.QuerySelectorAll(":scope > ul > li").Select(li => li.FirstChild!.TextContent.Trim()).ToList();
        Assert.Contains("Population and Foreign Nationals Office", offices);
        Assert.Contains("Civil Registry Office", offices);

        // Channels, each counter and phone line with whether it is open now.
        Assert.Equal("Open now until 19:00", PublicDemo.Status(page, PublicDemo.TownHallCounter));
        Assert.Equal("Open now until 19:00", PublicDemo.Status(page, PublicDemo.HautrivalPhone));
        Assert.Equal(11, page.QuerySelectorAll("section.channel").Length);
        Assert.Empty(page.QuerySelectorAll("table.hours-week"));
        Assert.Null(page.QuerySelector(".notice--referral"));
    }

    [Fact]
    public async Task Another_bodys_page_says_it_is_another_body()
    {
        var page = await app.PageAsync("/organisations/famisud?lang=fr");

        Assert.Contains("Il s'agit d'un autre organisme", page.QuerySelector(".notice--referral")!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("li.service-card"), card => Assert.NotNull(card.QuerySelector(".badge--referral")));
        Assert.NotEmpty(page.QuerySelectorAll("li.service-card"));
    }

    [Fact]
    public async Task The_life_events_list_counts_the_published_services_of_each()
    {
        var published = PublicDemo.Published(app);

        var page = await app.PageAsync("/life-events?lang=en");

        var tiles = page.QuerySelectorAll("ul.tiles a").ToDictionary(a => a.GetAttribute("href")!, a => a.QuerySelector(".tiles__count")!.TextContent);
        var births = published.Count(s => s.Content.LifeEvents.Contains("having-a-baby"));
        Assert.Equal($"{births} services", tiles["/life-events/having-a-baby"]);
        Assert.Equal(app.Services.GetRequiredService<CodeLists>().LifeEvents.Count, tiles.Count);
    }

    [Theory]
    [InlineData("/life-events/having-a-baby", "Having a baby")]
    [InlineData("/business-events/starting-a-business", "Starting a business")]
    [InlineData("/themes/taxes", "Taxes")]
    public async Task A_code_page_lists_its_services_as_result_cards(string path, string heading)
    {
        var code = path.Split('/')[2];
        var expected = PublicDemo.Published(app)
            .Where(s => s.Content.LifeEvents.Contains(code) || s.Content.BusinessEvents.Contains(code) || s.Content.Themes.Contains(code))
            .Select(s => s.Slug).Order().ToList();

        var page = await app.PageAsync(path + "?lang=en");

        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent);
        Assert.Equal($"{expected.Count} services found", page.QuerySelector("#results-heading")!.TextContent.Squash());
        Assert.Equal(expected, PublicDemo.Cards(page).Keys.Order());
        Assert.All(PublicDemo.Cards(page).Values, card => Assert.NotNull(card.QuerySelector("dl.glance")));
    }

    [Fact]
    public async Task A_life_event_shows_the_referrals_to_other_bodies_beside_our_services()
    {
        var page = await app.PageAsync("/life-events/having-a-baby?lang=nl");

        var cards = PublicDemo.Cards(page);
        Assert.Null(cards["hautrival-birth-declaration"].QuerySelector(".badge--referral"));
        Assert.Contains("Dienst van een andere instantie: FamiSud", cards["famisud-birth-allowance"].TextContent.Squash(), StringComparison.Ordinal);
    }
}
