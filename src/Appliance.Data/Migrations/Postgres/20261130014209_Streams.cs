using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Appliance.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    ListenPort = table.Column<int>(type: "integer", nullable: true),
                    SniHosts = table.Column<List<string>>(type: "text[]", nullable: false),
                    Pool = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    ProxyProtocol = table.Column<bool>(type: "boolean", nullable: false),
                    AccessList = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    MaxConnections = table.Column<int>(type: "integer", nullable: false),
                    IdleTimeoutSeconds = table.Column<int>(type: "integer", nullable: false),
                    ConnectTimeoutSeconds = table.Column<int>(type: "integer", nullable: false)
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
