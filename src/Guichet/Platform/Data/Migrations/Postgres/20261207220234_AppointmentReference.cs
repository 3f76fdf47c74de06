using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AppointmentReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "welcome_appointments",
                type: "character varying(11)",
                maxLength: 11,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointments_Reference",
                table: "welcome_appointments",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_welcome_appointments_Reference",
                table: "welcome_appointments");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "welcome_appointments");
        }
    }
}
