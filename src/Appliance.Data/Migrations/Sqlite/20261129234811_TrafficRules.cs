using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appliance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrafficRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Cookies",
                table: "Routes",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Headers",
                table: "Routes",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Query",
                table: "Routes",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Redirect",
                table: "Routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RewritePath",
                table: "Routes",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Cookies",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "Headers",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "Query",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "Redirect",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "RewritePath",
                table: "Routes");
        }
    }
}
