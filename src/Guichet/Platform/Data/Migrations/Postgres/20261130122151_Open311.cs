using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Open311 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "welcome_open311_requests",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    Long = table.Column<double>(type: "double precision", nullable: true),
                    AddressString = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AddressId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MediaUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DeviceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AccountId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Attributes = table.Column<string>(type: "text", nullable: false),
                    ApiTokenId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_open311_requests", x => x.ContactId);
                    table.ForeignKey(
                        name: "FK_welcome_open311_requests_welcome_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "welcome_contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_open311_requests_ServiceCode",
                table: "welcome_open311_requests",
                column: "ServiceCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "welcome_open311_requests");
        }
    }
}
