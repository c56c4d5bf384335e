using Appliance.Data.ConfigKinds.BanRules;
using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Security.Bans;
using Appliance.Engine.Tests.Configuration;

namespace Appliance.Engine.Tests.Security.Bans;

public sealed class BanRulesCompilerTests
{
    [Fact]
    public void Every_route_and_the_unmatched_plan_get_the_same_enabled_rules()
    {
        var document = new ConfigDocument
        {
            Pools = [new PoolSpec { Name = "p", Backends = [new BackendSpec { Address = "http://127.0.0.1:9" }] }],
            Routes = [new RouteSpec { Name = "a", Hosts = ["a.test"], Targets = [new TargetSpec { Pool = "p", Weight = 1 }] }],
            BanRules = [new BanRuleSpec { Name = "on", Statuses = [404] }, new BanRuleSpec { Name = "off", Enabled = false, Statuses = [403] }],
        };

        var snapshot = TestSnapshots.Builder().Build(document, 1);

        var routePlan = snapshot.Plans["a"].Get<BanRulesPlan>();
        Assert.Same(routePlan, snapshot.Unmatched.Find<BanRulesPlan>());
        Assert.Equal(["on"], routePlan.Rules.Select(r => r.Name));
    }

    [Theory]
    [InlineData(404, "/anything", true)]
    [InlineData(200, "/.git/HEAD", true)]
    [InlineData(200, "/.GIT", true)]
    [InlineData(200, "/git", false)]
    [InlineData(404, null, true)]
    [InlineData(200, null, false)]
    public void A_rule_matches_by_status_or_by_path(int status, string? path, bool matches)
    {
        var rule = new CompiledBanRule(new BanRuleSpec { Name = "r", Statuses = [404], Paths = ["/.git/**"] });

        Assert.Equal(matches, rule.Matches(status, path));
    }

    [Theory]
    [InlineData("/wp-login.php", true)]
    [InlineData("/WP-LOGIN.PHP/", true)]
    [InlineData("/.env.local", true)]
    [InlineData("/cgi-bin/test.cgi", true)]
    [InlineData("/1k.bin", false)]
    [InlineData("/", false)]
    [InlineData("/wp-content/x.css", false)]
    public void The_first_character_filter_keeps_every_match_of_the_default_scanner_rule(string path, bool matches)
    {
        var rule = new CompiledBanRule(BanRuleDefaults.Scanners);

        Assert.Equal(matches, rule.Matches(200, path));
    }

    [Theory]
    [InlineData("/*.php", "/index.php", true)]
    [InlineData("/*.php", "/1.php", true)]
    [InlineData("/**", "/anything/below", true)]
    [InlineData("/", "/", true)]
    [InlineData("/", "/x", false)]
    public void A_pattern_that_takes_any_first_character_turns_the_filter_off(string pattern, string path, bool matches)
    {
        var rule = new CompiledBanRule(new BanRuleSpec { Name = "r", Paths = ["/wp-login.php", pattern] });

        Assert.Equal(matches, rule.Matches(200, path));
    }
}
