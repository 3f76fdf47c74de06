using System.Security.Cryptography;
using Guichet.Platform.Files;

namespace Guichet.Welcome.Contacts;

/// A file of a contact: one that came with an e-mail or the web form (MessageId set), or the
/// scan of a letter registered by the mail room. Kept only if its content is of an accepted kind.
internal sealed class ContactAttachment : Guichet.Platform.EventLog.IJournaled
{
    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    public Guid? MessageId { get; private set; }
    public string FileName { get; private set; } = "";
    public string MediaType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];

    private ContactAttachment() { }

    /// A file of an accepted kind (recognised by its content), under a safe name with that kind's extension.
    public static ContactAttachment Of(Guid contactId, Guid? messageId, string name, FileTypes.Kind kind, byte[] content) =>
        new(contactId, messageId, FileTypes.SafeName(name, kind), kind.MediaType, content, Convert.ToHexStringLower(SHA256.HashData(content)));

    private ContactAttachment(Guid contactId, Guid? messageId, string fileName, string mediaType, byte[] content, string sha256)
    {
        Id = Guid.NewGuid();
        ContactId = contactId;
        MessageId = messageId;
        FileName = fileName;
        MediaType = mediaType;
        Size = content.Length;
        Sha256 = sha256;
        Content = content;
    }
}

internal sealed class ContactAttachmentConfiguration : IEntityTypeConfiguration<ContactAttachment>
{
    // The table keeps the name it had when only the mail intake stored attachments.
    public void Configure(EntityTypeBuilder<ContactAttachment> b)
    {
        b.ToTable("welcome_contact_attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(250);
        b.Property(x => x.MediaType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => x.ContactId);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
