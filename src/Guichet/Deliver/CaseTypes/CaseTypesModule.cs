using Guichet.Deliver.CaseTypes.Api;
using Guichet.Deliver.CaseTypes.Demo;
using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Deliver.CaseTypes;

/// Case types: versioned processing rules per catalogue service, their API and demo data.
internal static class CaseTypesModule
{
    public static IServiceCollection AddCaseTypes(this IServiceCollection services)
    {
        services.AddSingleton<CaseTypeVersions>();
        services.AddScoped<CaseTypeWork>();
        services.AddScoped<Guichet.Demo.IDemoSeeder, CaseTypesDemoSeeder>();
        return services;
    }

    public static WebApplication MapCaseTypes(this WebApplication app) => app.MapCaseTypesApi();
}

internal sealed class CaseTypesConfiguration : IEntityTypeConfiguration<CaseType>
{
    public void Configure(EntityTypeBuilder<CaseType> b)
    {
        b.ToTable("deliver_case_types");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(50);
        b.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        b.HasIndex(x => x.ServiceId);
        b.Property(x => x.Content).HasJsonConversion();
    }
}
