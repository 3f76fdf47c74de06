using Guichet.Deliver.Cases.Api;
using Guichet.Deliver.CaseTypes;
using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Deliver.Cases;

/// Case files: opening, the work list, status, clock and assignment changes, notes; the
/// acknowledgement mail; the staff pages of a case (work list, case page, new case, history).
internal static class CasesModule
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<CaseMail>();
        services.AddScoped<CaseWork>();
        services.AddScoped<CaseList>();
        return services;
    }

    public static WebApplication MapCases(this WebApplication app) => app.MapCasesApi();
}

internal sealed class CasesConfiguration :
    IEntityTypeConfiguration<Case>,
    IEntityTypeConfiguration<CaseNote>,
    IEntityTypeConfiguration<CasePartyNumber>,
    IEntityTypeConfiguration<CaseNumberCounter>
{
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

    public void Configure(EntityTypeBuilder<CasePartyNumber> b)
    {
        b.ToTable("deliver_case_party_numbers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(11);
        b.HasIndex(x => new { x.Number, x.CaseId }).IsUnique();
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CaseNumberCounter> b)
    {
        b.ToTable("deliver_case_number_counters");
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
    }
}
