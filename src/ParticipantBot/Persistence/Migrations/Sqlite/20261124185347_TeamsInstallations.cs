using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipantBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TeamsInstallations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "StoppedAt",
                table: "Participants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TeamsInstallations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserObjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Upn = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BotId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BotName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    InactiveReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    InstalledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamsInstallations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TeamsInstallations_TenantId_UserObjectId",
                table: "TeamsInstallations",
                columns: new[] { "TenantId", "UserObjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamsInstallations_UserObjectId",
                table: "TeamsInstallations",
                column: "UserObjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TeamsInstallations");

            migrationBuilder.DropColumn(
                name: "StoppedAt",
                table: "Participants");
        }
    }
}
