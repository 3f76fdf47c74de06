using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueueNumberCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "welcome_queue_number_counters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_queue_number_counters", x => x.Key);
                });

            // Tickets issued before the counters existed: each counter starts where they ended.
            migrationBuilder.Sql("""
                INSERT INTO welcome_queue_number_counters ("Key", "Last") SELECT replace("OfficeId"::text, '-', '') || '|' || to_char("Day", 'YYYY-MM-DD') || '|' || "Letter", MAX("Number") FROM welcome_queue_tickets GROUP BY "OfficeId", "Day", "Letter";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "welcome_queue_number_counters");
        }
    }
}
