using AngleSharp.Dom;
using Guichet.Orient.Catalogue;
using Guichet.Tests.Support;

namespace Guichet.Tests.Orient.Public;

/// The results page: a query, the filters in a GET form, pagination, result cards, referrals and
/// the no-results page. Ranking is the search's business: these tests only ask what is found.
public sealed class ServiceResultsTests(PublicApp app) : IClassFixture<PublicApp>
{
    /// Every result slug of a search, following the pages.
    private async Task<List<string>> AllResultsAsync(string url)
    {
        var slugs = new List<string>();
        string? next = url;
        for (var guard = 0; next is not null && guard < 20; guard++)
        {
            var page = await app.PageAsync(next);
            slugs.AddRange(PublicDemo.Cards(page).Keys);
            // A browser keeps the language in its cookie; this client keeps none.
            next = page.QuerySelector("nav.pagination-nav a[rel=next]")?.GetAttribute("href") is { } href ? href + "&lang=en" : null;
        }
        return slugs;
    }

    private static string Heading(IDocument page) => page.QuerySelector("#results-heading")!.TextContent.Squash();

    [Fact]
    public async Task The_exact_name_of_a_service_finds_it_with_its_answers_at_a_glance()
    {
        app.At("2026-10-15 17:30"); // a Thursday: the town hall's late opening
        var page = await app.PageAsync("/services?q=" + Uri.EscapeDataString("Electronic identity card (eID)") + "&lang=en");

        Assert.Equal("Electronic identity card (eID)", page.QuerySelector("input#q")!.GetAttribute("value"));
        var card = PublicDemo.Cards(page)["hautrival-eid"];
        Assert.Equal("Electronic identity card (eID)", card.QuerySelector("h3")!.TextContent.Trim());
        var answers = card.QuerySelectorAll("dl.glance dt").Select(dt => dt.TextContent).ToList();
        Assert.Equal(new[] { "Who", "When", "How" }, answers);
        var glance = card.QuerySelectorAll("dl.glance dd").Select(dd => dd.TextContent.Squash()).ToList();
        Assert.Equal("Population and Foreign Nationals Office, Municipality of Hautrival", glance[0]);
        Assert.Equal("Counter: Open now until 19:00", glance[1]);
        Assert.NotNull(card.QuerySelector("a[href='/organisations/hautrival']"));
        Assert.NotNull(card.QuerySelector("a[href='tel:+3283214000']"));
        Assert.NotNull(card.QuerySelector("a[href='mailto:population@hautrival.be']"));
        Assert.StartsWith("https://", card.QuerySelector(".contact-list a[href^=http]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(card.QuerySelector(".badge--referral"));
    }

    [Fact]
    public async Task Without_a_query_every_published_service_is_listed_ten_per_page_with_the_count()
    {
        var published = PublicDemo.Published(app);
        var pages = (published.Count + 9) / 10;

        var first = await app.PageAsync("/services?lang=en");
        Assert.Equal($"{published.Count} services found – page 1 of {pages}", Heading(first));
        Assert.Equal(10, PublicDemo.Cards(first).Count);
        Assert.Equal("page", first.QuerySelector("nav.pagination-nav a[aria-current]")!.GetAttribute("aria-current"));
        Assert.Equal(pages, first.QuerySelectorAll("nav.pagination-nav a:not([rel])").Length);
        Assert.Equal("/services?page=2", first.QuerySelector("nav.pagination-nav a[rel=next]")!.GetAttribute("href"));

        var all = await AllResultsAsync("/services?lang=en");
        Assert.Equal(published.Select(s => s.Slug).Order(), all.Order());

        var last = await app.PageAsync($"/services?page={pages}&lang=en");
        Assert.Equal(published.Count - (pages - 1) * 10, PublicDemo.Cards(last).Count);
        Assert.Equal((1 + (pages - 1) * 10).ToString(System.Globalization.CultureInfo.InvariantCulture), last.QuerySelector("ol.results")!.GetAttribute("start"));
        Assert.Null(last.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [InlineData("page=999", "last")]
    [InlineData("page=0", "first")]
    [InlineData("page=-3", "first")]
    [InlineData("page=abc", "first")]
    public async Task A_page_number_out_of_range_shows_the_nearest_page(string query, string which)
    {
        var pages = (PublicDemo.Published(app).Count + 9) / 10;

        var page = await app.PageAsync($"/services?{query}&lang=en");

        var current = page.QuerySelector("a[aria-current=page]")!.TextContent.Squash();
        Assert.Equal($"Page {(which == "last" ? pages : 1)}", current);
        Assert.NotEmpty(PublicDemo.Cards(page));
    }

    [Fact]
    public async Task The_audience_filter_keeps_the_services_for_companies()
    {
        var expected = PublicDemo.Published(app).Where(s => s.Content.Audiences.Contains(Audience.Companies)).Select(s => s.Slug).Order().ToList();

        var page = await app.PageAsync("/services?audience=companies&lang=en");
        Assert.Equal($"{expected.Count} services found", Heading(page).Split(" – ")[0]);
        Assert.NotNull(page.QuerySelector("select#audience option[value=companies][selected]"));
        Assert.Equal(expected, (await AllResultsAsync("/services?audience=companies&lang=en")).Order());
    }

    [Fact]
    public async Task The_theme_and_organisation_filters_combine()
    {
        var fps = PublicDemo.Organisations(app).Values.Single(o => o.Slug == "fps-taxation");
        var expected = PublicDemo.Published(app).Where(s => s.Content.Themes.Contains("taxes") && s.OrganisationId == fps.Id).Select(s => s.Slug).Order().ToList();
        Assert.NotEmpty(expected);

        var page = await app.PageAsync("/services?theme=taxes&organisation=fps-taxation&lang=en");

        Assert.Equal(expected, PublicDemo.Cards(page).Keys.Order());
        Assert.NotNull(page.QuerySelector("select#theme option[value=taxes][selected]"));
        Assert.NotNull(page.QuerySelector("select#organisation option[value=fps-taxation][selected]"));
        // The filters can be taken away in one step, the query kept.
        Assert.Equal("/services", page.QuerySelector("a.search-form__clear")!.GetAttribute("href"));
        // A filter of the organisation's theme alone brings in the municipality's taxes too.
        var taxes = await AllResultsAsync("/services?theme=taxes&lang=en");
        Assert.Contains("hautrival-municipal-tax-objection", taxes);
    }

    [Fact]
    public async Task Filter_values_the_form_does_not_offer_filter_nothing()
    {
        var total = PublicDemo.Published(app).Count;

        var page = await app.PageAsync("/services?audience=robots&theme=nope&organisation=nobody&lang=en");

        Assert.StartsWith($"{total} services found", Heading(page), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("select option[selected]:not([value=''])"));
        Assert.Null(page.QuerySelector("a.search-form__clear"));
    }

    [Fact]
    public async Task A_service_of_another_body_is_labelled_as_a_referral_with_that_bodys_contact()
    {
        var page = await app.PageAsync("/services?organisation=famisud&lang=en");

        var cards = PublicDemo.Cards(page);
        Assert.Equal(new[] { "famisud-birth-allowance", "famisud-family-allowances" }, cards.Keys.Order());
        foreach (var card in cards.Values)
        {
            var who = card.QuerySelector("dl.glance dd")!;
            Assert.Equal("Referral", who.QuerySelector(".badge--referral")!.TextContent);
            Assert.Contains("Service of another body: FamiSud – public family allowance fund", who.TextContent.Squash(), StringComparison.Ordinal);
            Assert.Equal("/organisations/famisud", who.QuerySelector("a")!.GetAttribute("href"));
            Assert.NotNull(card.QuerySelector("a[href='tel:+3281402000']"));
        }

        // The municipality's own services are not referrals.
        page = await app.PageAsync("/services?organisation=hautrival&lang=en");
        Assert.Empty(page.QuerySelectorAll(".badge--referral"));
    }

    [Theory]
    [InlineData("fr", "Aucun service trouvé pour « qwxzvkj »")]
    [InlineData("en", "No service found for “qwxzvkj”")]
    public async Task No_results_is_a_helpful_page_never_a_dead_end(string language, string heading)
    {
        var page = await app.PageAsync($"/services?q=qwxzvkj&lang={language}");

        Assert.Equal(heading, Heading(page));
        Assert.Empty(PublicDemo.Cards(page));
        var links = page.QuerySelectorAll(".no-results a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/life-events/having-a-baby", links);
        Assert.Contains("/life-events/moving-house", links);
        Assert.Contains("/organisations", links);
        Assert.Contains("/business-events", links);

        // With filters, the first suggestion is the same search without them.
        page = await app.PageAsync($"/services?q=qwxzvkj&theme=taxes&lang={language}");
        Assert.Contains("/services?q=qwxzvkj", page.QuerySelectorAll(".no-results a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_form_works_without_script_and_the_query_is_kept_and_encoded()
    {
        var page = await app.PageAsync("/services?q=" + Uri.EscapeDataString("<b>permis</b> & \"taxe\"") + "&lang=fr");

        Assert.Equal("<b>permis</b> & \"taxe\"", page.QuerySelector("input#q")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("main b"));
        var form = page.QuerySelector("form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(new[] { "q", "audience", "theme", "organisation" }, form.QuerySelectorAll("input[name], select[name]").Select(e => e.GetAttribute("name")!));
        Assert.All(form.QuerySelectorAll("input[name], select[name]"), e => Assert.NotNull(form.QuerySelector($"label[for={e.Id}]")));
    }
}
