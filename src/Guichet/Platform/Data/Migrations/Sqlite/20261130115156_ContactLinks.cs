using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "welcome_contact_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_contact_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_welcome_contact_links_welcome_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "welcome_contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contact_links_ContactId",
                table: "welcome_contact_links",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contact_links_TokenHash",
                table: "welcome_contact_links",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "welcome_contact_links");
        }
    }
}
