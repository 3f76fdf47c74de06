using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Tests.Support;

namespace Guichet.Tests.Platform.Calendar;

public sealed class CalendarEndpointTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    [Fact]
    public async Task Days_off_list_the_ten_legal_holidays_and_the_configured_regional_day()
    {
        using var doc = JsonDocument.Parse(await app.Client().GetStringAsync("/api/v1/calendar/days-off?year=2026"));
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count(i => i.GetProperty("kind").GetString() == "legal-holiday"));
        Assert.Contains(items, i => i.GetProperty("date").GetString() == "2026-04-06"); // Easter Monday
        Assert.Contains(items, i => i.GetProperty("date").GetString() == "2026-09-27" && i.GetProperty("kind").GetString() == "regional-day");
    }

    [Theory]
    [InlineData("2026-12-23", 3, "working", "2026-12-29")] // over Christmas and a weekend
    [InlineData("2026-04-03", 1, "working", "2026-04-07")] // over Easter Monday
    [InlineData("2026-12-20", 5, "calendar", "2026-12-28")] // ends on Christmas Friday... moves to Monday
    public async Task Deadline_counts_on_the_organisations_calendar(string from, int days, string unit, string due)
    {
        var response = await app.Client().GetFromJsonAsync<JsonElement>($"/api/v1/calendar/deadline?from={from}&days={days}&unit={unit}");
        Assert.Equal(due, response.GetProperty("due").GetString());
    }

    [Theory]
    [InlineData("/api/v1/calendar/deadline?from=2026-01-01&days=-1", "validation-failed")]
    [InlineData("/api/v1/calendar/deadline?from=2026-01-01&days=3&unit=weeks", "validation-failed")]
    [InlineData("/api/v1/calendar/deadline?days=3", "validation-failed")]
    [InlineData("/api/v1/calendar/deadline?from=tomorrow&days=3", "bad-request")]
    [InlineData("/api/v1/calendar/days-off?year=99999", "validation-failed")]
    public async Task Bad_parameters_are_400_problems_with_a_code(string url, string code)
    {
        var response = await app.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, doc.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Staff_see_the_days_off_page_in_their_language()
    {
        var (client, jar) = await app.SignInAsync(DemoAccounts.FrontOffice, language: null);
        var page = await Html.ParseAsync(await jar.GetAsync(client, "/staff/calendar?year=2027&lang=nl"));
        Assert.Equal("Sluitingsdagen 2027", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Wettelijke feestdag", page.QuerySelector("table")!.TextContent);
    }
}
