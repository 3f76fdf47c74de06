using Guichet.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Welcome.MailIntake;

internal static class MailIntakeModule
{
    public static IServiceCollection AddMailIntake(this IServiceCollection services)
    {
        services.AddOptions<MailIntakeOptions>().BindConfiguration(MailIntakeOptions.Section);
        services.AddSingleton<MailIntake>();
        services.AddHostedService<MailIntakeWorker>();
        return services;
    }
}

internal sealed class MailIntakeConfiguration :
    IEntityTypeConfiguration<IntakeRecord>, IEntityTypeConfiguration<ContactMessage>
{
    public void Configure(EntityTypeBuilder<IntakeRecord> b)
    {
        b.ToTable("welcome_mail_intake");
        b.HasKey(x => x.Id);
        b.Property(x => x.Mailbox).HasMaxLength(300);
        b.Property(x => x.MessageId).HasMaxLength(500);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Sender).HasMaxLength(254);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Problem).HasMaxLength(1000);
        b.HasIndex(x => new { x.Mailbox, x.UidValidity, x.Uid }).IsUnique(); // a message is taken once
    }

    public void Configure(EntityTypeBuilder<ContactMessage> b)
    {
        b.ToTable("welcome_contact_messages");
        b.HasKey(x => x.Id);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(5);
        b.Property(x => x.MessageId).HasMaxLength(500);
        b.Property(x => x.From).HasMaxLength(254);
        b.Property(x => x.Subject).HasMaxLength(1000);
        b.HasIndex(x => x.MessageId);
        b.HasIndex(x => x.ContactId);
        b.HasOne<Contacts.Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
