using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Asystent.KnowledgeBase.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CaseKeypadCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeypadHash",
                table: "cases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KeypadHash",
                table: "cases");
        }
    }
}
