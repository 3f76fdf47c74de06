using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeclaredProcesses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "improve_declared_processes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_improve_declared_processes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_improve_declared_processes_ServiceId_Version",
                table: "improve_declared_processes",
                columns: new[] { "ServiceId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "improve_declared_processes");
        }
    }
}
