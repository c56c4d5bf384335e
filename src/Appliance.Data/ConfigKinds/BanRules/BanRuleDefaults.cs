using Appliance.Data.Model;

namespace Appliance.Data.ConfigKinds.BanRules;

/// <summary>
/// The two rules a new appliance starts with, both enabled and both the operator's to edit or
/// delete. They are written once, by the migration that makes the table (<c>BanRules</c>): a
/// deleted default never comes back by itself, and an import or restore treats them as any other rule.
/// </summary>
public static class BanRuleDefaults
{
    /// <summary>Requests for files and tools no site should serve: environment files, repositories, well-known admin scripts.</summary>
    public static BanRuleSpec Scanners { get; } = new()
    {
        Name = "scanners",
        Paths =
        [
            "/.env*", "/.git/**", "/.svn/**", "/.hg/**", "/.aws/**", "/.ssh/**", "/.DS_Store",
            "/wp-login.php/**", "/xmlrpc.php/**", "/wp-config.php*", "/phpmyadmin/**", "/pma/**",
            "/cgi-bin/**", "/vendor/phpunit/**", "/boaform/**", "/HNAP1/**",
        ],
        Threshold = 10,
        WindowSeconds = 60,
        BanSeconds = 3600,
    };

    /// <summary>Refusals repeated across routes: an address that keeps getting 401 and 403 is guessing, not browsing.</summary>
    public static BanRuleSpec RepeatedRefusals { get; } = new()
    {
        Name = "repeated-refusals",
        Statuses = [401, 403],
        Threshold = 30,
        WindowSeconds = 60,
        BanSeconds = 900,
    };

    /// <summary>Both, in name order.</summary>
    public static IReadOnlyList<BanRuleSpec> All { get; } = [RepeatedRefusals, Scanners];
}
