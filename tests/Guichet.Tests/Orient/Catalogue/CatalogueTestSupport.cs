using System.Net.Http.Json;
using Guichet.Orient.Catalogue;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Orient.Catalogue;

/// Ids of the demo catalogue (stable across reseeds) and small helpers for catalogue tests.
internal static class Demo
{
    public static readonly Guid Hautrival = CatalogueDemoSeeder.StableId("org:hautrival");
    public static readonly Guid FpsTaxation = CatalogueDemoSeeder.StableId("org:fps-taxation");
    public static readonly Guid HautrivalPopulation = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-population");
    public static readonly Guid HautrivalGeneralManagement = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-general-management");
    public static readonly Guid HautrivalCitizenServices = CatalogueDemoSeeder.StableId("unit:hautrival/hautrival-citizen-services");
    public static readonly Guid FpsTaxationAdmin = CatalogueDemoSeeder.StableId("unit:fps-taxation/fps-taxation-admin");
    public static readonly Guid FpsContactCentre = CatalogueDemoSeeder.StableId("channel:fps-taxation-contact-centre");
    public static readonly Guid HautrivalPhone = CatalogueDemoSeeder.StableId("channel:hautrival-phone");
    public static readonly Guid TownHallCounter = CatalogueDemoSeeder.StableId("channel:hautrival-town-hall-counter");
    public static readonly Guid Eid = CatalogueDemoSeeder.StableId("service:hautrival-eid");
    public static readonly Guid TaxCertificate = CatalogueDemoSeeder.StableId("service:fps-tax-certificate");

    /// Everything a catalogue change can touch: rows, their last change, and the event log.
    public static string Fingerprint(GuichetApp app) => app.InScope(db =>
    {
        var parts = new List<string>();
        parts.AddRange(db.Set<Organisation>().AsNoTracking().ToList().OrderBy(o => o.Id).Select(o => $"o{o.Id}{o.UpdatedAt.UtcTicks}"));
        parts.AddRange(db.Set<Unit>().AsNoTracking().ToList().OrderBy(o => o.Id).Select(o => $"u{o.Id}{o.UpdatedAt.UtcTicks}"));
        parts.AddRange(db.Set<Channel>().AsNoTracking().ToList().OrderBy(o => o.Id).Select(o => $"c{o.Id}{o.UpdatedAt.UtcTicks}"));
        parts.AddRange(db.Set<PublicService>().AsNoTracking().ToList().OrderBy(o => o.Id).Select(o => $"s{o.Id}{o.UpdatedAt.UtcTicks}{o.Status}"));
        parts.Add("events" + db.Set<EventLogEntry>().Count());
        return string.Join("|", parts);
    });

    /// The event-log entries about one object, oldest first.
    public static List<string> ActivitiesAbout(GuichetApp app, string objectType, Guid id) => app.InScope(db =>
    {
        var key = id.ToString();
        return db.Set<EventLogEntry>().AsNoTracking()
            .Where(e => e.Objects.Any(o => o.ObjectType == objectType && o.ObjectId == key && o.Qualifier == "subject"))
            .OrderBy(e => e.Id).Select(e => e.Activity).ToList();
    });

    /// A new editor account attached to a unit, with an API client of its own.
    public static async Task<HttpClient> UnitEditorClientAsync(GuichetApp app, string email, Guid unitId)
    {
        await app.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<StaffAccounts>().CreateAsync(email, "Unit Editor", [Roles.Editor], DemoAccounts.Password, unitId, default);
            await sp.GetRequiredService<Guichet.Platform.Data.GuichetDb>().SaveChangesAsync();
            return 0;
        });
        return await app.ClientAsAsync(email);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) => client.PutAsync(url, JsonBody(body));
}

/// A host whose clock stands still at Thursday 5 November 2026, 10:00 in Brussels, unless a
/// test sets it elsewhere (and back).
public sealed class FrozenClockApp : GuichetApp
{
    public static readonly DateTimeOffset Now = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    public StoppedClock Clock { get; } = new() { Now = Now };

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
}

public sealed class StoppedClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
