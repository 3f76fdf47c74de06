namespace Guichet.Welcome.Appointments;

/// Retention of appointments (Welcome:Appointments:ManageLinkDaysAfter, KeepPersonDays): manage
/// links end a day after the appointment, the person's details a year after it.
internal sealed class AppointmentRetention(IOptions<AppointmentOptions> options) : IRetentionRule
{
    private const int Batch = 500;

    public string Name => "appointments";

    public async Task<int> ApplyAsync(GuichetDb db, DateTimeOffset now, CancellationToken ct)
    {
        var linksBefore = now.AddDays(-options.Value.ManageLinkDaysAfter);
        var personBefore = now.AddDays(-options.Value.KeepPersonDays);
        // Updates by statement, not through tracked entities: retention is not a step of the
        // customer's process (no journal event), like the journal's own purge.
        var done = 0;
        while (true)
        {
            var links = await db.Set<Appointment>().Where(a => a.EndsAt < linksBefore && !a.ManageTokenHash.StartsWith(Appointment.ExpiredLinkPrefix))
                .OrderBy(a => a.EndsAt).Select(a => a.Id).Take(Batch).ToListAsync(ct);
            if (links.Count == 0) break;
            foreach (var id in links)
            {
                var expired = Appointment.ExpiredLinkPrefix + id.ToString("N");
                done += await db.Set<Appointment>().Where(a => a.Id == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.ManageTokenHash, expired), ct);
            }
        }
        done += await db.Set<Appointment>().Where(a => a.EndsAt < personBefore && (a.Email != "" || a.Name != "" || a.Phone != null || a.NationalNumber != null))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Name, "").SetProperty(a => a.Email, "").SetProperty(a => a.Phone, (string?)null).SetProperty(a => a.NationalNumber, (string?)null), ct);
        return done;
    }
}
