using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipantBot.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RemindersAndDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReminderDayBefore",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReminderFirstDays",
                table: "Sessions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ReminderQuietFrom",
                table: "Sessions",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ReminderQuietUntil",
                table: "Sessions",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<bool>(
                name: "ReminderSameDay",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ReminderSameDayAt",
                table: "Sessions",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<int>(
                name: "ReminderSecondDays",
                table: "Sessions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ReminderSendAt",
                table: "Sessions",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.CreateTable(
                name: "DigestRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganiserObjectId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigestRecords_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DigestRecords_CampaignId_OrganiserObjectId_Day",
                table: "DigestRecords",
                columns: new[] { "CampaignId", "OrganiserObjectId", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DigestRecords");

            migrationBuilder.DropColumn(
                name: "ReminderDayBefore",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ReminderFirstDays",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ReminderQuietFrom",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ReminderQuietUntil",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ReminderSameDay",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ReminderSameDayAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ReminderSecondDays",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ReminderSendAt",
                table: "Sessions");
        }
    }
}
