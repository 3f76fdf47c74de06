using System.Net;
using System.Text.Json;
using Guichet.Orient.Catalogue;
using Guichet.Tests.Orient.Catalogue;
using TestDemo = Guichet.Tests.Orient.Catalogue.Demo;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Orient.Search;

/// A host whose clock stands on Thursday 15 October 2026 at 18:00 in Brussels (the town hall's
/// late opening), and that asks the database for the catalogue stamp on every search.
public class SearchApp : GuichetApp
{
    public FakeTimeProvider Clock { get; }

    public SearchApp() : this(new DateTimeOffset(2026, 10, 15, 16, 0, 0, TimeSpan.Zero)) { }

    protected SearchApp(DateTimeOffset now) => Clock = new FakeTimeProvider(now);

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:StampCheckSeconds", "0");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// The same on Armistice Day (Wednesday 11 November 2026) at 10:00 in Brussels.
public sealed class HolidaySearchApp() : SearchApp(new DateTimeOffset(2026, 11, 11, 9, 0, 0, TimeSpan.Zero));

public sealed class SearchOnAHolidayTests(HolidaySearchApp app) : IClassFixture<HolidaySearchApp>
{
    [Fact]
    public async Task A_counter_is_closed_on_a_legal_holiday_and_says_when_it_opens()
    {
        var page = await (await app.Client().GetAsync("/api/v1/services?q=passeport&lang=fr")).ReadJsonAsync();
        var closed = page.GetProperty("items")[0].GetProperty("openNow");
        Assert.False(closed.GetProperty("isOpen").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 12, 7, 30, 0, TimeSpan.Zero), closed.GetProperty("nextOpening").GetDateTimeOffset()); // Thursday 08:30
    }
}

