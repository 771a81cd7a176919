using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipantBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutlookEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GraphSubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClientState = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GraphSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutlookEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ResponseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SyncedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutlookEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutlookEvents_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OutlookEvents_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutlookEvents_EventId",
                table: "OutlookEvents",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_OutlookEvents_ParticipantId",
                table: "OutlookEvents",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_OutlookEvents_SessionId_ParticipantId",
                table: "OutlookEvents",
                columns: new[] { "SessionId", "ParticipantId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GraphSubscriptions");

            migrationBuilder.DropTable(
                name: "OutlookEvents");
        }
    }
}
