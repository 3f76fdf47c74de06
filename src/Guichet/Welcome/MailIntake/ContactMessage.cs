namespace Guichet.Welcome.MailIntake;

internal enum MessageDirection { In, Out }

/// A message of a contact's e-mail thread, inbound or our acknowledgement, with the Message-ID
/// replies refer to (In-Reply-To / References).
internal sealed class ContactMessage : Guichet.Platform.EventLog.IJournaled
{
    public const int MaxText = 100_000;

    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    public MessageDirection Direction { get; private set; }
    public string MessageId { get; private set; } = "";
    public string? From { get; private set; }
    public string Subject { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private ContactMessage() { }

    public ContactMessage(Guid contactId, MessageDirection direction, string messageId, string? from, string subject, string text, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        ContactId = contactId;
        Direction = direction;
        MessageId = messageId;
        From = from;
        Subject = subject;
        Text = text.Length > MaxText ? text[..MaxText] : text;
        At = at;
    }
}

internal sealed class ContactMessageConfiguration : IEntityTypeConfiguration<ContactMessage>
{
    public void Configure(EntityTypeBuilder<ContactMessage> b)
    {
        b.ToTable("welcome_contact_messages");
        b.HasKey(x => x.Id);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(5);
        b.Property(x => x.MessageId).HasMaxLength(500);
        b.Property(x => x.From).HasMaxLength(254);
        b.Property(x => x.Subject).HasMaxLength(1000);
        b.HasIndex(x => x.MessageId);
        b.HasIndex(x => x.ContactId);
        b.HasOne<Contacts.Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