public sealed class SearchApiTests(SearchApp app) : IClassFixture<SearchApp>
{
    private static readonly Guid Passport = Guichet.Orient.Catalogue.Demo.CatalogueDemoSeeder.StableId("service:hautrival-passport");

    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await app.Client().GetAsync("/api/v1/services?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static List<string> Slugs(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!)];

    [Fact]
    public async Task A_search_gives_a_page_of_services_at_a_glance()
    {
        var page = await SearchAsync("q=permis%20de%20b%C3%A2tir&lang=fr");
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(20, page.GetProperty("pageSize").GetInt32());
        var first = page.GetProperty("items")[0];
        Assert.Equal("hautrival-building-permit", first.GetProperty("slug").GetString());
        Assert.Equal("Permis d'urbanisme", first.GetProperty("name").GetString());
        Assert.Equal("fr", first.GetProperty("language").GetString());
        Assert.False(first.GetProperty("referral").GetBoolean());
        Assert.Equal("hautrival", first.GetProperty("organisation").GetProperty("slug").GetString());
        Assert.Equal(JsonValueKind.String, first.GetProperty("unit").GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.String, first.GetProperty("contact").GetProperty("phone").ValueKind);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task Open_now_follows_the_late_opening()
    {
        var open = (await SearchAsync("q=passeport&lang=fr")).GetProperty("items")[0].GetProperty("openNow");
        Assert.Equal("counter", open.GetProperty("channelKind").GetString());
        Assert.True(open.GetProperty("isOpen").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 17, 0, 0, TimeSpan.Zero), open.GetProperty("closesAt").GetDateTimeOffset()); // 19:00 in Brussels
    }

    [Fact]
    public async Task Texts_come_in_the_language_asked_or_the_primary_one_said_so()
    {
        var nl = (await SearchAsync("q=reispas&lang=nl")).GetProperty("items")[0];
        Assert.Equal("Reispas", nl.GetProperty("name").GetString());
        Assert.Equal("nl", nl.GetProperty("language").GetString());
        // The cat sterilisation premium has no German name: shown in French, and said so.
        var de = (await SearchAsync("q=sterilisation&lang=de")).GetProperty("items")[0];
        Assert.Equal("hautrival-cat-sterilisation-premium", de.GetProperty("slug").GetString());
        Assert.Equal("fr", de.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Referrals_to_other_bodies_are_marked()
    {
        var first = (await SearchAsync("q=kinderbijslag&lang=nl")).GetProperty("items")[0];
        Assert.Equal("famisud-family-allowances", first.GetProperty("slug").GetString());
        Assert.True(first.GetProperty("referral").GetBoolean());
    }

    [Fact]
    public async Task Filters_and_paging_apply()
    {
        var companies = await SearchAsync("audience=companies&lang=en&pageSize=100");
        var all = await SearchAsync("lang=en&pageSize=100");
        Assert.True(companies.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
        var theme = await SearchAsync("theme=civil-status&lang=fr&pageSize=100");
        Assert.True(theme.GetProperty("total").GetInt32() > 0);
        var organisation = await SearchAsync($"organisation={TestDemo.FpsTaxation}&pageSize=100");
        Assert.All(organisation.GetProperty("items").EnumerateArray(), i => Assert.Equal("fps-taxation", i.GetProperty("organisation").GetProperty("slug").GetString()));
        var page2 = await SearchAsync("lang=fr&pageSize=5&page=2");
        Assert.Equal(5, page2.GetProperty("items").GetArrayLength());
        Assert.Empty(Slugs(page2).Intersect(Slugs(await SearchAsync("lang=fr&pageSize=5&page=1"))));
        var baby = await SearchAsync("lifeEvent=having-a-baby&lang=fr&pageSize=100");
        Assert.Contains("hautrival-birth-declaration", Slugs(baby));
        var business = await SearchAsync("businessEvent=starting-a-business&lang=fr&pageSize=100");
        Assert.Equal(JsonValueKind.Array, business.GetProperty("items").ValueKind);
    }

    [Theory]
    [InlineData("lang=xx", "lang", "unknown-language")]
    [InlineData("audience=aliens", "audience", "unknown-code")]
    [InlineData("theme=nope", "theme", "unknown-code")]
    [InlineData("lifeEvent=nope", "lifeEvent", "unknown-code")]
    [InlineData("businessEvent=nope", "businessEvent", "unknown-code")]
    [InlineData("page=0", "page", "out-of-range")]
    [InlineData("pageSize=101", "pageSize", "out-of-range")]
    [InlineData("pageSize=0", "pageSize", "out-of-range")]
    public async Task Bad_parameters_get_a_problem_naming_them(string query, string name, string code)
    {
        var response = await app.Client().GetAsync("/api/v1/services?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("validation-failed", problem.Code);
        Assert.Equal([name], problem.InvalidNames);
        Assert.Equal([code], problem.InvalidCodes);
    }

    [Fact]
    public async Task An_overlong_query_or_a_wrong_type_is_refused()
    {
        var response = await app.Client().GetAsync("/api/v1/services?q=" + new string('a', 201));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["too-long"], (await response.ProblemAsync()).InvalidCodes);
        response = await app.Client().GetAsync("/api/v1/services?organisation=not-a-guid");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        response = await app.Client().GetAsync("/api/v1/services?page=two");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task One_service_in_full()
    {
        var response = await app.Client().GetAsync($"/api/v1/services/{Passport}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var service = await response.ReadJsonAsync();
        Assert.Equal("Reisepass", service.GetProperty("name").GetProperty("de").GetString());
        Assert.Equal("hautrival", service.GetProperty("organisation").GetProperty("slug").GetString());
        Assert.Equal(2, service.GetProperty("channels").GetArrayLength());
        Assert.True(service.GetProperty("openNow").GetProperty("isOpen").GetBoolean());
    }

    [Fact]
    public async Task Unknown_and_unpublished_services_are_not_found()
    {
        var unknown = await app.Client().GetAsync($"/api/v1/services/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not-found", (await unknown.ProblemAsync()).Code);
        var draft = app.InScope(db => db.Set<PublicService>().AsNoTracking().FirstOrDefault(s => s.Status == ServiceStatus.Draft));
        if (draft is not null)
            Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/v1/services/{draft.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_edit_on_this_node_shows_in_search_at_once()
    {
        var editor = await app.ClientAsAsync(DemoAccounts.Editor);
        var create = await editor.PostAsync($"/api/v1/organisations/{TestDemo.Hautrival}/services", JsonBody(new
        {
            slug = "hautrival-beehive-declaration",
            unitId = TestDemo.HautrivalPopulation,
            name = new { fr = "Déclaration de ruchers", nl = "Aangifte van bijenkasten" },
            description = new { fr = "Tout apiculteur déclare ses ruches." },
            audiences = new[] { "citizens" },
            channelIds = new[] { TestDemo.TownHallCounter },
        }));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var id = (await create.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Empty(Slugs(await SearchAsync("q=ruchers"))); // a draft is not public
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/services/{id}/publish", null)).StatusCode);
        Assert.Equal(["hautrival-beehive-declaration"], Slugs(await SearchAsync("q=ruchers")));
        Assert.Equal(["hautrival-beehive-declaration"], Slugs(await SearchAsync("q=bijenkasten&lang=nl")));
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/services/{id}/unpublish", null)).StatusCode);
        Assert.Empty(Slugs(await SearchAsync("q=ruchers")));
    }

    [Fact]
    public async Task A_change_made_by_another_node_shows_once_the_stamp_changes()
    {
        await SearchAsync("q=passeport"); // the index is built
        // Another node renames the service and writes a new stamp, as its save would.
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
            var service = await db.Set<PublicService>().SingleAsync(s => s.Id == Passport);
            var renamed = service.Content with { Name = service.Content.Name with { Fr = "Passeport biométrique zanzibar" } };
            await db.Set<PublicService>().Where(s => s.Id == Passport)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Content, renamed));
            return await db.Set<CatalogueVersion>().ExecuteUpdateAsync(u => u.SetProperty(v => v.Stamp, Guid.NewGuid()));
        });
        Assert.Equal(["hautrival-passport"], Slugs(await SearchAsync("q=zanzibar")));
    }
}
