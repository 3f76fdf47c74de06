using System.Net;
using Guichet.Tests.Support;

namespace Guichet.Tests.Orient.Public;

/// Every public page in the four languages, the pages that do not exist, and catalogue texts
/// missing in the reader's language.
public sealed class PublicPagesTests(PublicApp app) : IClassFixture<PublicApp>
{
    private static readonly string[] Pages =
    [
        "/", "/services", "/services?q=eid", "/services/hautrival-eid", "/services/famisud-birth-allowance",
        "/organisations", "/organisations/hautrival", "/organisations/famisud",
        "/life-events", "/life-events/having-a-baby", "/business-events", "/business-events/starting-a-business",
        "/themes", "/themes/taxes",
    ];

    public static TheoryData<string, string> PagesInEveryLanguage() => EveryLanguage.Rows(Pages);

    [Theory]
    [MemberData(nameof(PagesInEveryLanguage))]
    public async Task Every_public_page_renders_in_the_language_asked_for(string path, string language)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var page = await app.PageAsync($"{path}{separator}lang={language}");

        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("main h1")?.TextContent));
        Assert.Single(page.QuerySelectorAll("main h1"));
        // No text key left untranslated on the page.
        Assert.DoesNotMatch(@"public\.[a-z]", page.Body!.TextContent);
    }

    [Theory]
    [InlineData("fr", "Trouver le bon service public")]
    [InlineData("nl", "De juiste openbare dienst vinden")]
    [InlineData("de", "Die richtige öffentliche Dienstleistung finden")]
    [InlineData("en", "Find the right public service")]
    public async Task The_home_page_speaks_the_readers_language(string language, string heading)
    {
        var page = await app.PageAsync($"/?lang={language}");

        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent);
        var form = page.QuerySelector("form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/services", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[type=search][name=q]#q"));
        Assert.NotNull(page.QuerySelector("label[for=q]"));
    }

    [Fact]
    public async Task The_home_page_links_to_life_events_business_events_themes_and_organisations()
    {
        var page = await app.PageAsync("/?lang=en");
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/life-events/having-a-baby", links);
        Assert.Contains("/business-events/starting-a-business", links);
        Assert.Contains("/themes/taxes", links);
        Assert.Contains("/organisations/hautrival", links);
        Assert.Contains("/organisations/fps-taxation", links);
        Assert.Contains("/organisations#other-bodies", links);
        // A life event nobody serves is not offered as a dead end.
        Assert.All(page.QuerySelectorAll(".tiles__count"), c => Assert.NotEqual("0 services", c.TextContent.Trim()));
    }

    [Theory]
    [InlineData("/services/no-such-service")]
    [InlineData("/organisations/no-such-organisation")]
    [InlineData("/life-events/no-such-event")]
    [InlineData("/business-events/no-such-event")]
    [InlineData("/themes/no-such-theme")]
    public async Task An_unknown_slug_or_code_is_the_localized_not_found_page(string path)
    {
        var page = await app.PageAsync(path + "?lang=nl", HttpStatusCode.NotFound);

        Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("bestaat niet", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_missing_in_the_readers_language_is_shown_in_the_primary_language_marked_and_said_so()
    {
        var page = await app.PageAsync("/services/hautrival-cat-sterilisation-premium?lang=en");

        var h1 = page.QuerySelector("h1")!;
        Assert.Equal("fr", h1.GetAttribute("lang"));
        Assert.Equal("Prime à la stérilisation des chats", h1.TextContent);
        Assert.Equal("fr", page.QuerySelector(".service-description")!.GetAttribute("lang"));
        var note = page.QuerySelector(".language-note")!;
        Assert.Equal("This text is not available in English; it is shown in French.", note.TextContent);
        Assert.Null(note.GetAttribute("lang"));
        Assert.Null(note.Closest("[lang=fr]"));

        // In French nothing is marked.
        page = await app.PageAsync("/services/hautrival-cat-sterilisation-premium?lang=fr");
        Assert.Null(page.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Null(page.QuerySelector(".language-note"));
    }

    [Fact]
    public async Task The_fallback_is_the_organisations_primary_language()
    {
        // The FPS works in Dutch first; its tax certificate exists in Dutch and French only.
        var page = await app.PageAsync("/services/fps-tax-certificate?lang=de");

        Assert.Equal("nl", page.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Contains("auf Niederländisch", page.QuerySelector(".language-note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_card_marks_a_name_shown_in_another_language()
    {
        var page = await app.PageAsync("/life-events/owning-a-pet?lang=de");

        var card = PublicDemo.Cards(page)["hautrival-cat-sterilisation-premium"];
        Assert.Equal("Prime à la stérilisation des chats", card.QuerySelector("h3 [lang=fr]")!.TextContent);
        Assert.Contains("(Französisch)", card.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
    }
}
