namespace Guichet.Welcome.MailIntake;

internal enum IntakeStatus { Imported, Reply, Oversized, Malformed, Ignored }

/// One message of the mailbox, taken once: the unique (mailbox, UIDVALIDITY, UID) makes a second
/// import of the same message fail, also from another node or after a crash.
internal sealed class IntakeRecord
{
    public long Id { get; private set; }
    public string Mailbox { get; private set; } = "";
    public long UidValidity { get; private set; }
    public long Uid { get; private set; }
    public string? MessageId { get; private set; }
    public IntakeStatus Status { get; private set; }
    public Guid? ContactId { get; private set; }
    public string? Sender { get; private set; }
    public string? Subject { get; private set; }
    public string? Problem { get; private set; }
    public DateTimeOffset At { get; private set; }

    private IntakeRecord() { }

    public IntakeRecord(string mailbox, long uidValidity, long uid, string? messageId, IntakeStatus status, Guid? contactId, string? sender, string? subject, string? problem, DateTimeOffset at)
    {
        Mailbox = mailbox;
        UidValidity = uidValidity;
        Uid = uid;
        MessageId = messageId;
        Status = status;
        ContactId = contactId;
        Sender = sender;
        Subject = subject;
        Problem = problem;
        At = at;
    }
}

internal sealed class IntakeRecordConfiguration : IEntityTypeConfiguration<IntakeRecord>
{
    public void Configure(EntityTypeBuilder<IntakeRecord> b)
    {
        b.ToTable("welcome_mail_intake");
        b.HasKey(x => x.Id);
        b.Property(x => x.Mailbox).HasMaxLength(300);
        b.Property(x => x.MessageId).HasMaxLength(500);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Sender).HasMaxLength(254);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Problem).HasMaxLength(1000);
        b.HasIndex(x => new { x.Mailbox, x.UidValidity, x.Uid }).IsUnique(); // a message is taken once
    }
}
