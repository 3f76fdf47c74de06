using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Appointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "welcome_appointment_seats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Seat = table.Column<int>(type: "INTEGER", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_appointment_seats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "welcome_appointment_services",
                columns: table => new
                {
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_appointment_services", x => x.ServiceId);
                });

            migrationBuilder.CreateTable(
                name: "welcome_appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    NationalNumber = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    ManageTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NoShowAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_appointments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointment_seats_AppointmentId",
                table: "welcome_appointment_seats",
                column: "AppointmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointment_seats_ServiceId_StartsAt_Seat",
                table: "welcome_appointment_seats",
                columns: new[] { "ServiceId", "StartsAt", "Seat" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointment_services_ChannelId",
                table: "welcome_appointment_services",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointments_ChannelId_StartsAt",
                table: "welcome_appointments",
                columns: new[] { "ChannelId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointments_ManageTokenHash",
                table: "welcome_appointments",
                column: "ManageTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointments_Status_StartsAt",
                table: "welcome_appointments",
                columns: new[] { "Status", "StartsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "welcome_appointment_seats");

            migrationBuilder.DropTable(
                name: "welcome_appointment_services");

            migrationBuilder.DropTable(
                name: "welcome_appointments");
        }
    }
}
