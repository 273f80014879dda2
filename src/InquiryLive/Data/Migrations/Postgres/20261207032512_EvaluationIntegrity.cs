using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InquiryLive.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EvaluationIntegrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        
        {
            migrationBuilder.AddColumn<bool>(
                name: "AllowBlankItems",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "BarBase",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BarDenominator",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BarNumerator",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "BarStrict",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "TurnoutBase",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TurnoutDenominator",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TurnoutNumerator",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "TurnoutStrict",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WentLiveAt",
                table: "Sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attendance",
                table: "RosterMembers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AttendanceAt",
                table: "RosterMembers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttendanceBy",
                table: "RosterMembers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GroupId",
                table: "RosterMembers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AllowBlank",
                table: "Polls",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "BarBase",
                table: "Polls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BarDenominator",
                table: "Polls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BarNumerator",
                table: "Polls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "BarStrict",
                table: "Polls",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Polls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OnLeave",
                table: "Polls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Present",
                table: "Polls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "TurnoutStrict",
                table: "Polls",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "GroupId",
                table: "BallotChoices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ItemId",
                table: "BallotChoices",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "TurnoutNumerator",
                table: "Polls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TurnoutDenominator",
                table: "Polls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TurnoutBase",
                table: "Polls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "EvaluatorGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluatorGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluatorGroups_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PollGroupTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PollId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    GroupName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Members = table.Column<int>(type: "integer", nullable: false),
                    Voted = table.Column<int>(type: "integer", nullable: false),
                    Satisfied = table.Column<int>(type: "integer", nullable: false),
                    BasicallySatisfied = table.Column<int>(type: "integer", nullable: false),
                    Dissatisfied = table.Column<int>(type: "integer", nullable: false),
                    Blank = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollGroupTallies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollGroupTallies_Polls_PollId",
                        column: x => x.PollId,
                        principalTable: "Polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PollItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PollId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    FloorItemId = table.Column<long>(type: "bigint", nullable: true),
                    AgendaItemId = table.Column<int>(type: "integer", nullable: true),
                    Satisfied = table.Column<int>(type: "integer", nullable: false),
                    BasicallySatisfied = table.Column<int>(type: "integer", nullable: false),
                    Dissatisfied = table.Column<int>(type: "integer", nullable: false),
                    Blank = table.Column<int>(type: "integer", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SupersededByPollId = table.Column<Guid>(type: "uuid", nullable: true),
                    SupersededReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollItems_Polls_PollId",
                        column: x => x.PollId,
                        principalTable: "Polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PollId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteAudit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RosterMembers_GroupId",
                table: "RosterMembers",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_BallotChoices_ItemId",
                table: "BallotChoices",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluatorGroups_SessionId_Name",
                table: "EvaluatorGroups",
                columns: new[] { "SessionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PollGroupTallies_ItemId_GroupId",
                table: "PollGroupTallies",
                columns: new[] { "ItemId", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PollGroupTallies_PollId",
                table: "PollGroupTallies",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_PollItems_DepartmentId",
                table: "PollItems",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PollItems_FloorItemId",
                table: "PollItems",
                column: "FloorItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PollItems_PollId_Order",
                table: "PollItems",
                columns: new[] { "PollId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteAudit_PollId",
                table: "VoteAudit",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteAudit_SessionId_At",
                table: "VoteAudit",
                columns: new[] { "SessionId", "At" });

            // Move the data while both the old and the new columns exist.
            foreach (var statement in EvaluationIntegrityData.Statements(postgres: true))
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.DropColumn(
                name: "QuorumShare",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "RateThreshold",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "AgendaItemId",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "FloorItemId",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "QuorumShare",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "Rate",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "RateThreshold",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "Verdict",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "Satisfied",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "Dissatisfied",
                table: "Polls");

            migrationBuilder.DropColumn(
                name: "BasicallySatisfied",
                table: "Polls");

            migrationBuilder.AddForeignKey(
                name: "FK_BallotChoices_PollItems_ItemId",
                table: "BallotChoices",
                column: "ItemId",
                principalTable: "PollItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RosterMembers_EvaluatorGroups_GroupId",
                table: "RosterMembers",
                column: "GroupId",
                principalTable: "EvaluatorGroups",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Tallies moved into items and thresholds into exact fractions: folding them back would lose
            // sheets, superseded marks and the audit log. Restore the backup taken before upgrading instead.
            throw new NotSupportedException("The EvaluationIntegrity migration cannot be reverted; restore a backup.");
        }
    }
}
