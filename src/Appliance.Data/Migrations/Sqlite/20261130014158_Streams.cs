using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appliance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Streams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Streams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    ListenPort = table.Column<int>(type: "INTEGER", nullable: true),
                    SniHosts = table.Column<string>(type: "TEXT", nullable: false),
                    Pool = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    ProxyProtocol = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessList = table.Column<string>(type: "TEXT", maxLength: 63, nullable: true),
                    MaxConnections = table.Column<int>(type: "INTEGER", nullable: false),
                    IdleTimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectTimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Streams", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Streams_Name",
                table: "Streams",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Streams");
        }
    }
}
