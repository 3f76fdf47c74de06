using System.Net;
using Guichet.Platform.Data;
using Guichet.Platform.EventLog;
using Guichet.Platform.Identity;
using Guichet.Platform.Web;
using Guichet.Tests.Support;
using Guichet.Welcome.Appointments;
using Guichet.Welcome.Appointments.Demo;

namespace Guichet.Tests.Platform.Data;

/// The retention job applies every module's rule: records past their retention are removed or
/// blanked, the others are kept.
public sealed class RetentionTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    private static readonly Guid Passport = AppointmentsDemoSeeder.Service("hautrival-passport");

    private Appointment NewAppointment(DateTimeOffset startsAt, string email, string hash) =>
        new(Passport, Guid.NewGuid(), startsAt, startsAt.AddMinutes(20), "Amélie Lambert", email, "+32 470 12 34 56", "fr", "85073003328", hash, startsAt.AddDays(-10));

    [Fact]
    public async Task Past_appointments_lose_their_manage_link_then_their_person_and_recent_ones_keep_both()
    {
        var now = DateTimeOffset.UtcNow;
        var (recentToken, recentHash) = SecureToken.New();
        var (oldToken, oldHash) = SecureToken.New();
        var (ancientToken, ancientHash) = SecureToken.New();
        var (comingToken, comingHash) = SecureToken.New();
        var recent = NewAppointment(now.AddHours(-3), "recent@example.be", recentHash);     // link still valid (1 day after)
        var old = NewAppointment(now.AddDays(-3), "old@example.be", oldHash);                // link expired, person kept
        var ancient = NewAppointment(now.AddDays(-400), "ancient@example.be", ancientHash);  // link expired, person forgotten
        var coming = NewAppointment(now.AddDays(5), "coming@example.be", comingHash);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GuichetDb>();
            db.AddRange(recent, old, ancient, coming);
            // The tests' own set-up marker for the journal guard: these appointments are arranged, not booked.
            sp.GetRequiredService<EventLog>().Record("test", Activity.Process("test.arranged", "Arranged by a test.", []), []);
            await db.SaveChangesAsync();
            return 0;
        });
        // Before the job, the lookup already refuses a link a day after its appointment (410).
        foreach (var token in new[] { recentToken, comingToken })
            Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync($"/api/v1/appointments/manage/{token}")).StatusCode);
        foreach (var token in new[] { oldToken, ancientToken })
            Assert.Equal(HttpStatusCode.Gone, (await app.Client().GetAsync($"/api/v1/appointments/manage/{token}")).StatusCode);

        var rules = await app.Services.GetRequiredService<JournalRetention>().ApplyRulesAsync(default);
        Assert.True(rules.Single(r => r.Rule == "appointments").Count >= 3); // two links, one person

        var stored = app.InScope(db => db.Set<Appointment>().Where(a => new[] { recent.Id, old.Id, ancient.Id, coming.Id }.Contains(a.Id)).ToDictionary(a => a.Id));
        Assert.Equal(recentHash, stored[recent.Id].ManageTokenHash);
        Assert.Equal(comingHash, stored[coming.Id].ManageTokenHash);
        Assert.True(stored[old.Id].ManageLinkExpired);
        Assert.True(stored[ancient.Id].ManageLinkExpired);
        Assert.Equal(("old@example.be", "85073003328"), (stored[old.Id].Email, stored[old.Id].NationalNumber));
        Assert.Equal(("", "", null, null), (stored[ancient.Id].Name, stored[ancient.Id].Email, stored[ancient.Id].Phone, stored[ancient.Id].NationalNumber));
        Assert.Equal(("coming@example.be", "Amélie Lambert"), (stored[coming.Id].Email, stored[coming.Id].Name));

        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync($"/api/v1/appointments/manage/{recentToken}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/v1/appointments/manage/{oldToken}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/api/v1/appointments/manage/{ancientToken}")).StatusCode);

        // A second round changes nothing more.
        Assert.Equal(0, (await app.Services.GetRequiredService<JournalRetention>().ApplyRulesAsync(default)).Single(r => r.Rule == "appointments").Count);
    }

    [Fact]
    public async Task Old_limiter_counters_and_sign_in_failures_are_removed_and_current_ones_kept()
    {
        var now = DateTimeOffset.UtcNow;
        var window = new SignInThrottleOptions().Window;
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GuichetDb>();
            await RateCounter.HitAsync(db, "retention-test", "old", now.AddDays(-2).ToUnixTimeSeconds(), default);
            await RateCounter.HitAsync(db, "retention-test", "current", now.ToUnixTimeSeconds() / 60 * 60, default);
            db.Add(new SignInFailure("retention-old", "retention-old", now - window - TimeSpan.FromMinutes(1)));
            db.Add(new SignInFailure("retention-new", "retention-new", now));
            await db.SaveChangesAsync();
            return 0;
        });

        await app.Services.GetRequiredService<JournalRetention>().ApplyRulesAsync(default);

        Assert.Equal(["current"], app.InScope(db => db.Set<RateCounter>().Where(c => c.Policy == "retention-test").Select(c => c.PartitionKey).ToList()));
        var failures = app.InScope(db => db.Set<SignInFailure>().Where(f => f.AccountKey.StartsWith("retention-")).Select(f => f.AccountKey).ToList());
        Assert.Equal(["retention-new"], failures);
    }
}
