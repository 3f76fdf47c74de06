using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
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
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_queue_number_counters", x => x.Key);
                });

            // Tickets issued before the counters existed: each counter starts where they ended.
            migrationBuilder.Sql("""
                INSERT INTO welcome_queue_number_counters ("Key", "Last") SELECT lower(replace("OfficeId", '-', '')) || '|' || "Day" || '|' || "Letter", MAX("Number") FROM welcome_queue_tickets GROUP BY "OfficeId", "Day", "Letter";
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
