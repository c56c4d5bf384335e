using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Appliance.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HeaderRulesMaintenanceErrorPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Maintenance",
                table: "Routes",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "RequestHeaders",
                table: "Routes",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "ResponseHeaders",
                table: "Routes",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.CreateTable(
                name: "ErrorPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Route = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    Html = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErrorPages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ErrorPages_Name",
                table: "ErrorPages",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ErrorPages");

            migrationBuilder.DropColumn(
                name: "Maintenance",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "RequestHeaders",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "ResponseHeaders",
                table: "Routes");
        }
    }
}
