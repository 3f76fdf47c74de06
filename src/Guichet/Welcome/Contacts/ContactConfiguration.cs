using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Welcome.Contacts;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>, IEntityTypeConfiguration<ContactAttachment>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("welcome_contacts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CustomerKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.CustomerNumber).HasMaxLength(11);
        b.Property(x => x.CustomerName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.OnBehalfOf).HasJsonConversion();
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Subject).HasMaxLength(Contact.MaxSubject);
        b.Property(x => x.Notes).HasMaxLength(Contact.MaxNotes);
        b.Property(x => x.RegisteredBy).HasMaxLength(200);
        b.Property(x => x.CaseNumber).HasMaxLength(20);
        b.HasIndex(x => new { x.CustomerNumber, x.ReceivedAt });
        b.HasIndex(x => new { x.UnitId, x.ReceivedAt });
        b.HasIndex(x => new { x.Outcome, x.CallBackBy });
    }

    // The table keeps the name it had when only the mail intake stored attachments.
    public void Configure(EntityTypeBuilder<ContactAttachment> b)
    {
        b.ToTable("welcome_contact_attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(250);
        b.Property(x => x.MediaType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => x.ContactId);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
