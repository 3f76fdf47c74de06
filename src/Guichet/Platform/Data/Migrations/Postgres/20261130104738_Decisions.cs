using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Decisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deliver_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FactualGrounds = table.Column<string>(type: "text", nullable: false),
                    LegalGrounds = table.Column<string>(type: "text", nullable: false),
                    Appeal = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AppealDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_decisions_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deliver_appeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LodgedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LodgedWith = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_appeals_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_deliver_appeals_deliver_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "deliver_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_appeals_CaseId",
                table: "deliver_appeals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_appeals_DecisionId",
                table: "deliver_appeals",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_decisions_CaseId",
                table: "deliver_decisions",
                column: "CaseId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deliver_appeals");

            migrationBuilder.DropTable(
                name: "deliver_decisions");
        }
    }
}
