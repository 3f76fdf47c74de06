using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FactualGrounds = table.Column<string>(type: "TEXT", nullable: false),
                    LegalGrounds = table.Column<string>(type: "TEXT", nullable: false),
                    Appeal = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AppealDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LodgedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LodgedWith = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
