using Guichet.Deliver.Cases;
using Guichet.Deliver.Requests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Deliver.Requests;

/// Asking the customer for a document or information (by mail or letter), which stops the clock
/// until they answer on their status page.
internal static class RequestsModule
{
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.AddScoped<RequestMail>();
        services.AddScoped<RequestWork>();
        return services;
    }

    public static WebApplication MapRequests(this WebApplication app) => app.MapRequestsApi();
}

internal sealed class RequestsConfiguration : IEntityTypeConfiguration<CustomerRequest>
{
    public void Configure(EntityTypeBuilder<CustomerRequest> b)
    {
        b.ToTable("deliver_customer_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.What).HasMaxLength(CustomerRequest.MaxText);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
