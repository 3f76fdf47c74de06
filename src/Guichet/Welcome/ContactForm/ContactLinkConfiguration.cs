using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Welcome.ContactForm;

internal sealed class ContactLinkConfiguration : IEntityTypeConfiguration<ContactLink>
{
    public void Configure(EntityTypeBuilder<ContactLink> b)
    {
        b.ToTable("welcome_contact_links");
        b.HasKey(x => x.Id);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Contacts.Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
