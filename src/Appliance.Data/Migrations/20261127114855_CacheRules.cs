using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appliance.Data.Migrations
{
    /// <inheritdoc />
    public partial class CacheRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Compression",
                table: "Routes",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "CacheRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 63, nullable: true),
                    Match = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DefaultTtlSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxObjectBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    IncludeQueryString = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CacheRules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CacheRules_Name",
                table: "CacheRules",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CacheRules");

            migrationBuilder.DropColumn(
                name: "Compression",
                table: "Routes");
        }
    }
}
