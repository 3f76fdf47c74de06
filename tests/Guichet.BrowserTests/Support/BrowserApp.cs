using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Guichet.Tests.Support;
using Microsoft.Playwright;

namespace Guichet.BrowserTests.Support;

/// One Guichet host on a real loopback port and one headless Chromium (the Debian package),
/// shared by every browser test of the run.
public class BrowserApp : GuichetApp
{
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public static readonly string[] Languages = ["fr", "nl", "de", "en"];

    private readonly ConcurrentDictionary<(string Email, string Language), Task<IBrowserContext>> _signedIn = new();

    protected override void BeforeStart() => UseKestrel(0);

    /// The host's clock: the real one, moved forward to a time the demo town hall counter is open
    /// (the kiosk issues tickets only then), so that the queue's pages work whenever the suite runs.
    public ShiftedClock Clock { get; } = new();

    /// Chromium reaches the host from loopback, which the tests name as the proxy: a test context
    /// may then speak for another address with X-Forwarded-For (per-address limits).
    protected override void ConfigureMore(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseSetting("Web:KnownProxies", "127.0.0.1,::1");
        // A bilingual office's display board, changing language every two seconds.
        builder.UseSetting("Welcome:Queue:DisplayLanguages", "fr,nl");
        builder.UseSetting("Welcome:Queue:DisplayLanguageSeconds", "2");
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// Moves the clock (forward only, from where it stands) so that the town hall counter is open for
    /// the next three hours at least: a clock going back would put sessions and calls in the future.
    public async Task ShiftToOpenHoursAsync()
    {
        using var scope = Services.CreateScope();
        var channel = Guichet.Orient.Catalogue.Demo.CatalogueDemoSeeder.StableId("channel:hautrival-town-hall-counter");
        var counter = await scope.ServiceProvider.GetRequiredService<Guichet.Orient.Catalogue.CatalogueDirectory>().CounterAsync(channel, default);
        var calendar = scope.ServiceProvider.GetRequiredService<Guichet.Platform.Calendar.WorkingCalendar>();
        var real = TimeProvider.System.GetUtcNow();
        var from = Clock.GetUtcNow();
        bool OpenFrom(DateTimeOffset at) => counter!.OpeningHours!.IsOpenAt(at, calendar) && counter.OpeningHours.IsOpenAt(at.AddHours(3), calendar);
        if (OpenFrom(from)) return;
        var today = Guichet.Platform.Calendar.BrusselsTime.LocalDate(from);
        for (var day = 0; day < 30; day++)
        {
            var at = Guichet.Platform.Calendar.BrusselsTime.ToInstant(today.AddDays(day), new TimeOnly(8, 35));
            if (at > from && OpenFrom(at))
            {
                Clock.Offset = at - real;
                return;
            }
        }
        throw new InvalidOperationException("The demo town hall counter opens on no morning of the next 30 days.");
    }

    public async Task StartBrowserAsync()
    {
        if (_playwright is not null) return;
        // "localhost" (not 127.0.0.1) is a secure context for Chromium, so Secure cookies work over http.
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/').Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Web:PublicBaseUrl"] = BaseUrl; // links in mails lead here
        await ShiftToOpenHoursAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync();
        return await context.NewPageAsync();
    }

    /// Signs in on <paramref name="page"/> through the real sign-in form.
    public async Task SignInAsync(IPage page, string email, string language)
    {
        await page.GotoAsync($"{BaseUrl}/staff/sign-in?lang={language}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/staff");
    }

    /// A new page in the browser context of that account, signed in (in that language) the first
    /// time it is asked for: sign-in is rate-limited per address, and the whole suite has one.
    public async Task<IPage> SignedInPageAsync(string email, string language)
    {
        var context = await _signedIn.GetOrAdd((email, language), async _ =>
        {
            var context = await Browser.NewContextAsync();
            var first = await context.NewPageAsync();
            await SignInAsync(first, email, language);
            await first.CloseAsync();
            return context;
        });
        return await context.NewPageAsync();
    }

    /// Fails unless the page is in <paramref name="language"/> and axe-core finds nothing on it;
    /// <paramref name="what"/> names the page in the failure.
    public static async Task AssertAccessibleAsync(IPage page, string language, string what)
    {
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        var violations = await AxeViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{what} ({language}):\n" + string.Join("\n", violations));
    }

    /// A full-page screenshot to look at, when GUICHET_SCREENSHOTS names a folder (nothing otherwise).
    public static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("GUICHET_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// Moves the clock forward to the evening (20:30) of the day it stands on, when the town hall counter is closed.
    public void ShiftToClosedHours()
    {
        var now = Clock.GetUtcNow();
        var evening = Guichet.Platform.Calendar.BrusselsTime.ToInstant(Guichet.Platform.Calendar.BrusselsTime.LocalDate(now), new TimeOnly(20, 30));
        if (evening <= now) evening = evening.AddDays(1);
        Clock.Offset += evening - now;
    }

    /// axe-core with the WCAG 2.1 A and AA rules; returns the violations as readable lines.
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations
            .Select(v => $"{v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => string.Join(" ", n.Target?.ToString() ?? "")))}")
            .ToList();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// The real clock moved by Offset (tests move it to open or closed hours of the demo counter).
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
