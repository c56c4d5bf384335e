using Appliance.Data.Model;
using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheRulePlanTests
{
    [Theory]
    [InlineData("/static", "/static", true)]
    [InlineData("/static", "/static/app.js", true)]
    [InlineData("/static", "/staticx/app.js", false)]
    [InlineData("/static/**", "/static/a/b/c.png", true)]
    [InlineData("/static/**", "/other/a.png", false)]
    [InlineData("/static/*.css", "/static/site.css", true)]
    [InlineData("/static/*.css", "/static/deep/site.css", false)]
    [InlineData("*.css", "/site.css", true)]
    [InlineData("*.css", "/a/b/site.css", true)]
    [InlineData("*.css", "/a/b/site.css.map", false)]
    [InlineData("/", "/anything/at/all", true)]
    public void Prefixes_match_whole_segments_and_globs_keep_star_within_a_segment(string match, string path, bool matches)
    {
        var plan = new CacheRulePlan(new CacheRuleSpec { Name = "r", Match = match });

        Assert.Equal(matches, plan.Matches(path));
    }

    [Theory]
    [InlineData("**/*.css", ".cs", false)]
    [InlineData("**/*.css", ".css", true)]
    [InlineData("/**/**/**/*.css", ".css.map", false)]
    [InlineData("/**/a/**/*.css", "/b.css", true)]
    public void A_path_of_100_KB_is_decided_without_a_timeout(string match, string ending, bool matches)
    {
        // Many segments give a backtracking matcher a choice at every slash; the answer must still come, and be right.
        var path = string.Concat(Enumerable.Repeat("/a", 50_000)) + ending;
        var plan = new CacheRulePlan(new CacheRuleSpec { Name = "r", Match = match });

        Assert.Equal(matches, plan.Matches(path));
    }

    [Theory]
    [InlineData("/*a*a*a*a*a*a*a*b", false)]
    [InlineData("/*a*a*a*a*a*a*a*", true)]
    public void Many_stars_in_one_segment_against_a_100_KB_segment_are_decided(string match, bool matches)
    {
        var path = "/" + new string('a', 100_000);
        var plan = new CacheRulePlan(new CacheRuleSpec { Name = "r", Match = match });

        Assert.Equal(matches, plan.Matches(path));
    }

    [Fact]
    public void Default_TTL_applies_only_in_its_mode()
    {
        Assert.Null(new CacheRulePlan(new CacheRuleSpec { Name = "a", Mode = CacheModes.FollowOrigin }).DefaultTtl);
        Assert.Equal(TimeSpan.FromSeconds(90), new CacheRulePlan(new CacheRuleSpec { Name = "b", Mode = CacheModes.DefaultTtl, DefaultTtlSeconds = 90 }).DefaultTtl);
    }
}
