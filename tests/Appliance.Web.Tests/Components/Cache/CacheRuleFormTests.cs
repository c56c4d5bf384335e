using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Cache;
using Bunit;

namespace Appliance.Web.Tests.Components.Cache;

public sealed class CacheRuleFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task A_bad_match_gets_the_stores_message_and_a_good_rule_is_saved()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("rule");
        CacheRuleSpec? saved = null;
        var form = Render<CacheRuleForm>(p => p.Add(f => f.Saved, (CacheRuleSpec r) => saved = r));

        form.Find("#rule-name").Change(name);
        form.Find("#rule-match").Change("static files");
        form.Find("[data-testid=save-rule]").Click();
        form.WaitForAssertion(() => Assert.Contains("Use a path prefix such as /static", form.Find("[data-testid=cache-rule-form]").TextContent));
        Assert.DoesNotContain(await Database.Store.CacheRules.ListAsync(), r => r.Name == name);

        form.Find("#rule-match").Change("/static/**");
        form.Find("#rule-max").Change("256");
        form.Find("[data-testid=save-rule]").Click();
        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = Assert.Single(await Database.Store.CacheRules.ListAsync(), r => r.Name == name);
        Assert.Equal("/static/**", stored.Match);
        Assert.Equal(256 * 1024, stored.MaxObjectBytes);
        Assert.Null(stored.Route);
    }

    [Fact]
    public async Task The_heuristic_cap_shows_the_stores_message_and_saves_when_valid()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("heur");
        CacheRuleSpec? saved = null;
        var form = Render<CacheRuleForm>(p => p.Add(f => f.Saved, (CacheRuleSpec r) => saved = r));

        form.Find("#rule-name").Change(name);
        form.Find("#rule-match").Change("/docs/**");
        form.Find("#rule-heuristic").Change("99999999");
        form.Find("[data-testid=save-rule]").Click();
        form.WaitForAssertion(() => Assert.Contains("heuristic freshness cap must be between 0", form.Find("[data-testid=cache-rule-form]").TextContent));
        Assert.DoesNotContain(await Database.Store.CacheRules.ListAsync(), r => r.Name == name);

        form.Find("#rule-heuristic").Change("3600");
        form.Find("[data-testid=save-rule]").Click();
        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = Assert.Single(await Database.Store.CacheRules.ListAsync(), r => r.Name == name);
        Assert.Equal(3600, stored.HeuristicMaxSeconds);
        Assert.Equal(CacheModes.FollowOrigin, stored.Mode);
    }
}
