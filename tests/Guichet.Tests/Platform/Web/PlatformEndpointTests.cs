using System.Net;
using System.Text.Json;
using Guichet.Tests.Support;

namespace Guichet.Tests.Platform.Web;

public sealed class PlatformEndpointTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    [Fact]
    public async Task Health_reports_healthy_with_the_database_reachable()
    {
        var response = await app.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_is_version_3_1()
    {
        var response = await app.Client().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.1", doc.RootElement.GetProperty("openapi").GetString());
        Assert.True(doc.RootElement.GetProperty("paths").EnumerateObject().Any());
    }

    [Fact]
    public async Task Api_reference_page_is_served_without_any_third_party_asset()
    {
        var response = await app.Client().GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("unpkg.com", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_api_route_is_a_problem_with_a_code()
    {
        var response = await app.Client().GetAsync("/api/v1/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not-found", doc.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unknown_page_is_a_localized_404_page()
    {
        var client = app.Client();
        var response = await client.GetAsync("/no-such-page?lang=nl");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Deze pagina bestaat niet", page.Body!.TextContent);
    }

    [Fact]
    public async Task Every_response_carries_strict_security_headers()
    {
        var response = await app.Client().GetAsync("/accessibility");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
