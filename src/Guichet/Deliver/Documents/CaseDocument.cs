using Guichet.Deliver.Cases;
using Guichet.Platform.Files;

namespace Guichet.Deliver.Documents;

/// What a document is to the case, which also says how long it is kept.
internal enum DocumentKind { Application, Evidence, Correspondence, Decision, Other }

/// How long a document is kept after the case closes (the archive rules of the organisation).
internal enum RetentionClass { TwoYears, TenYears, Permanent }

/// A document of a case: its metadata here, its bytes in CaseDocumentContent under their SHA-256.
internal sealed class CaseDocument : Guichet.Platform.EventLog.IJournaled, ICasePart
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public RetentionClass Retention { get; private set; }
    public string FileName { get; private set; } = "";
    public string MediaType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    /// Who sent it: "staff:<id>" or "customer" (through a secure upload link).
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    private CaseDocument() { }

    public CaseDocument(Guid caseId, DocumentKind kind, string fileName, FileTypes.Kind type, long size, string sha256, string uploadedBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        Kind = kind;
        Retention = RetentionOf(kind);
        FileName = fileName;
        MediaType = type.MediaType;
        Size = size;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public static RetentionClass RetentionOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Decision or DocumentKind.Application => RetentionClass.Permanent,
        DocumentKind.Evidence => RetentionClass.TenYears,
        _ => RetentionClass.TwoYears,
    };
}

/// The bytes of a document, stored once per content (in the database, so that every app node
/// sees the same files without a shared disk).
internal sealed class CaseDocumentContent
{
    public string Sha256 { get; private set; } = "";
    public byte[] Bytes { get; private set; } = [];

    private CaseDocumentContent() { }

    public CaseDocumentContent(string sha256, byte[] bytes)
    {
        Sha256 = sha256;
        Bytes = bytes;
    }
}

internal static class DocumentRefusals
{
    public static readonly Refusal UnsupportedType = new(415, "unsupported-file-type", "Send a PDF, PNG, JPEG or TIFF image, or a Word (.docx) or OpenDocument (.odt) text; the content decides, not the name.");
    public static readonly Refusal TooLarge = new(413, "payload-too-large", $"A document may be at most {CaseDocument.MaxBytes / 1024 / 1024} MB.");
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> b)
    {
        b.ToTable("deliver_case_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Retention).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FileName).HasMaxLength(250);
        b.Property(x => x.MediaType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(200);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CaseDocumentContent>().WithMany().HasForeignKey(x => x.Sha256).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseDocumentContentConfiguration : IEntityTypeConfiguration<CaseDocumentContent>
{
    public void Configure(EntityTypeBuilder<CaseDocumentContent> b)
    {
        b.ToTable("deliver_document_contents");
        b.HasKey(x => x.Sha256);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}
