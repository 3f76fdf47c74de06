using Guichet.Deliver.CaseTypes;
using Guichet.Deliver.Advice;
using Guichet.Deliver.Cases;
using Guichet.Deliver.Decisions;
using Guichet.Deliver.Documents;
using Guichet.Deliver.Requests;
using Guichet.Deliver.StatusPage;
using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Deliver;

internal sealed class DeliverConfiguration :
    IEntityTypeConfiguration<CaseType>,
    IEntityTypeConfiguration<Case>,
    IEntityTypeConfiguration<CaseNote>,
    IEntityTypeConfiguration<CasePartyNumber>,
    IEntityTypeConfiguration<Decision>,
    IEntityTypeConfiguration<LodgedAppeal>,
    IEntityTypeConfiguration<CaseDocument>,
    IEntityTypeConfiguration<CaseDocumentContent>,
    IEntityTypeConfiguration<CaseStatusLink>,
    IEntityTypeConfiguration<CaseNumberCounter>,
    IEntityTypeConfiguration<CustomerRequest>,
    IEntityTypeConfiguration<AdviceRequest>
{
    public void Configure(EntityTypeBuilder<AdviceRequest> b)
    {
        b.ToTable("deliver_advice_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.CaseNumber).HasMaxLength(20);
        b.Property(x => x.Question).HasMaxLength(AdviceRequest.MaxText);
        b.Property(x => x.Answer).HasMaxLength(AdviceRequest.MaxText);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.AnsweredBy).HasMaxLength(200);
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => new { x.ToUnitId, x.AnsweredAt, x.DueOn });
        b.HasIndex(x => new { x.FromUnitId, x.AnsweredAt, x.DueOn });
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CaseNumberCounter> b)
    {
        b.ToTable("deliver_case_number_counters");
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
    }

    public void Configure(EntityTypeBuilder<CaseStatusLink> b)
    {
        b.ToTable("deliver_status_links");
        b.HasKey(x => x.Id);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CustomerRequest> b)
    {
        b.ToTable("deliver_customer_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.What).HasMaxLength(CustomerRequest.MaxText);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }

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

    public void Configure(EntityTypeBuilder<Decision> b)
    {
        b.ToTable("deliver_decisions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CaseId).IsUnique(); // one decision per case, enforced by the database too
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.IssuedBy).HasMaxLength(200);
        b.Property(x => x.Appeal).HasJsonConversion();
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LodgedAppeal> b)
    {
        b.ToTable("deliver_appeals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LodgedWith).HasMaxLength(300);
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.RegisteredBy).HasMaxLength(200);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Decision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CasePartyNumber> b)
    {
        b.ToTable("deliver_case_party_numbers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(11);
        b.HasIndex(x => new { x.Number, x.CaseId }).IsUnique();
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CaseType> b)
    {
        b.ToTable("deliver_case_types");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(50);
        b.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        b.HasIndex(x => x.ServiceId);
        b.Property(x => x.Content).HasJsonConversion();
    }

    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("deliver_cases");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(20);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Status).HasMaxLength(50);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Suspensions).HasJsonConversion();
        b.Property(x => x.Extension).HasJsonConversion();
        b.Property(x => x.Parties).HasJsonConversion();
        // Work lists: a unit's open cases by due date, with the id as tie-breaker (keyset paging).
        b.HasIndex(x => new { x.UnitId, x.DueSort, x.Id });
        b.HasIndex(x => new { x.HandlerId, x.DueSort, x.Id });
        b.HasIndex(x => new { x.DueSort, x.Id });
        b.HasOne<CaseType>().WithMany().HasForeignKey(x => x.CaseTypeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.ToTable("deliver_case_notes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Author).HasMaxLength(254);
        b.Property(x => x.Text).HasMaxLength(CaseNote.MaxLength);
        b.HasIndex(x => new { x.CaseId, x.At });
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
