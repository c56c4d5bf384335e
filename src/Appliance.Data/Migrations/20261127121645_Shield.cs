using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appliance.Data.Migrations
{
    /// <inheritdoc />
    public partial class Shield : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccessList",
                table: "Routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RateLimit",
                table: "Routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    Global = table.Column<bool>(type: "INTEGER", nullable: false),
                    DefaultAction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DenyAction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RulesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RateLimits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    Global = table.Column<bool>(type: "INTEGER", nullable: false),
                    Permits = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Burst = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxConcurrent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateLimits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLists_Name",
                table: "AccessLists",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RateLimits_Name",
                table: "RateLimits",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLists");

            migrationBuilder.DropTable(
                name: "RateLimits");

            migrationBuilder.DropColumn(
                name: "AccessList",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "RateLimit",
                table: "Routes");
        }
    }
}
