using System.Security.Cryptography;
using System.Text;

namespace Guichet.Orient.Catalogue.Demo;

/// Loads demo-catalogue.json: a fictional municipality, a federal public service and a few
/// external bodies (referrals). Every record passes the same rules as an editor's input.
internal sealed class CatalogueDemoSeeder(GuichetDb db, CodeLists codes, EventLog eventLog, TimeProvider time) : IDemoSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var o in Read().Organisations)
        {
            var content = new OrganisationContent(o.Slug, Enum.Parse<OrganisationKind>(o.Kind, ignoreCase: true), o.PrimaryLanguage, o.External, o.Name, o.Description, o.Homepage);
            Check(o.Slug, CatalogueRules.Validate(content));
            var org = new Organisation(StableId("org:" + o.Slug), content, now);
            db.Add(org);
            eventLog.Record(Actor, OrientActivities.OrganisationCreated, [new EventLogObject("organisation", org.Id.ToString(), Role.Subject)], Slug(org.Slug));

            var units = new List<Unit>();
            foreach (var u in o.Units)
            {
                var id = StableId("unit:" + o.Slug + "/" + u.Slug);
                var unitContent = new UnitContent(u.Slug, UnitOf(units, u.Parent), u.Name);
                Check(u.Slug, CatalogueRules.Validate(unitContent, org, units, id));
                units.Add(new Unit(id, org.Id, unitContent, now));
            }
            Add(OrientActivities.UnitCreated, units);

            var channels = new List<Channel>();
            foreach (var c in o.Channels)
            {
                var channelContent = new ChannelContent(c.Slug, Enum.Parse<ChannelKind>(c.Kind, ignoreCase: true), UnitOf(units, c.Unit), c.Name,
                    c.Address, c.Latitude, c.Longitude, c.Phone, c.Email, c.Url, c.OpeningHours);
                Check(c.Slug, CatalogueRules.Validate(channelContent, org, units));
                channels.Add(new Channel(StableId("channel:" + c.Slug), org.Id, channelContent, now));
            }
            Add(OrientActivities.ChannelCreated, channels);

            foreach (var s in o.Services)
            {
                var serviceContent = new ServiceContent
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
                Check(s.Slug, CatalogueRules.Validate(serviceContent, org, units, channels, codes));
                var service = new PublicService(StableId("service:" + s.Slug), org.Id, serviceContent, now);
                Add(OrientActivities.ServiceCreated, [service]);
                if (!s.Published) continue;
                service.Publish(now);
                Record(OrientActivities.ServicePublished, service);
            }
        }
        CatalogueVersion.Bump(db);
        await db.SaveChangesAsync(ct);
    }

    private const string Actor = "system:demo";

    private void Add<T>(Activity created, IReadOnlyList<T> records) where T : class, ICatalogueRecord
    {
        db.AddRange(records);
        foreach (var record in records) Record(created, record);
    }

    /// The journal entry of a unit, channel or service: its kind is the activity's object ("orient.unit.created").
    private void Record(Activity activity, ICatalogueRecord record) =>
        eventLog.Record(Actor, activity,
            [new EventLogObject(activity.Code.Split('.')[1], record.Id.ToString(), Role.Subject), new EventLogObject("organisation", record.OrganisationId.ToString(), Role.Owner)],
            Slug(record.Slug));

    private static Dictionary<string, object?> Slug(string slug) => new() { ["slug"] = slug };

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
