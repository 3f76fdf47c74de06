using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_case_types", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deliver_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    HandlerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompleteOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Suspensions = table.Column<string>(type: "text", nullable: false),
                    Extension = table.Column<string>(type: "text", nullable: true),
                    Parties = table.Column<string>(type: "text", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Author = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false)
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
