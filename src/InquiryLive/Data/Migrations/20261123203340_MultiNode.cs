using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InquiryLive.Data.Migrations
{
    /// <inheritdoc />
    public partial class MultiNode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NodePresence",
                columns: table => new
                {
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Viewers = table.Column<int>(type: "INTEGER", nullable: false),
                    HeartbeatAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NodePresence", x => new { x.NodeId, x.SessionId });
                });

            migrationBuilder.CreateTable(
                name: "ViewerNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ViewerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ViewerNotes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NodePresence_SessionId_HeartbeatAt",
                table: "NodePresence",
                columns: new[] { "SessionId", "HeartbeatAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ViewerNotes_At",
                table: "ViewerNotes",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ViewerNotes_SessionId_Id",
                table: "ViewerNotes",
                columns: new[] { "SessionId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "NodePresence");

            migrationBuilder.DropTable(
                name: "ViewerNotes");
        }
    }
}
