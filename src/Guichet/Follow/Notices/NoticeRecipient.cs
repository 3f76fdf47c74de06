namespace Guichet.Follow.Notices;

internal enum RecipientChannel { Mail, Letter }

/// Where a recipient's copy is (GOV.UK Notify's words): waiting for the rate limit, in the outbox,
/// sent, failing and retried by the outbox, failed for good, not sent because the subscriber left
/// before their turn, or a letter to print (then printed).
internal enum RecipientState { Queued, Sending, Sent, TemporaryFailure, PermanentFailure, Unsubscribed, LetterDue, LetterPrinted }

/// One recipient of one notice, fixed when the notice is sent: the rows are the list the sender
/// works through, so a restart goes on where it stopped, and each row is put into the outbox once
/// (its OutboxMessageId is set in the same transaction as the outbox row). Key is unique per
/// notice: one address, or one customer, gets one copy whatever number of topics or cases led to it.
internal sealed class NoticeRecipient
{
    public const int MaxKey = 300, MaxName = 200, MaxAddress = 500;

    public Guid Id { get; private set; }
    public Guid NoticeId { get; private set; }
    public string Key { get; private set; } = "";
    public RecipientChannel Channel { get; private set; }
    public string? Email { get; private set; }
    public string? Name { get; private set; }
    public string? PostalAddress { get; private set; }
    public string Language { get; private set; } = "fr";

    /// Set for a subscriber (their mail carries the one-click unsubscribe); null for a case's party.
    public Guid? SubscriberId { get; private set; }

    /// The journal's pseudonym of a case party known by number; null otherwise.
    public string? Customer { get; private set; }

    /// A case that made them a recipient (the first found), for the letter's reference.
    public string? CaseNumber { get; private set; }
    public RecipientState State { get; private set; }
    public Guid? OutboxMessageId { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private NoticeRecipient() { }

    private NoticeRecipient(Guid noticeId, string key, RecipientChannel channel, string language, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        NoticeId = noticeId;
        Key = key;
        Channel = channel;
        Language = language;
        State = channel == RecipientChannel.Mail ? RecipientState.Queued : RecipientState.LetterDue;
        UpdatedAt = now;
    }

    public static NoticeRecipient Subscriber(Guid noticeId, Guid subscriberId, string email, string language, DateTimeOffset now) =>
        new(noticeId, "mail:" + email.ToLowerInvariant(), RecipientChannel.Mail, language, now) { Email = email, SubscriberId = subscriberId };

    public static NoticeRecipient PartyByMail(Guid noticeId, string email, string? name, string language, string? customer, string caseNumber, DateTimeOffset now) =>
        new(noticeId, "mail:" + email.ToLowerInvariant(), RecipientChannel.Mail, language, now) { Email = email, Name = name, Customer = customer, CaseNumber = caseNumber };

    public static NoticeRecipient PartyByLetter(Guid noticeId, string key, string name, string address, string language, string? customer, string caseNumber, DateTimeOffset now) =>
        new(noticeId, key, RecipientChannel.Letter, language, now) { Name = name, PostalAddress = address, Customer = customer, CaseNumber = caseNumber };

    public void Enqueued(Guid outboxMessageId, DateTimeOffset now)
    {
        OutboxMessageId = outboxMessageId;
        State = RecipientState.Sending;
        UpdatedAt = now;
    }

    /// The subscriber erased themselves before their turn: nothing is sent, and their address goes.
    public void Unsubscribed(DateTimeOffset now)
    {
        State = RecipientState.Unsubscribed;
        Email = null;
        UpdatedAt = now;
    }

    /// What the outbox says of the recipient's mail; true when the state changed.
    public bool Observe(RecipientState state, int attempts, DateTimeOffset now)
    {
        if (State == state && Attempts == attempts) return false;
        State = state;
        Attempts = attempts;
        UpdatedAt = now;
        return true;
    }

    public void Printed(DateTimeOffset now)
    {
        State = RecipientState.LetterPrinted;
        UpdatedAt = now;
    }

    public bool IsFinal => State is RecipientState.Sent or RecipientState.PermanentFailure or RecipientState.Unsubscribed
        or RecipientState.LetterDue or RecipientState.LetterPrinted;
}

internal sealed class NoticeRecipientConfiguration : IEntityTypeConfiguration<NoticeRecipient>
{
    public void Configure(EntityTypeBuilder<NoticeRecipient> b)
    {
        b.ToTable("follow_notice_recipients");
        b.HasKey(x => x.Id);
        // One copy per address or customer and notice, whatever led to them.
        b.HasIndex(x => new { x.NoticeId, x.Key }).IsUnique();
        b.HasIndex(x => new { x.NoticeId, x.State });
        b.HasIndex(x => x.OutboxMessageId).IsUnique();
        b.Property(x => x.Key).HasMaxLength(NoticeRecipient.MaxKey);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Name).HasMaxLength(NoticeRecipient.MaxName);
        b.Property(x => x.PostalAddress).HasMaxLength(NoticeRecipient.MaxAddress);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Customer).HasMaxLength(40);
        b.Property(x => x.CaseNumber).HasMaxLength(40);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        // Two nodes cannot both move one recipient into the outbox: the second save finds the state changed.
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// The mail budget of one minute, shared by every node: a sender takes part of it in the same
/// transaction as the mails it puts into the outbox, so all nodes together stay under
/// Follow:Notices:MailsPerMinute.
internal sealed class NoticeSendBudget
{
    /// Minutes since 1970 (UTC).
    public long Minute { get; private set; }
    public int Used { get; private set; }

    private NoticeSendBudget() { }

    public NoticeSendBudget(long minute)
    {
        Minute = minute;
    }
}

internal sealed class NoticeSendBudgetConfiguration : IEntityTypeConfiguration<NoticeSendBudget>
{
    public void Configure(EntityTypeBuilder<NoticeSendBudget> b)
    {
        b.ToTable("follow_notice_send_budget");
        b.HasKey(x => x.Minute);
        b.Property(x => x.Minute).ValueGeneratedNever();
    }
}
