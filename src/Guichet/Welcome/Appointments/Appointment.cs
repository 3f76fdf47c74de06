namespace Guichet.Welcome.Appointments;

/// Which catalogue services can be booked, at which counter, for how long, and how many desks
/// serve them side by side (so how many people can book the same start time).
internal sealed class AppointmentService
{
    public Guid ServiceId { get; private set; }
    public Guid ChannelId { get; private set; }
    public int DurationMinutes { get; private set; }
    public int Capacity { get; private set; }

    private AppointmentService() { }

    public AppointmentService(Guid serviceId, Guid channelId, int durationMinutes, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(durationMinutes, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ServiceId = serviceId;
        ChannelId = channelId;
        DurationMinutes = durationMinutes;
        Capacity = capacity;
    }
}

internal sealed class AppointmentServiceConfiguration : IEntityTypeConfiguration<AppointmentService>
{
    public void Configure(EntityTypeBuilder<AppointmentService> b)
    {
        b.ToTable("welcome_appointment_services");
        b.HasKey(x => x.ServiceId);
        b.Property(x => x.ServiceId).ValueGeneratedNever();
        b.HasIndex(x => x.ChannelId);
    }
}

internal enum AppointmentStatus { Booked, Cancelled, CheckedIn, NoShow }

/// One booking. The slot it holds is an AppointmentSeat row: the database, not this class,
/// guarantees that no seat of a slot is held twice.
internal sealed class Appointment : Guichet.Platform.EventLog.IJournaled
{
    public const int MaxName = 200;
    public const int MaxEmail = 254;
    public const int MaxPhone = 50;

    public Guid Id { get; private set; }
    /// What the person reads out at the counter or on the phone ("RDV-7K3M-Q9"); null on
    /// appointments booked before references existed.
    public string? Reference { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid ChannelId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? Phone { get; private set; }
    public string Language { get; private set; } = "fr";
    public string? NationalNumber { get; private set; }
    public string ManageTokenHash { get; private set; } = "";
    public AppointmentStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset? NoShowAt { get; private set; }
    public DateTimeOffset? ReminderSentAt { get; private set; }
    /// The queue ticket issued at check-in (none when no queue runs at the counter for the service).
    public Guid? QueueTicketId { get; private set; }
    public string? QueueTicketCode { get; private set; }
    /// Bumped on each reschedule: the iCalendar SEQUENCE, so calendars replace the old event.
    public int Sequence { get; private set; }

    private Appointment() { }

    public Appointment(Guid serviceId, Guid channelId, DateTimeOffset startsAt, DateTimeOffset endsAt, string name, string email, string? phone,
        string language, string? nationalNumber, string manageTokenHash, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Reference = AppointmentReference.New();
        ServiceId = serviceId;
        ChannelId = channelId;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Name = name;
        Email = email;
        Phone = phone;
        Language = language;
        NationalNumber = nationalNumber;
        ManageTokenHash = manageTokenHash;
        Status = AppointmentStatus.Booked;
        CreatedAt = now;
    }

    public bool IsActive => Status == AppointmentStatus.Booked;

    /// Raises the iCalendar SEQUENCE too: the cancellation replaces the event in calendars.
    public void Cancel(DateTimeOffset now)
    {
        Status = AppointmentStatus.Cancelled;
        CancelledAt = now;
        Sequence++;
    }

    public void MoveTo(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        StartsAt = startsAt;
        EndsAt = endsAt;
        Sequence++;
        ReminderSentAt = null;
    }

    public void CheckIn(DateTimeOffset now, Guid? queueTicketId, string? queueTicketCode)
    {
        Status = AppointmentStatus.CheckedIn;
        CheckedInAt = now;
        QueueTicketId = queueTicketId;
        QueueTicketCode = queueTicketCode;
    }

    public void MarkNoShow(DateTimeOffset now)
    {
        Status = AppointmentStatus.NoShow;
        NoShowAt = now;
    }

    public void ReminderSent(DateTimeOffset now) => ReminderSentAt = now;

    /// Retention (AppointmentRetention): an expired manage link's hash is replaced by this prefix and
    /// the id, which no SHA-256 of a token looks like.
    public const string ExpiredLinkPrefix = "expired-";

    public bool ManageLinkExpired => ManageTokenHash.StartsWith(ExpiredLinkPrefix, StringComparison.Ordinal);
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("welcome_appointments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(Appointment.MaxName);
        b.Property(x => x.Email).HasMaxLength(Appointment.MaxEmail);
        b.Property(x => x.Phone).HasMaxLength(Appointment.MaxPhone);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.NationalNumber).HasMaxLength(11);
        b.Property(x => x.ManageTokenHash).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.ManageTokenHash).IsUnique();
        b.Property(x => x.Reference).HasMaxLength(AppointmentReference.Length);
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => new { x.ChannelId, x.StartsAt });
        b.HasIndex(x => new { x.Status, x.StartsAt });
        b.Property(x => x.QueueTicketCode).HasMaxLength(12);
        b.HasIndex(x => x.QueueTicketId);
    }
}

/// A booking's reference as people read it aloud: "RDV-" and six characters from an alphabet
/// without the look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), grouped 4+2. About 10^8 values: a
/// clash is unlikely, and the unique index refuses it (the booking then tries the next seat).
internal static class AppointmentReference
{
    private const string Alphabet = "34679ACDEFGHJKMNPQRTUVWXY";
    public const string Prefix = "RDV-";
    public const int Length = 11; // RDV-XXXX-XX

    public static string New()
    {
        var c = System.Security.Cryptography.RandomNumberGenerator.GetString(Alphabet, 6);
        return $"{Prefix}{c[..4]}-{c[4..]}";
    }
}

/// Seat k (1..capacity) of a service's slot, held by one appointment. The unique index on
/// (service, start, seat) is what makes double booking impossible, on every node and provider:
/// two requests racing for the same seat cannot both commit.
internal sealed class AppointmentSeat
{
    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public int Seat { get; private set; }
    public Guid AppointmentId { get; private set; }

    private AppointmentSeat() { }

    public AppointmentSeat(Guid serviceId, DateTimeOffset startsAt, int seat, Guid appointmentId)
    {
        Id = Guid.NewGuid();
        ServiceId = serviceId;
        StartsAt = startsAt;
        Seat = seat;
        AppointmentId = appointmentId;
    }
}

internal sealed class AppointmentSeatConfiguration : IEntityTypeConfiguration<AppointmentSeat>
{
    public void Configure(EntityTypeBuilder<AppointmentSeat> b)
    {
        b.ToTable("welcome_appointment_seats");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.ServiceId, x.StartsAt, x.Seat }).IsUnique();
        b.HasIndex(x => x.AppointmentId).IsUnique();
    }
}
