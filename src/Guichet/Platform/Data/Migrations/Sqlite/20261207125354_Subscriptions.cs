using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Subscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follow_subscribers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_subscribers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "follow_subscription_erasures",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_subscription_erasures", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "follow_subscription_topics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    RefId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_subscription_topics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "follow_subscription_consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Network = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_subscription_consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_subscription_consents_follow_subscribers_SubscriberId",
                        column: x => x.SubscriberId,
                        principalTable: "follow_subscribers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follow_subscriber_topics",
                columns: table => new
                {
                    SubscriberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_subscriber_topics", x => new { x.SubscriberId, x.TopicId });
                    table.ForeignKey(
                        name: "FK_follow_subscriber_topics_follow_subscribers_SubscriberId",
                        column: x => x.SubscriberId,
                        principalTable: "follow_subscribers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_follow_subscriber_topics_follow_subscription_topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "follow_subscription_topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_follow_subscriber_topics_TopicId",
                table: "follow_subscriber_topics",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_subscribers_ConfirmTokenHash",
                table: "follow_subscribers",
                column: "ConfirmTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_subscribers_Email",
                table: "follow_subscribers",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_subscription_consents_SubscriberId",
                table: "follow_subscription_consents",
                column: "SubscriberId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_subscription_topics_Code",
                table: "follow_subscription_topics",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_subscriber_topics");

            migrationBuilder.DropTable(
                name: "follow_subscription_consents");

            migrationBuilder.DropTable(
                name: "follow_subscription_erasures");

            migrationBuilder.DropTable(
                name: "follow_subscription_topics");

            migrationBuilder.DropTable(
                name: "follow_subscribers");
        }
    }
}
