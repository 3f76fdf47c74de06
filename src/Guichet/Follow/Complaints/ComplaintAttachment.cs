using System.Security.Cryptography;
using Guichet.Platform.Files;

namespace Guichet.Follow.Complaints;

/// A file sent with a complaint (the public form), recognised by its content, under a safe name.
internal sealed class ComplaintAttachment : Guichet.Platform.EventLog.IJournaled
{
    public Guid Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string FileName { get; private set; } = "";
    public string MediaType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];

    private ComplaintAttachment() { }

    public ComplaintAttachment(Guid complaintId, string name, FileTypes.Kind kind, byte[] content)
    {
        Id = Guid.NewGuid();
        ComplaintId = complaintId;
        FileName = FileTypes.SafeName(name, kind);
        MediaType = kind.MediaType;
        Size = content.Length;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Content = content;
    }
}

internal sealed class ComplaintAttachmentConfiguration : IEntityTypeConfiguration<ComplaintAttachment>
{
    public void Configure(EntityTypeBuilder<ComplaintAttachment> b)
    {
        b.ToTable("follow_complaint_attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(250);
        b.Property(x => x.MediaType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => x.ComplaintId);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
