using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appliance.Data.Migrations.Sqlite
{
    /// <summary>
    /// The one last sign-in address becomes a list of recent ones. The old value moves into the list
    /// as it was (the throttle's key of one address); the code reads such an entry as its network.
    /// </summary>
    public partial class RecentSignInAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecentSignInAddresses",
                table: "Users",
                type: "TEXT",
                maxLength: 512,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql(
                "UPDATE \"Users\" SET \"RecentSignInAddresses\" = json_array(\"LastSignInAddress\") "
                + "WHERE \"LastSignInAddress\" IS NOT NULL AND \"LastSignInAddress\" <> 'unknown';");

            migrationBuilder.DropColumn(
                name: "LastSignInAddress",
                table: "Users");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LastSignInAddress",
                table: "Users",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.Sql(
                "UPDATE \"Users\" SET \"LastSignInAddress\" = json_extract(\"RecentSignInAddresses\", '$[0]');");

            migrationBuilder.DropColumn(
                name: "RecentSignInAddresses",
                table: "Users");
        }
    }
}
