using Guichet.Orient.Catalogue;
using Guichet.Orient.Search;
using Guichet.Tests.Support;

namespace Guichet.Tests.Orient.Search;

/// Search quality on the demo catalogue: what a citizen types finds what they mean.
public sealed class ServiceSearchTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private async Task<List<string>> SlugsAsync(string text, string language = "fr", int pageSize = 5)
    {
        var search = app.Services.GetRequiredService<ServiceSearch>();
        var results = await search.SearchAsync(new SearchQuery { Text = text, Language = language, PageSize = pageSize });
        return [.. results.Hits.Select(h => h.Entry.Service.Slug)];
    }

    [Theory]
    [InlineData("permis de bâtir", "fr", "hautrival-building-permit")]         // synonym, French
    [InlineData("permis de batir", "fr", "hautrival-building-permit")]         // and without the accent
    [InlineData("bouwvergunning", "nl", "hautrival-building-permit")]          // synonym, Dutch
    [InlineData("building permit", "en", "hautrival-building-permit")]         // synonym, English
    [InlineData("grofvuil", "nl", "hautrival-bulky-waste")]
    [InlineData("passeport", "fr", "hautrival-passport")]
    [InlineData("Reisepass", "de", "hautrival-passport")]
    [InlineData("déclaration de naissance", "fr", "hautrival-birth-declaration")]
    [InlineData("huwelijk", "nl", "hautrival-marriage")]
    [InlineData("changement d'adresse", "fr", "hautrival-change-of-address")]
    [InlineData("verhuizing", "nl", "hautrival-change-of-address")]
    [InlineData("leefloon", "nl", "hautrival-integration-income")]
    [InlineData("TVA", "fr", "fps-vat-registration")]
    public async Task Synonyms_and_names_rank_the_right_service_first(string text, string language, string expected) =>
        Assert.Equal(expected, (await SlugsAsync(text, language)).FirstOrDefault());

    [Theory]
    [InlineData("PASSEPORT")]
    [InlineData("passepört")]
    [InlineData("Passeport ")]
    public async Task Case_and_accents_do_not_matter(string text) =>
        Assert.Equal("hautrival-passport", (await SlugsAsync(text)).FirstOrDefault());

    [Theory]
    [InlineData("pasport", "hautrival-passport")]            // two typos in a long word
    [InlineData("passeprot", "hautrival-passport")]          // a transposition
    [InlineData("mariaje", "hautrival-marriage")]            // one typo
    [InlineData("declaratoin de naisance", "hautrival-birth-declaration")]
    [InlineData("bouwvergunnig", "hautrival-building-permit")] // a typo inside a synonym
    public async Task One_or_two_typos_are_tolerated(string text, string expected) =>
        Assert.Equal(expected, (await SlugsAsync(text)).FirstOrDefault());

    [Fact]
    public async Task A_word_being_typed_finds_by_prefix() =>
        Assert.Contains("hautrival-passport", await SlugsAsync("passep"));

    [Fact]
    public async Task A_part_of_a_compound_word_finds_it() =>
        Assert.Contains("hautrival-environmental-permit", await SlugsAsync("vergunning", "nl", 20));

    [Fact]
    public async Task A_synonym_does_not_drag_in_other_meanings_of_a_shared_word()
    {
        var slugs = await SlugsAsync("permis de bâtir", "fr", 20);
        Assert.DoesNotContain("hautrival-driving-licence", slugs);
    }

    [Fact]
    public async Task Words_matching_nothing_find_nothing() =>
        Assert.Empty(await SlugsAsync("xyzzyq"));

    [Fact]
    public async Task Other_bodies_services_are_found_as_referrals()
    {
        var search = app.Services.GetRequiredService<ServiceSearch>();
        var results = await search.SearchAsync(new SearchQuery { Text = "pension de retraite", Language = "fr" });
        var first = results.Hits.First();
        Assert.Equal("fpo-retirement-pension", first.Entry.Service.Slug);
        Assert.True(first.Entry.IsReferral);
    }

    [Fact]
    public async Task Filters_narrow_the_results_and_the_total()
    {
        var search = app.Services.GetRequiredService<ServiceSearch>();
        var all = await search.SearchAsync(new SearchQuery { Language = "fr", PageSize = 100 });
        var companies = await search.SearchAsync(new SearchQuery { Language = "fr", Audience = Audience.Companies, PageSize = 100 });
        Assert.True(companies.Total < all.Total);
        Assert.All(companies.Hits, h => Assert.Contains(Audience.Companies, h.Entry.Service.Content.Audiences));
        var baby = await search.SearchAsync(new SearchQuery { Language = "fr", LifeEvent = "having-a-baby", PageSize = 100 });
        Assert.Contains(baby.Hits, h => h.Entry.Service.Slug == "hautrival-birth-declaration");
        Assert.All(baby.Hits, h => Assert.Contains("having-a-baby", h.Entry.Service.Content.LifeEvents));
        var taxation = app.InScope(db => db.Set<Organisation>().Single(o => o.Slug == "fps-taxation").Id);
        var tax = await search.SearchAsync(new SearchQuery { Text = "réclamation", Language = "fr", OrganisationId = taxation });
        Assert.Equal(["fps-tax-objection"], tax.Hits.Select(h => h.Entry.Service.Slug));
    }

    [Fact]
    public async Task Without_text_services_come_by_name_and_pages_split_them()
    {
        var search = app.Services.GetRequiredService<ServiceSearch>();
        var first = await search.SearchAsync(new SearchQuery { Language = "nl", PageSize = 10, Page = 1 });
        var second = await search.SearchAsync(new SearchQuery { Language = "nl", PageSize = 10, Page = 2 });
        Assert.Equal(10, first.Hits.Count);
        Assert.Equal(first.Total, second.Total);
        Assert.Empty(first.Hits.Select(h => h.Entry.Service.Id).Intersect(second.Hits.Select(h => h.Entry.Service.Id)));
        var names = first.Hits.Concat(second.Hits).Select(h => Tokens.Fold(h.Entry.Service.Content.Name.Resolve("nl", h.Entry.Organisation.PrimaryLanguage).Text)).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Only_published_services_are_found() =>
        Assert.All((await app.Services.GetRequiredService<ServiceSearch>().SearchAsync(new SearchQuery { PageSize = 100 })).Hits,
            h => Assert.True(h.Entry.Service.IsPublished));
}
