using Guichet.Deliver.Advice.Api;
using Guichet.Deliver.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Deliver.Advice;

/// Advice between units: service levels agreed per pair of units (Deliver:Advice), kept or broken.
internal static class AdviceModule
{
    public static IServiceCollection AddAdvice(this IServiceCollection services)
    {
        services.AddOptions<AdviceOptions>().BindConfiguration(AdviceOptions.Section);
        services.AddScoped<AdviceWork>();
        return services;
    }

    public static WebApplication MapAdvice(this WebApplication app) => app.MapAdviceApi();
}

internal sealed class AdviceConfiguration : IEntityTypeConfiguration<AdviceRequest>
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
}
