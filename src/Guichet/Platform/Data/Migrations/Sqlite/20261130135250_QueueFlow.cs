using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueFlow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ContactId",
                table: "welcome_queue_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QueueTicketCode",
                table: "welcome_appointments",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "QueueTicketId",
                table: "welcome_appointments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointments_QueueTicketId",
                table: "welcome_appointments",
                column: "QueueTicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_welcome_appointments_QueueTicketId",
                table: "welcome_appointments");

            migrationBuilder.DropColumn(
                name: "ContactId",
                table: "welcome_queue_tickets");

            migrationBuilder.DropColumn(
                name: "QueueTicketCode",
                table: "welcome_appointments");

            migrationBuilder.DropColumn(
                name: "QueueTicketId",
                table: "welcome_appointments");
        }
    }
}
