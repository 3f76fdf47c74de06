using Guichet.Platform.Localization;
using Guichet.Tests.Support;

namespace Guichet.Tests.Platform.Localization;

public sealed class TextsTests
{
    [Fact]
    public void Every_text_exists_in_the_four_languages()
    {
        var texts = new Texts();
        var keys = Languages.Supported.SelectMany(l => texts.Of(l).Keys).ToHashSet();
        foreach (var language in Languages.Supported)
        {
            var missing = keys.Where(k => !texts.Of(language).TryGetValue(k, out var t) || string.IsNullOrWhiteSpace(t)).ToList();
            Assert.True(missing.Count == 0, $"Missing in {language}: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Resolve_falls_back_to_the_primary_language_and_says_so()
    {
        var text = new LocalizedText { Nl = "Bouwvergunning", Fr = "Permis" };
        Assert.Equal(("Permis", "fr"), text.Resolve("de", "fr"));
        Assert.Equal(("Bouwvergunning", "nl"), text.Resolve("nl", "fr"));
        Assert.Equal(("Bouwvergunning", "nl"), new LocalizedText { Nl = "Bouwvergunning" }.Resolve("en", "fr"));
    }
}

public sealed class LanguageNegotiationTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    [Theory]
    [InlineData("fr", "Déclaration d'accessibilité")]
    [InlineData("nl", "Toegankelijkheidsverklaring")]
    [InlineData("de", "Erklärung zur Barrierefreiheit")]
    [InlineData("en", "Accessibility statement")]
    public async Task The_language_chosen_with_lang_sets_html_lang_and_the_texts(string language, string heading)
    {
        var page = await Html.ParseAsync(await app.Client().GetAsync($"/accessibility?lang={language}"));
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Accept_language_is_honoured_and_an_explicit_choice_is_remembered()
    {
        var client = app.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/accessibility");
        request.Headers.Add("Accept-Language", "de-BE,de;q=0.9");
        var page = await Html.ParseAsync(await client.SendAsync(request));
        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));

        var jar = new CookieJar();
        await jar.GetAsync(client, "/accessibility?lang=nl");
        var again = new HttpRequestMessage(HttpMethod.Get, "/accessibility");
        again.Headers.Add("Accept-Language", "en");
        page = await Html.ParseAsync(await jar.SendAsync(client, again));
        Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));
    }
}
