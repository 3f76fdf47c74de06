namespace Guichet.Welcome.Queue;

/// Who is called before the first-come-first-served order (after appointments due now).
internal enum QueuePriority { None, ReducedMobility, Pregnancy, YoungChild }

/// Waiting → Called → Serving → Served; Called → NoShow; Called or Serving → Transferred, which
/// waits again (for another service or desk) until a desk calls it.
internal enum TicketStatus { Waiting, Called, Serving, Served, NoShow, Transferred }

/// How a counter visit ended (the contact register takes it over).
internal enum VisitOutcome { Answered, Routed, Referred, CallBack }

/// A queue ticket: numbered per office, day and service letter, with an unguessable
/// token for the customer's live status page (only its SHA-256 is stored).
internal sealed class QueueTicket : Guichet.Platform.EventLog.IJournaled
{
    public Guid Id { get; private set; }
    public Guid OfficeId { get; private set; }
    public Guid ServiceId { get; private set; }
    public DateOnly Day { get; private set; }
    public string Letter { get; private set; } = "";
    public int Number { get; private set; }
    public string Code { get; private set; } = "";
    public QueuePriority Priority { get; private set; }
    public TicketStatus Status { get; private set; }
    public string Language { get; private set; } = "fr";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    /// When it (re)entered a waiting line: at issue, and again at a transfer.
    public DateTimeOffset QueuedAt { get; private set; }
    /// The desk that called it (while called or serving, and after).
    public Guid? DeskId { get; private set; }
    /// A transfer to one desk: only that desk calls it.
    public Guid? TargetDeskId { get; private set; }
    public DateTimeOffset? CalledAt { get; private set; }
    public DateTimeOffset? ServingAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public int Recalls { get; private set; }
    public int Transfers { get; private set; }
    public VisitOutcome? Outcome { get; private set; }
    /// The counter contact registered when the visit finished (the contact register's id).
    public Guid? ContactId { get; private set; }
    /// Optimistic concurrency: two clicks on one ticket cannot both change it.
    public int Version { get; private set; }

    private QueueTicket() { }

    public QueueTicket(Guid officeId, Guid serviceId, DateOnly day, string letter, int number, QueuePriority priority, string language, string tokenHash, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OfficeId = officeId;
        ServiceId = serviceId;
        Day = day;
        Letter = letter;
        Number = number;
        Code = CodeOf(letter, number);
        Priority = priority;
        Status = TicketStatus.Waiting;
        Language = language;
        TokenHash = tokenHash;
        IssuedAt = now;
        QueuedAt = now;
    }

    public static string CodeOf(string letter, int number) => letter + "-" + number.ToString("000", CultureInfo.InvariantCulture);

    public bool IsWaiting => Status is TicketStatus.Waiting or TicketStatus.Transferred;

    /// Called or being served at a desk.
    public bool IsAtDesk => Status is TicketStatus.Called or TicketStatus.Serving;

    public bool IsFinished => Status is TicketStatus.Served or TicketStatus.NoShow;

    public void Recall() => Touch(() => Recalls++);

    public void StartServing(DateTimeOffset now) => Touch(() =>
    {
        Status = TicketStatus.Serving;
        ServingAt = now;
    });

    public void MarkNoShow(DateTimeOffset now) => Touch(() =>
    {
        Status = TicketStatus.NoShow;
        FinishedAt = now;
    });

    public void Finish(VisitOutcome outcome, Guid? contactId, DateTimeOffset now) => Touch(() =>
    {
        Status = TicketStatus.Served;
        ServingAt ??= CalledAt;
        FinishedAt = now;
        Outcome = outcome;
        ContactId = contactId;
    });

    /// A ticket still called or served when its day is over: it gives its desk back. A called
    /// customer who never came is absent; a visit never finished is served, with no outcome.
    public void CloseAtDayEnd(DateTimeOffset now) => Touch(() =>
    {
        if (Status == TicketStatus.Called) Status = TicketStatus.NoShow;
        else
        {
            Status = TicketStatus.Served;
            ServingAt ??= CalledAt;
        }
        FinishedAt = now;
    });

    public void Transfer(Guid? toService, Guid? toDesk, DateTimeOffset now) => Touch(() =>
    {
        Status = TicketStatus.Transferred;
        if (toService is { } s) ServiceId = s;
        TargetDeskId = toDesk;
        DeskId = null;
        CalledAt = null;
        ServingAt = null;
        QueuedAt = now;
        Transfers++;
    });

    /// How long the desk spent with the customer (served tickets only).
    public TimeSpan? ServiceTime => Status == TicketStatus.Served && FinishedAt is { } f && (ServingAt ?? CalledAt) is { } s ? f - s : null;

    private void Touch(Action change)
    {
        change();
        Version++;
    }
}

internal sealed class QueueTicketConfiguration : IEntityTypeConfiguration<QueueTicket>
{
    public void Configure(EntityTypeBuilder<QueueTicket> b)
    {
        b.ToTable("welcome_queue_tickets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Letter).HasMaxLength(1);
        b.Property(x => x.Code).HasMaxLength(12);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        // Two kiosks issuing at once cannot both take A-042: the second one retries with the next number.
        b.HasIndex(x => new { x.OfficeId, x.Day, x.Letter, x.Number }).IsUnique();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.OfficeId, x.Day, x.Status });
        b.HasIndex(x => new { x.ServiceId, x.Status, x.FinishedAt });
        // A desk has one customer at a time, also when the same desk calls twice at the same moment.
        b.HasIndex(x => x.DeskId).IsUnique().HasFilter("\"Status\" IN ('Called', 'Serving')").HasDatabaseName("IX_welcome_queue_tickets_one_per_desk");
        b.HasOne<QueueOffice>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
