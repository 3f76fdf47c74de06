using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionStampsAndSignInThrottle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "identity_staff_users");

            migrationBuilder.AddColumn<string>(
                name: "ExternalSubject",
                table: "identity_staff_users",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "identity_staff_users",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "identity_sign_in_failures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddressKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_sign_in_failures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identity_staff_users_ExternalSubject",
                table: "identity_staff_users",
                column: "ExternalSubject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_sign_in_failures_AccountKey_At",
                table: "identity_sign_in_failures",
                columns: new[] { "AccountKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_identity_sign_in_failures_AddressKey_At",
                table: "identity_sign_in_failures",
                columns: new[] { "AddressKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_identity_sign_in_failures_At",
                table: "identity_sign_in_failures",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_sign_in_failures");

            migrationBuilder.DropIndex(
                name: "IX_identity_staff_users_ExternalSubject",
                table: "identity_staff_users");

            migrationBuilder.DropColumn(
                name: "ExternalSubject",
                table: "identity_staff_users");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "identity_staff_users");

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "identity_staff_users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }
    }
}
