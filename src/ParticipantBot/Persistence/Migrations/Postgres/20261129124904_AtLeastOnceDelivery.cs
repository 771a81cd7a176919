using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipantBot.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AtLeastOnceDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Interruptions",
                table: "OutboundMessages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "PossibleDuplicate",
                table: "OutboundMessages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Uncertainty",
                table: "OutboundMessages",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            // "In doubt" is no longer final: such a message is sent again, and flagged if the channel cannot tell.
            migrationBuilder.Sql("""UPDATE "OutboundMessages" SET "Status" = 'Planned', "Uncertainty" = 'the service stopped while this message was being sent (recorded in doubt before an upgrade).' WHERE "Status" = 'InDoubt';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "OutboundMessages" SET "Status" = 'InDoubt' WHERE "Status" IN ('Planned', 'Sending') AND "Uncertainty" IS NOT NULL;""");

            migrationBuilder.DropColumn(
                name: "Interruptions",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "PossibleDuplicate",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "Uncertainty",
                table: "OutboundMessages");
        }
    }
}
