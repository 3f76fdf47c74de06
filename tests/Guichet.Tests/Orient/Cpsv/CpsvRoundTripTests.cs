using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Orient.Catalogue;
using Guichet.Platform.Data;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Orient.Cpsv;

/// The demo catalogue, exported and imported into a fresh host with an empty catalogue, comes
/// back whole: the same records, texts, opening hours and channels, and the same export.
public sealed class CpsvRoundTripTests(GuichetApp source, EmptyCatalogueApp target) : IClassFixture<GuichetApp>, IClassFixture<EmptyCatalogueApp>
{
    private sealed record Catalogue(
        Dictionary<Guid, string> Organisations,
        Dictionary<Guid, string> Units,
        Dictionary<Guid, string> Channels,
        Dictionary<Guid, string> Services);

    private static Catalogue Read(GuichetApp app) => app.InScope(db => new Catalogue(
        db.Set<Organisation>().AsNoTracking().AsEnumerable().ToDictionary(o => o.Id,
            o => Json(new { o.Slug, o.Kind, o.PrimaryLanguage, o.External, o.Name, o.Description, o.Homepage })),
        db.Set<Unit>().AsNoTracking().AsEnumerable().ToDictionary(u => u.Id, u => Json(new { u.OrganisationId, u.ParentId, u.Slug, u.Name })),
        db.Set<Channel>().AsNoTracking().AsEnumerable().ToDictionary(c => c.Id,
            c => Json(new { c.OrganisationId, c.UnitId, c.Slug, c.Kind, c.Name, c.Address, c.Latitude, c.Longitude, c.Phone, c.Email, c.Url, c.OpeningHours })),
        db.Set<PublicService>().AsNoTracking().Where(s => s.Status == ServiceStatus.Published).AsEnumerable()
            .ToDictionary(s => s.Id, s => Json(new { s.OrganisationId, s.Content }))));

    private static string Json(object value) => JsonSerializer.Serialize(value, JsonColumn.Options);

    [Fact]
    public async Task Export_then_import_into_an_empty_catalogue_loses_nothing()
    {
        Assert.Equal(0, target.InScope(db => db.Set<PublicService>().Count()));
        var first = await Cpsv.ExportAsync(source.Client());

        var response = await Cpsv.ImportAsync(await target.ClientAsAsync(DemoAccounts.Admin), first);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = Read(source);
        using (var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal(expected.Organisations.Count, summary.RootElement.GetProperty("organisations").GetProperty("created").GetInt32());
            Assert.Equal(expected.Units.Count, summary.RootElement.GetProperty("units").GetProperty("created").GetInt32());
            Assert.Equal(expected.Channels.Count, summary.RootElement.GetProperty("channels").GetProperty("created").GetInt32());
            Assert.Equal(expected.Services.Count, summary.RootElement.GetProperty("services").GetProperty("created").GetInt32());
        }

        // Record by record: every text in every language, the opening hours, the channels of each service.
        var actual = Read(target);
        Assert.Equal(expected.Organisations, actual.Organisations);
        Assert.Equal(expected.Units, actual.Units);
        Assert.Equal(expected.Channels, actual.Channels);
        Assert.Equal(expected.Services, actual.Services);
        Assert.All(target.InScope(db => db.Set<PublicService>().AsNoTracking().ToList()), s => Assert.True(s.IsPublished));

        var second = await Cpsv.ExportAsync(target.Client());
        Assert.Equal(Cpsv.Canonical(JsonNode.Parse(first)), Cpsv.Canonical(JsonNode.Parse(second)));
    }
}
