using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalogue_organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PrimaryLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    External = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Homepage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "identity_staff_users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FailedSignIns = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_staff_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_accessibility_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PageUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_accessibility_feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_event_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Attributes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_event_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalogue_units_catalogue_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "catalogue_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_catalogue_units_catalogue_units_ParentId",
                        column: x => x.ParentId,
                        principalTable: "catalogue_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "identity_api_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_api_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_identity_api_tokens_identity_staff_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_staff_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_event_log_objects",
                columns: table => new
                {
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    ObjectType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Qualifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_event_log_objects", x => new { x.EventId, x.ObjectType, x.ObjectId, x.Qualifier });
                    table.ForeignKey(
                        name: "FK_platform_event_log_objects_platform_event_log_EventId",
                        column: x => x.EventId,
                        principalTable: "platform_event_log",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_channels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OpeningHours = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_channels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalogue_channels_catalogue_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "catalogue_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_catalogue_channels_catalogue_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "catalogue_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalogue_services_catalogue_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "catalogue_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_catalogue_services_catalogue_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "catalogue_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_channels_OrganisationId",
                table: "catalogue_channels",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_channels_Slug",
                table: "catalogue_channels",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_channels_UnitId",
                table: "catalogue_channels",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_organisations_Slug",
                table: "catalogue_organisations",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_services_OrganisationId",
                table: "catalogue_services",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_services_Slug",
                table: "catalogue_services",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_services_Status_OrganisationId",
                table: "catalogue_services",
                columns: new[] { "Status", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_services_UnitId",
                table: "catalogue_services",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_units_OrganisationId_Slug",
                table: "catalogue_units",
                columns: new[] { "OrganisationId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_units_ParentId",
                table: "catalogue_units",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_identity_api_tokens_TokenHash",
                table: "identity_api_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_api_tokens_UserId",
                table: "identity_api_tokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_identity_staff_users_Email",
                table: "identity_staff_users",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_accessibility_feedback_ReceivedAt",
                table: "platform_accessibility_feedback",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_platform_event_log_Activity",
                table: "platform_event_log",
                column: "Activity");

            migrationBuilder.CreateIndex(
                name: "IX_platform_event_log_At",
                table: "platform_event_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_platform_event_log_objects_ObjectType_ObjectId",
                table: "platform_event_log_objects",
                columns: new[] { "ObjectType", "ObjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalogue_channels");

            migrationBuilder.DropTable(
                name: "catalogue_services");

            migrationBuilder.DropTable(
                name: "identity_api_tokens");

            migrationBuilder.DropTable(
                name: "platform_accessibility_feedback");

            migrationBuilder.DropTable(
                name: "platform_event_log_objects");

            migrationBuilder.DropTable(
                name: "catalogue_units");

            migrationBuilder.DropTable(
                name: "identity_staff_users");

            migrationBuilder.DropTable(
                name: "platform_event_log");

            migrationBuilder.DropTable(
                name: "catalogue_organisations");
        }
    }
}
