using AngleSharp.Dom;
using Guichet.Orient.Catalogue;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Tests.Orient.Catalogue;
using CatalogueDemo = Guichet.Tests.Orient.Catalogue.Demo;
using Guichet.Tests.Platform.Calendar;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Guichet.Tests.Orient.Public;

/// A host whose clock a test sets to a Belgian wall-clock time ("2026-10-15 17:30"). Tests of one
/// class run one after the other, so each sets the clock it needs before its requests.
public sealed class PublicApp : GuichetApp
{
    public StoppedClock Clock { get; } = new() { Now = CalendarTestData.Local("2026-10-15 10:00") };

    public void At(string brusselsTime) => Clock.Now = CalendarTestData.Local(brusselsTime);

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));

    public async Task<IDocument> PageAsync(string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var response = await Client().GetAsync(url);
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode}");
        return await Html.ParseAsync(response);
    }
}

internal static class PublicDemo
{
    public static readonly Guid TownHallCounter = CatalogueDemoSeeder.StableId("channel:hautrival-town-hall-counter");
    public static readonly Guid HautrivalPhone = CatalogueDemoSeeder.StableId("channel:hautrival-phone");

    /// The section of a channel on a service or organisation page.
    public static IElement Channel(IDocument page, Guid id) =>
        page.GetElementById($"channel-{id.ToString("N")[..12]}")?.Closest("section.channel") ?? throw new InvalidOperationException($"No section for channel {id}.");

    public static string Status(IDocument page, Guid channel) =>
        Channel(page, channel).QuerySelector(".channel__status")!.TextContent.Squash();

    /// The result cards of a page, by the slug their title links to.
    public static IReadOnlyDictionary<string, IElement> Cards(IDocument page) =>
        page.QuerySelectorAll("li.service-card").ToDictionary(c => c.QuerySelector("h3 a")!.GetAttribute("href")!["/services/".Length..]);

    public static string Squash(this string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// Published services of the demo, as the database has them.
    public static List<PublicService> Published(GuichetApp app) =>
        app.InScope(db => db.Set<PublicService>().Where(s => s.Status == ServiceStatus.Published).ToList());

    public static Dictionary<Guid, Organisation> Organisations(GuichetApp app) =>
        app.InScope(db => db.Set<Organisation>().ToDictionary(o => o.Id));

    public static Guid Hautrival => CatalogueDemo.Hautrival;
}
