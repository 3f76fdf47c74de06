using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SatisfactionSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follow_survey_cursor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEventId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_survey_cursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "follow_surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CustomerKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TriggerEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    GotWhatNeeded = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_surveys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_follow_surveys_Channel_SourceId",
                table: "follow_surveys",
                columns: new[] { "Channel", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_surveys_CustomerKey_RequestedAt",
                table: "follow_surveys",
                columns: new[] { "CustomerKey", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_surveys_RequestedAt",
                table: "follow_surveys",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_follow_surveys_TokenHash",
                table: "follow_surveys",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_survey_cursor");

            migrationBuilder.DropTable(
                name: "follow_surveys");
        }
    }
}
