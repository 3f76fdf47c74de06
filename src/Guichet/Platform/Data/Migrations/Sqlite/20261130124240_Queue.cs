using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Queue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "welcome_queue_offices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_queue_offices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "welcome_queue_desks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceIds = table.Column<string>(type: "TEXT", nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_queue_desks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_welcome_queue_desks_welcome_queue_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "welcome_queue_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "welcome_queue_office_services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Letter = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_queue_office_services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_welcome_queue_office_services_welcome_queue_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "welcome_queue_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "welcome_queue_tickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Letter = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TargetDeskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CalledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ServingAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Recalls = table.Column<int>(type: "INTEGER", nullable: false),
                    Transfers = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_queue_tickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_welcome_queue_tickets_welcome_queue_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "welcome_queue_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_desks_OfficeId_Number",
                table: "welcome_queue_desks",
                columns: new[] { "OfficeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_office_services_OfficeId_Letter",
                table: "welcome_queue_office_services",
                columns: new[] { "OfficeId", "Letter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_office_services_OfficeId_ServiceId",
                table: "welcome_queue_office_services",
                columns: new[] { "OfficeId", "ServiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_office_services_ServiceId",
                table: "welcome_queue_office_services",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_offices_ChannelId",
                table: "welcome_queue_offices",
                column: "ChannelId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_offices_OrganisationId",
                table: "welcome_queue_offices",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_tickets_OfficeId_Day_Letter_Number",
                table: "welcome_queue_tickets",
                columns: new[] { "OfficeId", "Day", "Letter", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_tickets_OfficeId_Day_Status",
                table: "welcome_queue_tickets",
                columns: new[] { "OfficeId", "Day", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_tickets_one_per_desk",
                table: "welcome_queue_tickets",
                column: "DeskId",
                unique: true,
                filter: "\"Status\" IN ('Called', 'Serving')");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_tickets_ServiceId_Status_FinishedAt",
                table: "welcome_queue_tickets",
                columns: new[] { "ServiceId", "Status", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_tickets_TokenHash",
                table: "welcome_queue_tickets",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "welcome_queue_desks");

            migrationBuilder.DropTable(
                name: "welcome_queue_office_services");

            migrationBuilder.DropTable(
                name: "welcome_queue_tickets");

            migrationBuilder.DropTable(
                name: "welcome_queue_offices");
        }
    }
}
