using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InquiryLive.Data.Migrations
{
    /// <inheritdoc />
    public partial class Moderation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PriorState",
                table: "ModerationDecisions",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SensitiveWords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Word = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SensitiveWords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModerationDecisions_SessionId_Moderator_Id",
                table: "ModerationDecisions",
                columns: new[] { "SessionId", "Moderator", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SensitiveWords_Word",
                table: "SensitiveWords",
                column: "Word",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SensitiveWords");

            migrationBuilder.DropIndex(
                name: "IX_ModerationDecisions_SessionId_Moderator_Id",
                table: "ModerationDecisions");

            migrationBuilder.DropColumn(
                name: "PriorState",
                table: "ModerationDecisions");
        }
    }
}
