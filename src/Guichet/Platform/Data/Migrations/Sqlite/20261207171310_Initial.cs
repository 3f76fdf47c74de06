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
                name: "catalogue_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deliver_case_number_counters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_case_number_counters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "deliver_case_types",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_case_types", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deliver_document_contents",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_document_contents", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "follow_complaint_number_counters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_complaint_number_counters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "follow_complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CustomerKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomerNumber = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcknowledgeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnswerBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ViewQuestion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ViewUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ViewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    View = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ViewGivenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SecondLine = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "follow_notice_send_budget",
                columns: table => new
                {
                    Minute = table.Column<long>(type: "INTEGER", nullable: false),
                    Used = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_notice_send_budget", x => x.Minute);
                });

            migrationBuilder.CreateTable(
                name: "follow_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    PrimaryLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Topics = table.Column<string>(type: "TEXT", nullable: false),
                    CaseTypes = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SendStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_notices", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "follow_webhook_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EventTypes = table.Column<string>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailingSince = table.Column<long>(type: "INTEGER", nullable: true),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    DisabledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAlertAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AfterEventId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_webhook_subscriptions", x => x.Id);
                });

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
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExternalSubject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_staff_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "improve_analysis_spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Events = table.Column<int>(type: "INTEGER", nullable: false),
                    Cases = table.Column<int>(type: "INTEGER", nullable: false),
                    Activities = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_improve_analysis_spaces", x => x.Id);
                });

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
                name: "platform_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_event_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Attributes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_event_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_journal_cursors",
                columns: table => new
                {
                    Reader = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LastEventId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_journal_cursors", x => x.Reader);
                });

            migrationBuilder.CreateTable(
                name: "platform_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OnSent = table.Column<string>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeadLetteredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_secrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_secrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "welcome_appointment_seats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Seat = table.Column<int>(type: "INTEGER", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_appointment_seats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "welcome_appointment_services",
                columns: table => new
                {
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_appointment_services", x => x.ServiceId);
                });

            migrationBuilder.CreateTable(
                name: "welcome_appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    NationalNumber = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    ManageTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NoShowAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    QueueTicketId = table.Column<Guid>(type: "TEXT", nullable: true),
                    QueueTicketCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_appointments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "welcome_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomerNumber = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OnBehalfOf = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RespondBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    CallBackBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CalledBackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredByUnitId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "welcome_mail_intake",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: false),
                    Uid = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_mail_intake", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "welcome_queue_offices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_queue_offices", x => x.Id);
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
                name: "deliver_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CaseTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandlerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompleteOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Suspensions = table.Column<string>(type: "TEXT", nullable: false),
                    Extension = table.Column<string>(type: "TEXT", nullable: true),
                    Parties = table.Column<string>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueSort = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_cases_deliver_case_types_CaseTypeId",
                        column: x => x.CaseTypeId,
                        principalTable: "deliver_case_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "follow_complaint_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_complaint_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_complaint_attachments_follow_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "follow_complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follow_complaint_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_complaint_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_complaint_links_follow_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "follow_complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follow_notice_recipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SubscriberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Customer = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OutboxMessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_notice_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_notice_recipients_follow_notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "follow_notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                name: "improve_analysis_events",
                columns: table => new
                {
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Time = table.Column<long>(type: "INTEGER", nullable: false),
                    Lifecycle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_improve_analysis_events", x => new { x.SpaceId, x.Seq });
                    table.ForeignKey(
                        name: "FK_improve_analysis_events_improve_analysis_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "improve_analysis_spaces",
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
                name: "welcome_contact_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_contact_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_welcome_contact_attachments_welcome_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "welcome_contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "welcome_contact_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_contact_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_welcome_contact_messages_welcome_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "welcome_contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "welcome_open311_requests",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Long = table.Column<double>(type: "REAL", nullable: true),
                    AddressString = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AddressId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attributes = table.Column<string>(type: "TEXT", nullable: false),
                    ApiTokenId = table.Column<Guid>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "welcome_queue_desks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceIds = table.Column<string>(type: "TEXT", nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_queue_desks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_welcome_queue_desks_welcome_queue_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "welcome_queue_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "welcome_queue_office_services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Letter = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_queue_office_services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_welcome_queue_office_services_welcome_queue_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "welcome_queue_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "welcome_queue_tickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Letter = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TargetDeskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CalledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ServingAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Recalls = table.Column<int>(type: "INTEGER", nullable: false),
                    Transfers = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welcome_queue_tickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_welcome_queue_tickets_welcome_queue_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "welcome_queue_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateTable(
                name: "deliver_advice_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_advice_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_advice_requests_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deliver_case_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Retention = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_case_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_case_documents_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_deliver_case_documents_deliver_document_contents_Sha256",
                        column: x => x.Sha256,
                        principalTable: "deliver_document_contents",
                        principalColumn: "Sha256",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deliver_case_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_case_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_case_notes_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliver_case_party_numbers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_case_party_numbers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_case_party_numbers_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliver_customer_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_customer_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_customer_requests_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deliver_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FactualGrounds = table.Column<string>(type: "TEXT", nullable: false),
                    LegalGrounds = table.Column<string>(type: "TEXT", nullable: false),
                    Appeal = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AppealDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_decisions_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deliver_status_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_status_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_status_links_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliver_appeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LodgedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LodgedWith = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliver_appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliver_appeals_deliver_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "deliver_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_deliver_appeals_deliver_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "deliver_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "catalogue_version",
                columns: new[] { "Id", "Stamp" },
                values: new object[] { 1, new Guid("6a1c9d3e-0000-4000-8000-000000000001") });

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
                name: "IX_deliver_advice_requests_CaseId",
                table: "deliver_advice_requests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_advice_requests_FromUnitId_AnsweredAt_DueOn",
                table: "deliver_advice_requests",
                columns: new[] { "FromUnitId", "AnsweredAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_advice_requests_ToUnitId_AnsweredAt_DueOn",
                table: "deliver_advice_requests",
                columns: new[] { "ToUnitId", "AnsweredAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_appeals_CaseId",
                table: "deliver_appeals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_appeals_DecisionId",
                table: "deliver_appeals",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_documents_CaseId",
                table: "deliver_case_documents",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_documents_Sha256",
                table: "deliver_case_documents",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_notes_CaseId_At",
                table: "deliver_case_notes",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_party_numbers_CaseId",
                table: "deliver_case_party_numbers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_party_numbers_Number_CaseId",
                table: "deliver_case_party_numbers",
                columns: new[] { "Number", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_types_Code_Version",
                table: "deliver_case_types",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliver_case_types_ServiceId",
                table: "deliver_case_types",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_CaseTypeId",
                table: "deliver_cases",
                column: "CaseTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_DueSort_Id",
                table: "deliver_cases",
                columns: new[] { "DueSort", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_HandlerId_DueSort_Id",
                table: "deliver_cases",
                columns: new[] { "HandlerId", "DueSort", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_Number",
                table: "deliver_cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliver_cases_UnitId_DueSort_Id",
                table: "deliver_cases",
                columns: new[] { "UnitId", "DueSort", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_deliver_customer_requests_CaseId",
                table: "deliver_customer_requests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_decisions_CaseId",
                table: "deliver_decisions",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliver_status_links_CaseId",
                table: "deliver_status_links",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_deliver_status_links_TokenHash",
                table: "deliver_status_links",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_complaint_attachments_ComplaintId",
                table: "follow_complaint_attachments",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_complaint_links_ComplaintId",
                table: "follow_complaint_links",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_complaint_links_TokenHash",
                table: "follow_complaint_links",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_complaints_ContactId",
                table: "follow_complaints",
                column: "ContactId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_complaints_Number",
                table: "follow_complaints",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_complaints_Status_AnswerBy",
                table: "follow_complaints",
                columns: new[] { "Status", "AnswerBy" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_complaints_UnitId_AnswerBy",
                table: "follow_complaints",
                columns: new[] { "UnitId", "AnswerBy" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_notice_recipients_NoticeId_Key",
                table: "follow_notice_recipients",
                columns: new[] { "NoticeId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_notice_recipients_NoticeId_State",
                table: "follow_notice_recipients",
                columns: new[] { "NoticeId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_notice_recipients_OutboxMessageId",
                table: "follow_notice_recipients",
                column: "OutboxMessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_notices_State",
                table: "follow_notices",
                column: "State");

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

            migrationBuilder.CreateIndex(
                name: "IX_identity_staff_users_Email",
                table: "identity_staff_users",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_staff_users_ExternalSubject",
                table: "identity_staff_users",
                column: "ExternalSubject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_improve_analysis_spaces_CreatedAt",
                table: "improve_analysis_spaces",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_improve_declared_processes_ServiceId_Version",
                table: "improve_declared_processes",
                columns: new[] { "ServiceId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_accessibility_feedback_ReceivedAt",
                table: "platform_accessibility_feedback",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_platform_event_log_Activity_OccurredAt",
                table: "platform_event_log",
                columns: new[] { "Activity", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_event_log_At",
                table: "platform_event_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_platform_event_log_Kind_At",
                table: "platform_event_log",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_event_log_objects_ObjectType_ObjectId",
                table: "platform_event_log_objects",
                columns: new[] { "ObjectType", "ObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_SentAt_DeadLetteredAt_NextAttemptAt",
                table: "platform_outbox",
                columns: new[] { "SentAt", "DeadLetteredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointment_seats_AppointmentId",
                table: "welcome_appointment_seats",
                column: "AppointmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointment_seats_ServiceId_StartsAt_Seat",
                table: "welcome_appointment_seats",
                columns: new[] { "ServiceId", "StartsAt", "Seat" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointment_services_ChannelId",
                table: "welcome_appointment_services",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointments_ChannelId_StartsAt",
                table: "welcome_appointments",
                columns: new[] { "ChannelId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointments_ManageTokenHash",
                table: "welcome_appointments",
                column: "ManageTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointments_QueueTicketId",
                table: "welcome_appointments",
                column: "QueueTicketId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_appointments_Status_StartsAt",
                table: "welcome_appointments",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contact_attachments_ContactId",
                table: "welcome_contact_attachments",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contact_links_ContactId",
                table: "welcome_contact_links",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contact_links_TokenHash",
                table: "welcome_contact_links",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contact_messages_ContactId",
                table: "welcome_contact_messages",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contact_messages_MessageId",
                table: "welcome_contact_messages",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contacts_CustomerNumber_ReceivedAt",
                table: "welcome_contacts",
                columns: new[] { "CustomerNumber", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contacts_Outcome_CallBackBy",
                table: "welcome_contacts",
                columns: new[] { "Outcome", "CallBackBy" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_contacts_UnitId_ReceivedAt",
                table: "welcome_contacts",
                columns: new[] { "UnitId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_mail_intake_Mailbox_UidValidity_Uid",
                table: "welcome_mail_intake",
                columns: new[] { "Mailbox", "UidValidity", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_open311_requests_ServiceCode",
                table: "welcome_open311_requests",
                column: "ServiceCode");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_desks_OfficeId_Number",
                table: "welcome_queue_desks",
                columns: new[] { "OfficeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_office_services_OfficeId_Letter",
                table: "welcome_queue_office_services",
                columns: new[] { "OfficeId", "Letter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_office_services_OfficeId_ServiceId",
                table: "welcome_queue_office_services",
                columns: new[] { "OfficeId", "ServiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_office_services_ServiceId",
                table: "welcome_queue_office_services",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_offices_ChannelId",
                table: "welcome_queue_offices",
                column: "ChannelId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_offices_OrganisationId",
                table: "welcome_queue_offices",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_tickets_OfficeId_Day_Letter_Number",
                table: "welcome_queue_tickets",
                columns: new[] { "OfficeId", "Day", "Letter", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_tickets_OfficeId_Day_Status",
                table: "welcome_queue_tickets",
                columns: new[] { "OfficeId", "Day", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_tickets_one_per_desk",
                table: "welcome_queue_tickets",
                column: "DeskId",
                unique: true,
                filter: "\"Status\" IN ('Called', 'Serving')");

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_tickets_ServiceId_Status_FinishedAt",
                table: "welcome_queue_tickets",
                columns: new[] { "ServiceId", "Status", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_welcome_queue_tickets_TokenHash",
                table: "welcome_queue_tickets",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalogue_channels");

            migrationBuilder.DropTable(
                name: "catalogue_services");

            migrationBuilder.DropTable(
                name: "catalogue_version");

            migrationBuilder.DropTable(
                name: "deliver_advice_requests");

            migrationBuilder.DropTable(
                name: "deliver_appeals");

            migrationBuilder.DropTable(
                name: "deliver_case_documents");

            migrationBuilder.DropTable(
                name: "deliver_case_notes");

            migrationBuilder.DropTable(
                name: "deliver_case_number_counters");

            migrationBuilder.DropTable(
                name: "deliver_case_party_numbers");

            migrationBuilder.DropTable(
                name: "deliver_customer_requests");

            migrationBuilder.DropTable(
                name: "deliver_status_links");

            migrationBuilder.DropTable(
                name: "follow_complaint_attachments");

            migrationBuilder.DropTable(
                name: "follow_complaint_links");

            migrationBuilder.DropTable(
                name: "follow_complaint_number_counters");

            migrationBuilder.DropTable(
                name: "follow_notice_recipients");

            migrationBuilder.DropTable(
                name: "follow_notice_send_budget");

            migrationBuilder.DropTable(
                name: "follow_subscriber_topics");

            migrationBuilder.DropTable(
                name: "follow_subscription_consents");

            migrationBuilder.DropTable(
                name: "follow_subscription_erasures");

            migrationBuilder.DropTable(
                name: "follow_surveys");

            migrationBuilder.DropTable(
                name: "follow_webhook_subscriptions");

            migrationBuilder.DropTable(
                name: "identity_api_tokens");

            migrationBuilder.DropTable(
                name: "identity_sign_in_failures");

            migrationBuilder.DropTable(
                name: "improve_analysis_events");

            migrationBuilder.DropTable(
                name: "improve_declared_processes");

            migrationBuilder.DropTable(
                name: "platform_accessibility_feedback");

            migrationBuilder.DropTable(
                name: "platform_data_protection_keys");

            migrationBuilder.DropTable(
                name: "platform_event_log_objects");

            migrationBuilder.DropTable(
                name: "platform_journal_cursors");

            migrationBuilder.DropTable(
                name: "platform_outbox");

            migrationBuilder.DropTable(
                name: "platform_secrets");

            migrationBuilder.DropTable(
                name: "welcome_appointment_seats");

            migrationBuilder.DropTable(
                name: "welcome_appointment_services");

            migrationBuilder.DropTable(
                name: "welcome_appointments");

            migrationBuilder.DropTable(
                name: "welcome_contact_attachments");

            migrationBuilder.DropTable(
                name: "welcome_contact_links");

            migrationBuilder.DropTable(
                name: "welcome_contact_messages");

            migrationBuilder.DropTable(
                name: "welcome_mail_intake");

            migrationBuilder.DropTable(
                name: "welcome_open311_requests");

            migrationBuilder.DropTable(
                name: "welcome_queue_desks");

            migrationBuilder.DropTable(
                name: "welcome_queue_number_counters");

            migrationBuilder.DropTable(
                name: "welcome_queue_office_services");

            migrationBuilder.DropTable(
                name: "welcome_queue_tickets");

            migrationBuilder.DropTable(
                name: "catalogue_units");

            migrationBuilder.DropTable(
                name: "deliver_decisions");

            migrationBuilder.DropTable(
                name: "deliver_document_contents");

            migrationBuilder.DropTable(
                name: "follow_complaints");

            migrationBuilder.DropTable(
                name: "follow_notices");

            migrationBuilder.DropTable(
                name: "follow_subscription_topics");

            migrationBuilder.DropTable(
                name: "follow_subscribers");

            migrationBuilder.DropTable(
                name: "identity_staff_users");

            migrationBuilder.DropTable(
                name: "improve_analysis_spaces");

            migrationBuilder.DropTable(
                name: "platform_event_log");

            migrationBuilder.DropTable(
                name: "welcome_contacts");

            migrationBuilder.DropTable(
                name: "welcome_queue_offices");

            migrationBuilder.DropTable(
                name: "catalogue_organisations");

            migrationBuilder.DropTable(
                name: "deliver_cases");

            migrationBuilder.DropTable(
                name: "deliver_case_types");
        }
    }
}
