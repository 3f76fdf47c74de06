using Guichet.Deliver.Cases;
using Guichet.Deliver.Decisions.Api;
using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Deliver.Decisions;

/// Motivated decisions with their appeal information, their letters and mail, and appeals lodged
/// against them.
internal static class DecisionsModule
{
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        services.AddScoped<DecisionMail>();
        services.AddScoped<DecisionWork>();
        return services;
    }

    public static WebApplication MapDecisions(this WebApplication app) => app.MapDecisionsApi();
}

internal sealed class DecisionsConfiguration : IEntityTypeConfiguration<Decision>, IEntityTypeConfiguration<LodgedAppeal>
{
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
}
