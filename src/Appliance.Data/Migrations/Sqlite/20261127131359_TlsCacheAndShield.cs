using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appliance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TlsCacheAndShield : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccessList",
                table: "Routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Compression",
                table: "Routes",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentSecurityPolicy",
                table: "Routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HstsMaxAgeSeconds",
                table: "Routes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "HttpsRedirect",
                table: "Routes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "MaxRequestBodyBytes",
                table: "Routes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RateLimit",
                table: "Routes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SecurityHeaders",
                table: "Routes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Tls",
                table: "Routes",
                type: "TEXT",
                maxLength: 63,
                nullable: false,
                defaultValue: "off");

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
                    RulesJson = table.Column<string>(type: "TEXT", nullable: false),
                    BasicAuthJson = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "[]")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AcmeAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DirectoryUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    AccountUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcmeAccounts", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    Hostnames = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NotBefore = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    NotAfter = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Thumbprint = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true),
                    ChainPem = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedKey = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FailureCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
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
                name: "IX_AcmeAccounts_DirectoryUrl",
                table: "AcmeAccounts",
                column: "DirectoryUrl",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CacheRules_Name",
                table: "CacheRules",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Name",
                table: "Certificates",
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
                name: "AcmeAccounts");

            migrationBuilder.DropTable(
                name: "CacheRules");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "RateLimits");

            migrationBuilder.DropColumn(
                name: "AccessList",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "Compression",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "ContentSecurityPolicy",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "HstsMaxAgeSeconds",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "HttpsRedirect",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "MaxRequestBodyBytes",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "RateLimit",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "SecurityHeaders",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "Tls",
                table: "Routes");
        }
    }
}
