using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Orient.Catalogue;

internal sealed class CatalogueConfiguration :
    IEntityTypeConfiguration<Organisation>,
    IEntityTypeConfiguration<Unit>,
    IEntityTypeConfiguration<Channel>,
    IEntityTypeConfiguration<PublicService>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("catalogue_organisations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PrimaryLanguage).HasMaxLength(2);
        b.Property(x => x.Name).HasJsonConversion();
        b.Property(x => x.Description).HasJsonConversion();
        b.Property(x => x.Homepage).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("catalogue_units");
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.HasIndex(x => new { x.OrganisationId, x.Slug }).IsUnique();
        b.Property(x => x.Name).HasJsonConversion();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Channel> b)
    {
        b.ToTable("catalogue_channels");
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasJsonConversion();
        b.Property(x => x.Address).HasJsonConversion();
        b.Property(x => x.OpeningHours).HasJsonConversion();
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Url).HasMaxLength(2000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PublicService> b)
    {
        b.ToTable("catalogue_services");
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.Status, x.OrganisationId });
        b.Property(x => x.Content).HasJsonConversion();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
