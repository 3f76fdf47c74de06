namespace Guichet.Welcome.ContactForm;

/// The tracking link of a contact made without an account: only the token's hash is kept.
internal sealed class ContactLink
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(180);

    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }

    private ContactLink() { }

    private ContactLink(Guid contactId, string hash, DateTimeOffset expiresAt)
    {
        Id = Guid.NewGuid();
        ContactId = contactId;
        TokenHash = hash;
        ExpiresAt = expiresAt;
    }

    public static string Add(GuichetDb db, Guid contactId, DateTimeOffset now)
    {
        var (plain, hash) = SecureLink.NewToken();
        db.Add(new ContactLink(contactId, hash, now + ValidFor));
        return plain;
    }

    public static string PathFor(string token) => "/contact/track/" + token;
}

internal sealed class ContactLinkConfiguration : IEntityTypeConfiguration<ContactLink>
{
    public void Configure(EntityTypeBuilder<ContactLink> b)
    {
        b.ToTable("welcome_contact_links");
        b.HasKey(x => x.Id);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Contacts.Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
