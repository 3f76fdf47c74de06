using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Welcome.Contacts;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
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
}
