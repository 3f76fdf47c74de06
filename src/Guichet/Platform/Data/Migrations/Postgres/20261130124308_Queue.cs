using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_queue_offices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "welcome_queue_desks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ServiceIds = table.Column<string>(type: "text", nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Letter = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Letter = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeskId = table.Column<Guid>(type: "uuid", nullable: true),
                    TargetDeskId = table.Column<Guid>(type: "uuid", nullable: true),
                    CalledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ServingAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Recalls = table.Column<int>(type: "integer", nullable: false),
                    Transfers = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
