using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deliver_case_types",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_case_types", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deliver_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CaseTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandlerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompleteOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Suspensions = table.Column<string>(type: "TEXT", nullable: false),
                    Extension = table.Column<string>(type: "TEXT", nullable: true),
                    Parties = table.Column<string>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_cases_deliver_case_types_CaseTypeId",
                        column: x => x.CaseTypeId,
                        principalTable: "deliver_case_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deliver_case_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_case_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_case_notes_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliver_case_party_numbers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_case_party_numbers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_case_party_numbers_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_notes_CaseId_At",
                table: "deliver_case_notes",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_party_numbers_CaseId",
                table: "deliver_case_party_numbers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_party_numbers_Number_CaseId",
                table: "deliver_case_party_numbers",
                columns: new[] { "Number", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_types_Code_Version",
                table: "deliver_case_types",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_types_ServiceId",
                table: "deliver_case_types",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_CaseTypeId",
                table: "deliver_cases",
                column: "CaseTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_HandlerId_ClosedAt_DueOn",
                table: "deliver_cases",
                columns: new[] { "HandlerId", "ClosedAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_Number",
                table: "deliver_cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_UnitId_ClosedAt_DueOn_Id",
                table: "deliver_cases",
                columns: new[] { "UnitId", "ClosedAt", "DueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deliver_case_notes");

            migrationBuilder.DropTable(
                name: "deliver_case_party_numbers");

            migrationBuilder.DropTable(
                name: "deliver_cases");

            migrationBuilder.DropTable(
                name: "deliver_case_types");
        }
    }
}
