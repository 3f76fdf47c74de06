using Guichet.BrowserTests.Support;
using Guichet.Follow.Satisfaction;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.BrowserTests.Follow;

/// The survey page and the subscribe page in real Chromium: axe-core finds nothing in French and
/// Dutch, with and without errors, and both are filled in with the keyboard alone.
[Collection(BrowserCollection.Name)]
public sealed class FollowPublicPagesTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.StartBrowserAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// A survey waiting for its answer, as the survey job leaves it; the plain token of its link.
    private string NewSurvey(string language)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Guichet.Platform.Data.GuichetDb>();
        var (plain, hash) = Guichet.Platform.Identity.SecureToken.New();
        var now = DateTimeOffset.UtcNow;
        var survey = new Survey(SurveyChannel.Case, Guid.NewGuid(), "2026-000123", null, null, language, "c-test", 0, hash, now, now.AddDays(30));
        db.Add(survey);
        scope.ServiceProvider.GetRequiredService<Guichet.Platform.EventLog.EventLog>().Record("test", Guichet.Follow.FollowActivities.SurveyRequested,
            [new Guichet.Platform.EventLog.EventLogObject("survey", survey.Id.ToString(), "subject")]);
        db.SaveChanges();
        return plain;
    }

    /// Tabs from the top of the page until the field named <paramref name="name"/> has the focus.
    private static async Task TabToAsync(Microsoft.Playwright.IPage page, string name)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("document.activeElement && document.activeElement.name || ''") == name) return;
        }
        Assert.Fail($"The keyboard never reached {name}.");
    }

    [Theory]
    [InlineData("fr", "Choisissez une note", "Merci")]
    [InlineData("nl", "Kies een score", "Dank u")]
    public async Task The_survey_page_is_accessible_and_answered_with_the_keyboard_alone(string language, string error, string thanks)
    {
        var page = await app.NewPageAsync();
        var url = $"{app.BaseUrl}/survey/{NewSurvey(language)}?lang={language}";
        Assert.Equal(200, (await page.GotoAsync(url))!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, "/survey");

        await page.ClickAsync("form button[type=submit]");
        Assert.Contains(error, await page.InnerTextAsync(".error-summary"));
        var afterError = await BrowserApp.AxeViolationsAsync(page);
        Assert.True(afterError.Count == 0, string.Join("\n", afterError));

        await page.GotoAsync(url);
        await TabToAsync(page, "score");
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("ArrowDown"); // 1 → 4
        await TabToAsync(page, "gotWhatNeeded");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "comment");
        await page.Keyboard.TypeAsync("Accueil aimable.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**done=true**");
        Assert.Contains(thanks, await page.InnerTextAsync("[role=status]"));
        using var scope = app.Services.CreateScope();
        var answered = scope.ServiceProvider.GetRequiredService<Guichet.Platform.Data.GuichetDb>().Set<Survey>().Single(s => s.Comment == "Accueil aimable." && s.Language == language);
        Assert.Equal(4, answered.Score);
        Assert.Equal(GotWhatNeeded.Yes, answered.GotWhatNeeded);
    }

    [Theory]
    [InlineData("fr", "Choisissez au moins un thème", "Merci")]
    [InlineData("nl", "Kies minstens één onderwerp", "Dank u")]
    public async Task The_subscribe_page_is_accessible_and_filled_in_with_the_keyboard_alone(string language, string error, string thanks)
    {
        var page = await app.NewPageAsync();
        var url = $"{app.BaseUrl}/subscribe?lang={language}";
        Assert.Equal(200, (await page.GotoAsync(url))!.Status);
        await BrowserApp.AssertAccessibleAsync(page, language, "/subscribe");

        await page.FillAsync("#email", $"browser-{Guid.NewGuid():N}@example.be");
        await page.ClickAsync("form button[type=submit]");
        Assert.Contains(error, await page.InnerTextAsync(".error-summary"));
        var afterError = await BrowserApp.AxeViolationsAsync(page);
        Assert.True(afterError.Count == 0, string.Join("\n", afterError));

        await page.GotoAsync(url);
        await TabToAsync(page, "email");
        await page.Keyboard.TypeAsync($"keyboard-{Guid.NewGuid():N}@example.be");
        await TabToAsync(page, "topics");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "language"); // frequency and language keep what the page chose
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**sent=true**");
        Assert.Contains(thanks, await page.InnerTextAsync("[role=status]"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    public async Task The_satisfaction_results_and_the_topic_list_have_no_axe_violations(string language)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, Guichet.Tests.Support.DemoAccounts.Admin, language);
        foreach (var path in new[] { "/staff/satisfaction?by=channel", "/staff/subscriptions/topics" })
        {
            var response = await page.GotoAsync($"{app.BaseUrl}{path}");
            Assert.Equal(200, response!.Status);
            await BrowserApp.AssertAccessibleAsync(page, language, path);
        }
    }
}
