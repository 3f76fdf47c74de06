namespace Guichet.Welcome.Appointments;

/// The reminder the day before: tomorrow's (Brussels) booked appointments whose reminder has not
/// gone out get one. The outbox sends at once, so this job decides when; ReminderSentAt records
/// that it did, claimed by a conditional update so two nodes never remind twice.
internal sealed class AppointmentReminders(IServiceScopeFactory scopes, TimeProvider time, IOptions<AppointmentOptions> options, ILogger<AppointmentReminders> log) : BackgroundService
{
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var slots = scope.ServiceProvider.GetRequiredService<AppointmentSlots>();
        var mail = scope.ServiceProvider.GetRequiredService<AppointmentMail>();
        var now = time.GetUtcNow();
        var tomorrow = BrusselsTime.LocalDate(now).AddDays(1);
        var from = BrusselsTime.ToInstant(tomorrow, TimeOnly.MinValue);
        var to = BrusselsTime.ToInstant(tomorrow.AddDays(1), TimeOnly.MinValue);
        var due = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Booked && a.ReminderSentAt == null && a.StartsAt >= from && a.StartsAt < to)
            .Select(a => a.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Set<Appointment>().Where(a => a.Id == id && a.ReminderSentAt == null && a.Status == AppointmentStatus.Booked)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.ReminderSentAt, now), ct);
            if (claimed == 0) continue;
            var appointment = await db.Set<Appointment>().AsNoTracking().FirstAsync(a => a.Id == id, ct);
            if (await slots.OfferAsync(appointment.ServiceId, ct) is { } offer) mail.Reminder(appointment, offer);
            scope.ServiceProvider.GetRequiredService<EventLog>().Record("system:reminders", WelcomeActivities.AppointmentReminded, AppointmentBook.Objects(appointment),
                new Dictionary<string, object?> { ["start"] = appointment.StartsAt });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            sent++;
        }
        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReminderIntervalMinutes;
        if (interval <= 0) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Appointment reminders failed; retrying at the next round.");
            }
            await Task.Delay(TimeSpan.FromMinutes(interval), time, stoppingToken);
        }
    }
}
