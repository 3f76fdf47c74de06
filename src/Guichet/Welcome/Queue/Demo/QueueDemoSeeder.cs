using Guichet.Orient.Catalogue.Demo;
using Guichet.Orient.Catalogue;

namespace Guichet.Welcome.Queue.Demo;

/// The queue of the Hautrival town hall counter: four services with their ticket letters and
/// four desks, three of them open.
internal sealed class QueueDemoSeeder(GuichetDb db, CatalogueDirectory catalogue, EventLog eventLog, TimeProvider time) : IDemoSeeder
{
    public static readonly Guid TownHallOffice = CatalogueDemoSeeder.StableId("queue-office:hautrival-town-hall-counter");

    public static Guid Desk(int number) => CatalogueDemoSeeder.StableId("queue-desk:hautrival-town-hall-counter/" + number);

    public static Guid Service(string slug) => CatalogueDemoSeeder.StableId("service:" + slug);

    private static readonly (string Slug, string Letter)[] Lines =
    [
        ("hautrival-eid", "A"),
        ("hautrival-passport", "B"),
        ("hautrival-change-of-address", "C"),
        ("hautrival-driving-licence", "D"),
    ];

    private static readonly (int Number, string[] Services, bool Open)[] Desks =
    [
        (1, ["hautrival-eid", "hautrival-passport"], true),
        (2, ["hautrival-eid", "hautrival-passport", "hautrival-driving-licence"], true),
        (3, ["hautrival-change-of-address", "hautrival-driving-licence"], true),
        (4, ["hautrival-eid", "hautrival-passport", "hautrival-change-of-address", "hautrival-driving-licence"], false),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var channelId = CatalogueDemoSeeder.StableId("channel:hautrival-town-hall-counter");
        var channel = await catalogue.ChannelAsync(channelId, ct) ?? throw new InvalidOperationException("The demo catalogue has no town hall counter.");
        var offered = (await catalogue.ServicesAtAsync(channelId, ct)).Select(s => s.Id).ToHashSet();
        var now = time.GetUtcNow();
        var office = new QueueOffice(TownHallOffice, channel.Id, channel.OrganisationId, now);
        db.Add(office);
        for (var i = 0; i < Lines.Length; i++)
        {
            var service = Service(Lines[i].Slug);
            if (!offered.Contains(service)) throw new InvalidOperationException($"Demo queue: {Lines[i].Slug} is not offered at the town hall counter.");
            db.Add(new OfficeService(office.Id, service, Lines[i].Letter, i));
        }
        eventLog.Record("system:demo", WelcomeActivities.OfficeCreated, [new EventLogObject("queue-office", office.Id.ToString(), Role.Subject), new EventLogObject("channel", channel.Id.ToString(), Role.Channel)]);
        foreach (var (number, services, open) in Desks)
        {
            var desk = new QueueDesk(Desk(number), office.Id, number, services.Select(Service), now);
            db.Add(desk);
            EventLogObject[] objects = [new("queue-desk", desk.Id.ToString(), Role.Subject), new("queue-office", office.Id.ToString(), Role.Office)];
            eventLog.Record("system:demo", WelcomeActivities.DeskCreated, objects, new Dictionary<string, object?> { ["number"] = number, ["services"] = desk.ServiceIds });
            if (!open) continue;
            desk.Open(now);
            eventLog.Record("system:demo", WelcomeActivities.DeskOpened, objects, new Dictionary<string, object?> { ["number"] = number });
        }
        await db.SaveChangesAsync(ct);
    }
}
