using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Asystent.KnowledgeBase.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Analytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_daily",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueSum = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_daily", x => new { x.Day, x.Kind, x.Channel, x.Language, x.Outcome, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "analytics_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CardId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Value = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_events_Kind_Outcome_Day_Channel_Language_Text",
                table: "analytics_events",
                columns: new[] { "Kind", "Outcome", "Day", "Channel", "Language", "Text" });

            // Every stored event is counted into its day's row at once, whoever stores it (the
            // conversation, the appointment book), so reports never have to scan the events.
            migrationBuilder.Sql("""
                CREATE TRIGGER analytics_daily_count AFTER INSERT ON analytics_events
                BEGIN
                    INSERT INTO analytics_daily (Day, Kind, Channel, Language, Outcome, "Key", Count, ValueSum)
                    VALUES (NEW.Day, NEW.Kind, NEW.Channel, NEW.Language, COALESCE(NEW.Outcome, ''), COALESCE(NEW.CardId, ''), 1, COALESCE(NEW.Value, 0))
                    ON CONFLICT (Day, Kind, Channel, Language, Outcome, "Key")
                    DO UPDATE SET Count = Count + 1, ValueSum = ValueSum + excluded.ValueSum;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS analytics_daily_count;");

            migrationBuilder.DropTable(
                name: "analytics_daily");

            migrationBuilder.DropTable(
                name: "analytics_events");
        }
    }
}
