using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Welcome.Queue;

internal sealed class QueueConfiguration :
    IEntityTypeConfiguration<QueueOffice>,
    IEntityTypeConfiguration<OfficeService>,
    IEntityTypeConfiguration<QueueDesk>,
    IEntityTypeConfiguration<QueueNumberCounter>,
    IEntityTypeConfiguration<QueueTicket>
{
    public void Configure(EntityTypeBuilder<QueueOffice> b)
    {
        b.ToTable("welcome_queue_offices");
        b.HasKey(x => x.Id);
        // One queue per counter.
        b.HasIndex(x => x.ChannelId).IsUnique();
        b.HasIndex(x => x.OrganisationId);
    }

    public void Configure(EntityTypeBuilder<OfficeService> b)
    {
        b.ToTable("welcome_queue_office_services");
        b.HasKey(x => x.Id);
        b.Property(x => x.Letter).HasMaxLength(1);
        b.HasIndex(x => new { x.OfficeId, x.ServiceId }).IsUnique();
        b.HasIndex(x => new { x.OfficeId, x.Letter }).IsUnique();
        b.HasIndex(x => x.ServiceId);
        b.HasOne<QueueOffice>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<QueueDesk> b)
    {
        b.ToTable("welcome_queue_desks");
        b.HasKey(x => x.Id);
        b.Property(x => x.ServiceIds).HasJsonConversion();
        b.HasIndex(x => new { x.OfficeId, x.Number }).IsUnique();
        b.HasOne<QueueOffice>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<QueueNumberCounter> b)
    {
        b.ToTable("welcome_queue_number_counters");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(60);
    }

    public void Configure(EntityTypeBuilder<QueueTicket> b)
    {
        b.ToTable("welcome_queue_tickets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Letter).HasMaxLength(1);
        b.Property(x => x.Code).HasMaxLength(12);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        // Two kiosks issuing at once cannot both take A-042: the second one retries with the next number.
        b.HasIndex(x => new { x.OfficeId, x.Day, x.Letter, x.Number }).IsUnique();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.OfficeId, x.Day, x.Status });
        b.HasIndex(x => new { x.ServiceId, x.Status, x.FinishedAt });
        // A desk has one customer at a time, also when the same desk calls twice at the same moment.
        b.HasIndex(x => x.DeskId).IsUnique().HasFilter("\"Status\" IN ('Called', 'Serving')").HasDatabaseName("IX_welcome_queue_tickets_one_per_desk");
        b.HasOne<QueueOffice>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
