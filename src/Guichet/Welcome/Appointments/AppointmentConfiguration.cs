using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Welcome.Appointments;

internal sealed class AppointmentServiceConfiguration : IEntityTypeConfiguration<AppointmentService>
{
    public void Configure(EntityTypeBuilder<AppointmentService> b)
    {
        b.ToTable("welcome_appointment_services");
        b.HasKey(x => x.ServiceId);
        b.Property(x => x.ServiceId).ValueGeneratedNever();
        b.HasIndex(x => x.ChannelId);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("welcome_appointments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(Appointment.MaxName);
        b.Property(x => x.Email).HasMaxLength(Appointment.MaxEmail);
        b.Property(x => x.Phone).HasMaxLength(Appointment.MaxPhone);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.NationalNumber).HasMaxLength(11);
        b.Property(x => x.ManageTokenHash).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.ManageTokenHash).IsUnique();
        b.HasIndex(x => new { x.ChannelId, x.StartsAt });
        b.HasIndex(x => new { x.Status, x.StartsAt });
        b.Property(x => x.QueueTicketCode).HasMaxLength(12);
        b.HasIndex(x => x.QueueTicketId);
    }
}

internal sealed class AppointmentSeatConfiguration : IEntityTypeConfiguration<AppointmentSeat>
{
    public void Configure(EntityTypeBuilder<AppointmentSeat> b)
    {
        b.ToTable("welcome_appointment_seats");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.ServiceId, x.StartsAt, x.Seat }).IsUnique();
        b.HasIndex(x => x.AppointmentId).IsUnique();
    }
}
