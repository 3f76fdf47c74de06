using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContactRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "welcome_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CustomerKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CustomerNumber = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    CustomerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OnBehalfOf = table.Column<string>(type: "text", nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RespondBy = table.Column<DateOnly>(type: "date", nullable: false),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseWorkingDays = table.Column<int>(type: "integer", nullable: true),
                    CallBackBy = table.Column<DateOnly>(type: "date", nullable: true),
                    CalledBackAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RegisteredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegisteredByUnitId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_contacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contacts_CustomerNumber_ReceivedAt",
                table: "welcome_contacts",
                columns: new[] { "CustomerNumber", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contacts_Outcome_CallBackBy",
                table: "welcome_contacts",
                columns: new[] { "Outcome", "CallBackBy" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contacts_UnitId_ReceivedAt",
                table: "welcome_contacts",
                columns: new[] { "UnitId", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "welcome_contacts");
        }
    }
}
