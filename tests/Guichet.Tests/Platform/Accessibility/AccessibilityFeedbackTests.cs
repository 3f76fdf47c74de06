using System.Net;
using Guichet.Platform.Accessibility;
using Guichet.Platform.EventLog;
using Guichet.Tests.Support;

namespace Guichet.Tests.Platform.Accessibility;

public sealed class AccessibilityFeedbackTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private async Task<HttpResponseMessage> PostAsync(string language, Dictionary<string, string> fields)
    {
        var client = app.Client();
        var jar = new CookieJar();
        var page = await Html.ParseAsync(await jar.GetAsync(client, "/accessibility?lang=" + language));
        fields["__RequestVerificationToken"] = Html.Antiforgery(page);
        return await jar.PostFormAsync(client, "/accessibility", fields);
    }

    private int Stored(string marker) => app.InScope(db => db.Set<AccessibilityFeedback>().AsEnumerable().Count(f => f.Message.Contains(marker, StringComparison.Ordinal)));

    [Fact]
    public async Task A_report_is_stored_with_its_event_and_thanked_in_the_visitors_language()
    {
        var response = await PostAsync("nl", new() { ["message"] = "Knop onleesbaar 7f3a", ["pageUrl"] = "https://example.be/x", ["email"] = "an@example.be" });
        var page = await Html.ParseAsync(response);
        Assert.Contains("Bedankt", page.QuerySelector("[role=status]")!.TextContent);
        var stored = app.InScope(db => db.Set<AccessibilityFeedback>().AsEnumerable().Single(f => f.Message.Contains("7f3a", StringComparison.Ordinal)));
        Assert.Equal("nl", stored.Language);
        Assert.True(app.InScope(db => db.Set<EventLogEntry>().Any(e => e.Activity == "platform.accessibility-feedback.received")));
    }

    [Theory]
    [InlineData("", "", "", "message", "Décrivez le problème rencontré.")]
    [InlineData("Marker b81c", "not a url", "", "pageUrl", "Indiquez une adresse web complète")]
    [InlineData("Marker c92d", "", "not-an-email", "email", "Indiquez une adresse e-mail valide")]
    public async Task Bad_input_is_explained_next_to_the_field_and_nothing_is_stored(string message, string url, string email, string field, string error)
    {
        var response = await PostAsync("fr", new() { ["message"] = message, ["pageUrl"] = url, ["email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(error, page.QuerySelector($"#{field}-error")!.TextContent);
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{field}']"));
        if (message.Length > 0) Assert.Equal(0, Stored(message));
    }

    [Fact]
    public async Task An_oversized_message_is_refused()
    {
        var response = await PostAsync("en", new() { ["message"] = "d41e " + new string('x', AccessibilityFeedback.MaxMessage) });
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#message-error"));
        Assert.Equal(0, Stored("d41e"));
    }

    [Fact]
    public async Task A_robot_filling_the_honeypot_stores_nothing()
    {
        await PostAsync("en", new() { ["message"] = "spam e52f", ["website"] = "http://spam.example" });
        Assert.Equal(0, Stored("e52f"));
    }

    [Fact]
    public async Task Managers_read_the_reports_and_front_office_staff_cannot()
    {
        await PostAsync("de", new() { ["message"] = "Kontrast zu schwach f63a" });
        var client = app.Client();
        var manager = new CookieJar();
        await manager.SignInAsync(client, DemoAccounts.Manager, DemoAccounts.Password);
        var list = await manager.GetAsync(client, "/staff/accessibility-feedback");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("f63a", await list.Content.ReadAsStringAsync());

        var front = new CookieJar();
        await front.SignInAsync(client, DemoAccounts.FrontOffice, DemoAccounts.Password);
        var denied = await front.GetAsync(client, "/staff/accessibility-feedback");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/staff/forbidden", denied.Headers.Location!.PathAndQuery);
    }
}
