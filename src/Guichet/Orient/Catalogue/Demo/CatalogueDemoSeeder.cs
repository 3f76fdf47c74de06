using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guichet.Demo;
using Guichet.Platform.Calendar;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Localization;

namespace Guichet.Orient.Catalogue.Demo;

/// Loads demo-catalogue.json: a fictional municipality, a federal public service and a few
/// external bodies (referrals). Every record passes the same rules as an editor's input.
internal sealed class CatalogueDemoSeeder(GuichetDb db, CodeLists codes, EventLog eventLog, TimeProvider time) : IDemoSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var file = Read();
        var now = time.GetUtcNow();
        foreach (var o in file.Organisations)
        {
            var org = new Organisation(StableId("org:" + o.Slug),
                new OrganisationContent(o.Slug, Enum.Parse<OrganisationKind>(o.Kind, ignoreCase: true), o.PrimaryLanguage, o.External, o.Name, o.Description, o.Homepage), now);
            Check(o.Slug, CatalogueRules.Validate(new OrganisationContent(org.Slug, org.Kind, org.PrimaryLanguage, org.External, org.Name, org.Description, org.Homepage)));
            db.Add(org);
            Record(OrientActivities.OrganisationCreated, org.Id, null, org.Slug);

            var units = new List<Unit>();
            foreach (var u in o.Units)
            {
                var unit = new Unit(StableId("unit:" + o.Slug + "/" + u.Slug), org.Id,
                    new UnitContent(u.Slug, u.Parent is null ? null : units.Single(x => x.Slug == u.Parent).Id, u.Name), now);
                Check(u.Slug, CatalogueRules.Validate(new UnitContent(unit.Slug, unit.ParentId, unit.Name), org, units, unit.Id));
                units.Add(unit);
            }
            db.AddRange(units);
            foreach (var unit in units) Record(OrientActivities.UnitCreated, unit.Id, org.Id, unit.Slug);

            var channels = new List<Channel>();
            foreach (var c in o.Channels)
            {
                var content = new ChannelContent(c.Slug, Enum.Parse<ChannelKind>(c.Kind, ignoreCase: true), UnitOf(units, c.Unit), c.Name,
                    c.Address, c.Latitude, c.Longitude, c.Phone, c.Email, c.Url, c.OpeningHours);
                Check(c.Slug, CatalogueRules.Validate(content, org, units));
                channels.Add(new Channel(StableId("channel:" + c.Slug), org.Id, content, now));
            }
            db.AddRange(channels);
            foreach (var channel in channels) Record(OrientActivities.ChannelCreated, channel.Id, org.Id, channel.Slug);

            foreach (var s in o.Services)
            {
                var content = new ServiceContent
                {
                    Slug = s.Slug,
                    UnitId = UnitOf(units, s.Unit),
                    Name = s.Name,
                    Description = s.Description,
                    Keywords = s.Keywords ?? new LocalizedKeywords(),
                    Audiences = s.Audiences.Select(a => Enum.Parse<Audience>(a, ignoreCase: true)).ToList(),
                    Themes = s.Themes,
                    LifeEvents = s.LifeEvents,
                    BusinessEvents = s.BusinessEvents,
                    Cost = s.Cost,
                    Evidence = s.Evidence,
                    Output = s.Output,
                    LegalResources = s.LegalResources,
                    ProcessingTime = s.ProcessingTime,
                    AppealSummary = s.AppealSummary,
                    ChannelIds = s.Channels.Select(slug => channels.Single(ch => ch.Slug == slug).Id).ToList(),
                };
                Check(s.Slug, CatalogueRules.Validate(content, org, units, channels, codes));
                var service = new PublicService(StableId("service:" + s.Slug), org.Id, content, now);
                if (s.Published) service.Publish(now);
                db.Add(service);
                Record(OrientActivities.ServiceCreated, service.Id, org.Id, service.Slug);
                if (s.Published) Record(OrientActivities.ServicePublished, service.Id, org.Id, service.Slug);
            }
        }
        CatalogueVersion.Bump(db);
        await db.SaveChangesAsync(ct);
    }

    private void Record(Activity activity, Guid id, Guid? organisationId, string slug) =>
        eventLog.Record("system:demo", activity,
            [new EventLogObject(activity.Code.Split('.')[1], id.ToString(), Role.Subject), .. organisationId is { } o ? [new EventLogObject("organisation", o.ToString(), Role.Owner)] : Array.Empty<EventLogObject>()],
            new Dictionary<string, object?> { ["slug"] = slug });

    private static Guid? UnitOf(List<Unit> units, string? slug) => slug is null ? null : units.Single(u => u.Slug == slug).Id;

    private static void Check(string what, List<Platform.Web.InvalidParam> errors)
    {
        if (errors.Count > 0)
            throw new InvalidOperationException($"Demo data '{what}' is invalid: " + string.Join("; ", errors.Select(e => $"{e.Name} {e.Code}")));
    }

    /// The same slug always gives the same id, so links into the demo stay valid across reseeds.
    public static Guid StableId(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("guichet-demo:" + key));
        return new Guid(hash.AsSpan(0, 16));
    }

    internal static DemoFile Read()
    {
        var assembly = typeof(CatalogueDemoSeeder).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Demo.demo-catalogue.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<DemoFile>(stream, JsonColumn.Options)!;
    }

    internal sealed record DemoFile(List<DemoOrganisation> Organisations);

    internal sealed record DemoOrganisation(
        string Slug, string Kind, string PrimaryLanguage, bool External, LocalizedText Name, LocalizedText? Description, string? Homepage,
        List<DemoUnit> Units, List<DemoChannel> Channels, List<DemoService> Services);

    internal sealed record DemoUnit(string Slug, string? Parent, LocalizedText Name);

    internal sealed record DemoChannel(
        string Slug, string Kind, string? Unit, LocalizedText Name, PostalAddress? Address, double? Latitude, double? Longitude,
        string? Phone, string? Email, string? Url, OpeningHours? OpeningHours);

    internal sealed record DemoService(
        string Slug, string? Unit, LocalizedText Name, LocalizedText Description, LocalizedKeywords? Keywords,
        List<string> Audiences, List<string> Themes, List<string> LifeEvents, List<string> BusinessEvents,
        LocalizedText? Cost, List<LocalizedText> Evidence, LocalizedText? Output, List<LegalResource> LegalResources,
        ProcessingTime? ProcessingTime, LocalizedText? AppealSummary, List<string> Channels, bool Published);
}
