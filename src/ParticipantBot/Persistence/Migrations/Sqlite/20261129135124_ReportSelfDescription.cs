using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipantBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportSelfDescription : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgeBand",
                table: "Participants",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WgCommunicating",
                table: "Participants",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WgHearing",
                table: "Participants",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WgRemembering",
                table: "Participants",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WgSeeing",
                table: "Participants",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WgSelfCare",
                table: "Participants",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WgWalking",
                table: "Participants",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            // Existing campaigns get the default bands (AgeBands.DefaultBounds).
            migrationBuilder.AddColumn<string>(
                name: "AgeBandBounds",
                table: "Campaigns",
                type: "TEXT",
                nullable: false,
                defaultValue: "[15,18,25,35,50,65]");

            migrationBuilder.CreateTable(
                name: "ParticipationCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationCounts_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParticipationCounts_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationCounts_CampaignId_SessionId",
                table: "ParticipationCounts",
                columns: new[] { "CampaignId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationCounts_SessionId",
                table: "ParticipationCounts",
                column: "SessionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ParticipationCounts");

            migrationBuilder.DropColumn(
                name: "AgeBand",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "WgCommunicating",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "WgHearing",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "WgRemembering",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "WgSeeing",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "WgSelfCare",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "WgWalking",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "AgeBandBounds",
                table: "Campaigns");
        }
    }
}
