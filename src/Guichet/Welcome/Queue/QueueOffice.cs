namespace Guichet.Welcome.Queue;

/// A counter of the catalogue (a walk-in channel) that runs a ticket queue: the services taken
/// there, each with its ticket letter, and its desks. Its name and address stay in the catalogue.
internal sealed class QueueOffice : Guichet.Platform.EventLog.IJournaled
{
    public Guid Id { get; private set; }
    public Guid ChannelId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private QueueOffice() { }

    public QueueOffice(Guid id, Guid channelId, Guid organisationId, DateTimeOffset now)
    {
        Id = id;
        ChannelId = channelId;
        OrganisationId = organisationId;
        CreatedAt = now;
    }
}

internal sealed class QueueOfficeConfiguration : IEntityTypeConfiguration<QueueOffice>
{
    public void Configure(EntityTypeBuilder<QueueOffice> b)
    {
        b.ToTable("welcome_queue_offices");
        b.HasKey(x => x.Id);
        // One queue per counter.
        b.HasIndex(x => x.ChannelId).IsUnique();
        b.HasIndex(x => x.OrganisationId);
    }
}

/// A catalogue service taken at an office, with the letter of its tickets.
internal sealed class OfficeService
{
    public Guid Id { get; private set; }
    public Guid OfficeId { get; private set; }
    public Guid ServiceId { get; private set; }
    public string Letter { get; private set; } = "";
    public int Position { get; private set; }

    private OfficeService() { }

    public OfficeService(Guid officeId, Guid serviceId, string letter, int position)
    {
        Id = Guid.NewGuid();
        OfficeId = officeId;
        ServiceId = serviceId;
        Letter = letter;
        Position = position;
    }

    public static bool IsLetter(string? letter) => letter is { Length: 1 } && char.IsAsciiLetterUpper(letter[0]);
}

internal sealed class OfficeServiceConfiguration : IEntityTypeConfiguration<OfficeService>
{
    public void Configure(EntityTypeBuilder<OfficeService> b)
    {
        b.ToTable("welcome_queue_office_services");
        b.HasKey(x => x.Id);
        b.Property(x => x.Letter).HasMaxLength(1);
        b.HasIndex(x => new { x.OfficeId, x.ServiceId }).IsUnique();
        b.HasIndex(x => new { x.OfficeId, x.Letter }).IsUnique();
        b.HasIndex(x => x.ServiceId);
        b.HasOne<QueueOffice>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// A desk of an office, known to customers by its number ("desk 3"), serving some of the
/// office's services. Open while staffed: only open desks count in the waiting-time estimate.
internal sealed class QueueDesk : Guichet.Platform.EventLog.IJournaled
{
    public const int MaxNumber = 999;

    public Guid Id { get; private set; }
    public Guid OfficeId { get; private set; }
    public int Number { get; private set; }
    public List<Guid> ServiceIds { get; private set; } = [];
    public bool IsOpen { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private QueueDesk() { }

    public QueueDesk(Guid id, Guid officeId, int number, IEnumerable<Guid> serviceIds, DateTimeOffset now)
    {
        Id = id;
        OfficeId = officeId;
        Change(number, serviceIds, now);
    }

    public bool Serves(Guid serviceId) => ServiceIds.Contains(serviceId);

    public void Change(int number, IEnumerable<Guid> serviceIds, DateTimeOffset now)
    {
        Number = number;
        ServiceIds = serviceIds.Distinct().ToList();
        UpdatedAt = now;
    }

    public void Open(DateTimeOffset now)
    {
        IsOpen = true;
        UpdatedAt = now;
    }

    public void Close(DateTimeOffset now)
    {
        IsOpen = false;
        UpdatedAt = now;
    }
}

internal sealed class QueueDeskConfiguration : IEntityTypeConfiguration<QueueDesk>
{
    public void Configure(EntityTypeBuilder<QueueDesk> b)
    {
        b.ToTable("welcome_queue_desks");
        b.HasKey(x => x.Id);
        b.Property(x => x.ServiceIds).HasJsonConversion();
        b.HasIndex(x => new { x.OfficeId, x.Number }).IsUnique();
        b.HasOne<QueueOffice>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Cascade);
    }
}
