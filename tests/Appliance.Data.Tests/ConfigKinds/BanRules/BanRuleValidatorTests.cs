using Appliance.Data.ConfigKinds.BanRules;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.BanRules;

public sealed class BanRuleValidatorTests
{
    [Fact]
    public void The_two_defaults_are_valid()
    {
        foreach (var rule in BanRuleDefaults.All)
        {
            Assert.Empty(ValidatorRun.Errors(new BanRuleValidator(), rule));
        }
    }

    [Fact]
    public void A_rule_names_at_least_one_status_or_path()
    {
        var errors = ValidatorRun.Errors(new BanRuleValidator(), new BanRuleSpec { Name = "empty" });

        Assert.Equal(["statuses"], errors.Keys);
        Assert.Empty(ValidatorRun.Errors(new BanRuleValidator(), new BanRuleSpec { Name = "status", Statuses = [404] }));
        Assert.Empty(ValidatorRun.Errors(new BanRuleValidator(), new BanRuleSpec { Name = "path", Paths = ["/.env"] }));
    }

    [Fact]
    public void Statuses_are_HTTP_statuses_each_once()
    {
        var errors = ValidatorRun.Errors(new BanRuleValidator(), new BanRuleSpec { Name = "s", Statuses = [99, 404, 600, 404] });

        Assert.Equal(["statuses[0]", "statuses[2]", "statuses[3]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("listed twice", errors["statuses[3]"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wp-login.php", "starts with '/'")]
    [InlineData("/a//b", "no empty segment")]
    [InlineData("/a/", "trailing '/'")]
    [InlineData("/x/../y", "'.' or '..'")]
    [InlineData("/./y", "'.' or '..'")]
    [InlineData("/x/**/y", "'**' stands alone")]
    [InlineData("/x**", "'**' stands alone")]
    [InlineData("/a b", "without spaces")]
    [InlineData("/a%2Fb", "without spaces")]
    [InlineData("/a;b", "without spaces")]
    [InlineData("/a?b", "without spaces")]
    [InlineData("/a\\b", "without spaces")]
    public void A_path_the_canonical_path_cannot_have_is_refused(string path, string message)
    {
        var errors = ValidatorRun.Errors(new BanRuleValidator(), new BanRuleSpec { Name = "p", Paths = [path] });

        Assert.Contains(message, Assert.Single(errors["paths[0]"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_listed_twice_in_any_case_is_refused()
    {
        var errors = ValidatorRun.Errors(new BanRuleValidator(), new BanRuleSpec { Name = "p", Paths = ["/.env", "/.ENV"] });

        Assert.Equal(["paths[1]"], errors.Keys);
    }

    [Theory]
    [InlineData(0, 60, 60, "threshold")]
    [InlineData(100_001, 60, 60, "threshold")]
    [InlineData(5, 0, 60, "windowSeconds")]
    [InlineData(5, 86_401, 60, "windowSeconds")]
    [InlineData(5, 60, 0, "banSeconds")]
    [InlineData(5, 60, 2_592_001, "banSeconds")]
    public void Counts_and_durations_are_bounded(int threshold, int window, int ban, string field)
    {
        var errors = ValidatorRun.Errors(new BanRuleValidator(), new BanRuleSpec { Name = "b", Statuses = [404], Threshold = threshold, WindowSeconds = window, BanSeconds = ban });

        Assert.Equal([field], errors.Keys);
    }
}
