using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomerNumber = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OnBehalfOf = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RespondBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    CallBackBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CalledBackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredByUnitId = table.Column<Guid>(type: "TEXT", nullable: true)
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
