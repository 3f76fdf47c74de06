using System.Net;
using System.Text.Json;
using Guichet.Tests.Support;

namespace Guichet.Tests.Orient.Catalogue;

public sealed class CatalogueReadApiTests(FrozenClockApp app) : IClassFixture<FrozenClockApp>
{
    [Fact]
    public async Task Organisations_are_listed_anonymously_with_texts_in_every_language()
    {
        var response = await app.Client().GetAsync("/api/v1/organisations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(7, list.Count);
        var hautrival = list.Single(o => o.GetProperty("slug").GetString() == "hautrival");
        Assert.Equal(Demo.Hautrival, hautrival.GetProperty("id").GetGuid());
        Assert.Equal("municipality", hautrival.GetProperty("kind").GetString());
        Assert.Equal("fr", hautrival.GetProperty("primaryLanguage").GetString());
        Assert.Equal("Gemeente Hautrival", hautrival.GetProperty("name").GetProperty("nl").GetString());
        Assert.Equal("Municipality of Hautrival", hautrival.GetProperty("name").GetProperty("en").GetString());
    }

    [Theory]
    [InlineData("true", 5)]
    [InlineData("false", 2)]
    public async Task Organisations_can_be_filtered_on_being_external(string external, int count)
    {
        var list = (await (await app.Client().GetAsync($"/api/v1/organisations?external={external}")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(count, list.Count);
        Assert.All(list, o => Assert.Equal(external == "true", o.GetProperty("external").GetBoolean()));
    }

    [Fact]
    public async Task One_organisation_is_read_by_id_and_an_unknown_id_is_not_found()
    {
        var found = await app.Client().GetAsync($"/api/v1/organisations/{Demo.FpsTaxation}");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("nl", (await found.ReadJsonAsync()).GetProperty("primaryLanguage").GetString());

        var missing = await app.Client().GetAsync($"/api/v1/organisations/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not-found", (await missing.ProblemAsync()).Code);
    }

    [Fact]
    public async Task Units_come_in_tree_order_each_after_its_parent_with_its_depth()
    {
        var units = (await (await app.Client().GetAsync($"/api/v1/organisations/{Demo.Hautrival}/units")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(16, units.Count);
        var seen = new Dictionary<Guid, int>();
        foreach (var unit in units)
        {
            var depth = unit.GetProperty("depth").GetInt32();
            if (unit.TryGetProperty("parentId", out var parent) && parent.ValueKind == JsonValueKind.String)
            {
                Assert.True(seen.TryGetValue(parent.GetGuid(), out var parentDepth), "a unit comes after its parent");
                Assert.Equal(parentDepth + 1, depth);
            }
            else
            {
                Assert.Equal(0, depth);
            }
            seen[unit.GetProperty("id").GetGuid()] = depth;
        }
        var population = units.Single(u => u.GetProperty("id").GetGuid() == Demo.HautrivalPopulation);
        Assert.Equal(2, population.GetProperty("depth").GetInt32());
        Assert.Equal(Demo.HautrivalCitizenServices, population.GetProperty("parentId").GetGuid());

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/v1/organisations/{Guid.NewGuid()}/units")).StatusCode);
    }

    [Fact]
    public async Task One_unit_is_read_by_id()
    {
        var unit = await (await app.Client().GetAsync($"/api/v1/units/{Demo.HautrivalPopulation}")).ReadJsonAsync();
        Assert.Equal("hautrival-population", unit.GetProperty("slug").GetString());
        Assert.Equal(Demo.Hautrival, unit.GetProperty("organisationId").GetGuid());
        Assert.Equal(2, unit.GetProperty("depth").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/v1/units/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Channels_are_filtered_by_organisation_and_kind()
    {
        var counters = (await (await app.Client().GetAsync($"/api/v1/channels?organisation={Demo.Hautrival}&kind=counter")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(4, counters.Count);
        Assert.All(counters, c => Assert.Equal("counter", c.GetProperty("kind").GetString()));
        Assert.All(counters, c => Assert.Equal(Demo.Hautrival, c.GetProperty("organisationId").GetGuid()));

        var all = (await (await app.Client().GetAsync("/api/v1/channels")).ReadJsonAsync()).EnumerateArray().Count();
        Assert.Equal(37, all);
    }

    [Fact]
    public async Task An_unknown_channel_kind_is_a_validation_problem()
    {
        var response = await app.Client().GetAsync("/api/v1/channels?kind=pigeon");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("validation-failed", problem.Code);
        Assert.Equal(["kind"], problem.InvalidNames);
    }

    [Fact]
    public async Task One_channel_is_read_with_its_address_and_opening_hours()
    {
        var channel = await (await app.Client().GetAsync($"/api/v1/channels/{Demo.TownHallCounter}")).ReadJsonAsync();
        Assert.Equal("5395", channel.GetProperty("address").GetProperty("postcode").GetString());
        Assert.Equal("Hautrival", channel.GetProperty("address").GetProperty("city").GetProperty("fr").GetString());
        Assert.Equal(2, channel.GetProperty("openingHours").GetProperty("periods").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/v1/channels/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Opening_hours_say_open_now_and_list_the_next_fourteen_days()
    {
        // The clock stands at Thursday 5 November 2026, 10:00 in Brussels (09:00 UTC).
        var json = await (await app.Client().GetAsync($"/api/v1/channels/{Demo.TownHallCounter}/opening-hours")).ReadJsonAsync();
        Assert.Equal(2, json.GetProperty("openingHours").GetProperty("periods").GetArrayLength());
        var now = json.GetProperty("now");
        Assert.True(now.GetProperty("isOpen").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 11, 0, 0, TimeSpan.Zero), now.GetProperty("closesAt").GetDateTimeOffset());

        var days = json.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(14, days.Count);
        Assert.Equal("2026-11-05", days[0].GetProperty("date").GetString());
        Assert.Equal("thursday", days[0].GetProperty("dayOfWeek").GetString());
        var thursday = days[0].GetProperty("slots").EnumerateArray().Select(s => (s.GetProperty("opens").GetString(), s.GetProperty("closes").GetString())).ToList();
        Assert.Equal([("08:30", "12:00"), ("13:30", "19:00")], thursday);
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 7, 30, 0, TimeSpan.Zero), days[0].GetProperty("slots")[0].GetProperty("opensAt").GetDateTimeOffset());
        Assert.Equal("2026-11-18", days[13].GetProperty("date").GetString());

        var sunday = days.Single(d => d.GetProperty("date").GetString() == "2026-11-08");
        Assert.Equal(0, sunday.GetProperty("slots").GetArrayLength());

        // Armistice Day, a Wednesday: a legal holiday, so the counter stays closed and says why.
        var armistice = days.Single(d => d.GetProperty("date").GetString() == "2026-11-11");
        Assert.Equal(0, armistice.GetProperty("slots").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(armistice.GetProperty("dayOff").GetProperty("fr").GetString()));
    }

    [Fact]
    public async Task Opening_hours_follow_the_injected_clock_to_closed_with_the_next_opening()
    {
        // Saturday 7 November 2026, 13:00 in Brussels: the Saturday morning opening is over.
        app.Clock.Now = new DateTimeOffset(2026, 11, 7, 12, 0, 0, TimeSpan.Zero);
        try
        {
            var json = await (await app.Client().GetAsync($"/api/v1/channels/{Demo.TownHallCounter}/opening-hours")).ReadJsonAsync();
            var now = json.GetProperty("now");
            Assert.False(now.GetProperty("isOpen").GetBoolean());
            Assert.Equal(new DateTimeOffset(2026, 11, 9, 7, 30, 0, TimeSpan.Zero), now.GetProperty("nextOpening").GetDateTimeOffset());
            Assert.Equal("2026-11-07", json.GetProperty("days")[0].GetProperty("date").GetString());
        }
        finally
        {
            app.Clock.Now = FrozenClockApp.Now;
        }
    }

    [Fact]
    public async Task A_channel_without_opening_hours_answers_without_status_or_days()
    {
        var web = (await (await app.Client().GetAsync($"/api/v1/channels?organisation={Demo.Hautrival}&kind=web")).ReadJsonAsync())[0].GetProperty("id").GetGuid();
        var none = await (await app.Client().GetAsync($"/api/v1/channels/{web}/opening-hours")).ReadJsonAsync();
        Assert.False(none.TryGetProperty("openingHours", out _));
        Assert.False(none.TryGetProperty("now", out _));
        Assert.Equal(0, none.GetProperty("days").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/v1/channels/{Guid.NewGuid()}/opening-hours")).StatusCode);
    }
}
