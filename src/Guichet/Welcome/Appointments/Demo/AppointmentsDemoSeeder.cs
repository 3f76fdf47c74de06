using Guichet.Orient.Catalogue.Demo;

namespace Guichet.Welcome.Appointments.Demo;

/// Services that can be booked at the Hautrival town hall counter, with their length and how
/// many desks serve them side by side.
internal sealed class AppointmentsDemoSeeder(GuichetDb db) : IDemoSeeder
{
    public static readonly Guid TownHallCounter = CatalogueDemoSeeder.StableId("channel:hautrival-town-hall-counter");

    public static Guid Service(string slug) => CatalogueDemoSeeder.StableId("service:" + slug);

    public async Task SeedAsync(CancellationToken ct)
    {
        db.AddRange(
            new AppointmentService(Service("hautrival-eid"), TownHallCounter, 15, 2),
            new AppointmentService(Service("hautrival-passport"), TownHallCounter, 20, 2),
            new AppointmentService(Service("hautrival-change-of-address"), TownHallCounter, 30, 1),
            new AppointmentService(Service("hautrival-driving-licence"), TownHallCounter, 15, 1));
        await db.SaveChangesAsync(ct);
    }
}
