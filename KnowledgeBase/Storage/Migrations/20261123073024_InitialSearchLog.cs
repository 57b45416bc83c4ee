using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Asystent.KnowledgeBase.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialSearchLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_queries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AskedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ResultCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TopCardId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TopScore = table.Column<float>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_queries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_search_queries_AskedAt",
                table: "search_queries",
                column: "AskedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_queries");
        }
    }
}
