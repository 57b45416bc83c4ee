using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Asystent.KnowledgeBase.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CardEditor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "card_drafts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CardId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Yaml = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    BaseHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_card_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "card_revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CardId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Generation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_card_revisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_card_drafts_CardId",
                table: "card_drafts",
                column: "CardId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_card_revisions_CardId",
                table: "card_revisions",
                column: "CardId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "card_drafts");

            migrationBuilder.DropTable(
                name: "card_revisions");
        }
    }
}
