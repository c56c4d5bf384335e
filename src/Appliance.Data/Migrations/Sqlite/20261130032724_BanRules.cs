using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appliance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BanRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BanRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    StatusesJson = table.Column<string>(type: "TEXT", nullable: false),
                    PathsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    BanSeconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BanRules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BanRules_Name",
                table: "BanRules",
                column: "Name",
                unique: true);

            // The two rules a new appliance starts with; written once, so a deleted one stays deleted.
            Appliance.Data.ConfigKinds.BanRules.BanRuleSeed.InsertInto(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BanRules");
        }
    }
}
