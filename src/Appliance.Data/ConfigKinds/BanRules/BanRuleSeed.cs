using Appliance.Data.Model;
using Appliance.Data.Store;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Appliance.Data.ConfigKinds.BanRules;

/// <summary>
/// Writes <see cref="BanRuleDefaults"/> into the table the <c>BanRules</c> migration makes, once,
/// in the shape the store writes (JSON columns through <see cref="ConfigJson"/>), without ids, so
/// that the database numbers them (PostgreSQL's identity would not count ids written by hand).
/// A regenerated migration must call it again after creating the table.
/// </summary>
internal static class BanRuleSeed
{
    public static void InsertInto(MigrationBuilder migrationBuilder)
    {
        foreach (var rule in BanRuleDefaults.All)
        {
            migrationBuilder.InsertData(
                table: "BanRules",
                columns: ["Name", "Enabled", "StatusesJson", "PathsJson", "Threshold", "WindowSeconds", "BanSeconds"],
                values: [rule.Name, rule.Enabled, ConfigJson.Serialize(rule.Statuses), ConfigJson.Serialize(rule.Paths), rule.Threshold, rule.WindowSeconds, rule.BanSeconds]);
        }
    }
}
