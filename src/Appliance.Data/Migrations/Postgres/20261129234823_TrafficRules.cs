using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appliance.Data.Migrations.Postgres
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
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Headers",
                table: "Routes",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Query",
                table: "Routes",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Redirect",
                table: "Routes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RewritePath",
                table: "Routes",
                type: "character varying(2048)",
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
