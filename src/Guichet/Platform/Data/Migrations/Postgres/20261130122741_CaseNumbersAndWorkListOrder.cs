using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseNumbersAndWorkListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_deliver_cases_HandlerId_ClosedAt_DueOn",
                table: "deliver_cases");

            migrationBuilder.DropIndex(
                name: "IX_deliver_cases_UnitId_ClosedAt_DueOn_Id",
                table: "deliver_cases");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueSort",
                table: "deliver_cases",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateTable(
                name: "deliver_case_number_counters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_case_number_counters", x => x.Year);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_DueSort_Id",
                table: "deliver_cases",
                columns: new[] { "DueSort", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_HandlerId_DueSort_Id",
                table: "deliver_cases",
                columns: new[] { "HandlerId", "DueSort", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_UnitId_DueSort_Id",
                table: "deliver_cases",
                columns: new[] { "UnitId", "DueSort", "Id" });

            // Existing cases: their sort key and the counters continue where their numbers stand.
            migrationBuilder.Sql("UPDATE deliver_cases SET \"DueSort\" = COALESCE(\"DueOn\", '9999-12-31');");
            migrationBuilder.Sql("INSERT INTO deliver_case_number_counters (\"Year\", \"Last\") SELECT CAST(substr(\"Number\", 1, 4) AS INTEGER), MAX(CAST(substr(\"Number\", 6) AS INTEGER)) FROM deliver_cases GROUP BY substr(\"Number\", 1, 4);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deliver_case_number_counters");

            migrationBuilder.DropIndex(
                name: "IX_deliver_cases_DueSort_Id",
                table: "deliver_cases");

            migrationBuilder.DropIndex(
                name: "IX_deliver_cases_HandlerId_DueSort_Id",
                table: "deliver_cases");

            migrationBuilder.DropIndex(
                name: "IX_deliver_cases_UnitId_DueSort_Id",
                table: "deliver_cases");

            migrationBuilder.DropColumn(
                name: "DueSort",
                table: "deliver_cases");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_HandlerId_ClosedAt_DueOn",
                table: "deliver_cases",
                columns: new[] { "HandlerId", "ClosedAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_UnitId_ClosedAt_DueOn_Id",
                table: "deliver_cases",
                columns: new[] { "UnitId", "ClosedAt", "DueOn", "Id" });
        }
    }
}
