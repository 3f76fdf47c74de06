using Guichet.Deliver.Cases;
using Guichet.Deliver.Documents.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Deliver.Documents;

/// The documents of a case: uploaded by staff or by the customer, recognised by content, stored
/// once by SHA-256 in the database (ADR 0011).
internal static class DocumentsModule
{
    public static IServiceCollection AddDocuments(this IServiceCollection services) => services.AddScoped<DocumentWork>();

    public static WebApplication MapDocuments(this WebApplication app) => app.MapDocumentsApi();
}

internal sealed class DocumentsConfiguration : IEntityTypeConfiguration<CaseDocument>, IEntityTypeConfiguration<CaseDocumentContent>
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

    public void Configure(EntityTypeBuilder<CaseDocumentContent> b)
    {
        b.ToTable("deliver_document_contents");
        b.HasKey(x => x.Sha256);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}
