using System.Text;
using System.Text.RegularExpressions;
using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("/static/*.css", "/static/site.css", true)]
    [InlineData("/static/*.css", "/static/.css", true)]
    [InlineData("/static/*.css", "/static/deep/site.css", false)]
    [InlineData("/static/**", "/static/a/b/c.png", true)]
    [InlineData("/static/**", "/static/", true)]
    [InlineData("/static/**", "/static", false)]
    [InlineData("/static/**/*.css", "/static/site.css", true)]
    [InlineData("/static/**/*.css", "/static/a/b/site.css", true)]
    [InlineData("/static/**/*.css", "/other/site.css", false)]
    [InlineData("/a/**/b", "/a/b", true)]
    [InlineData("/a/**/b", "/a/x/y/b", true)]
    [InlineData("/a/**/b", "/a/xb", false)]
    [InlineData("/a**b", "/a/x/b", true)]
    [InlineData("*.css", "/site.css", true)]
    [InlineData("*.css", "/a/b/site.css", true)]
    [InlineData("*.css", "/a/b/site.css.map", false)]
    [InlineData("*.css", "/a.css/b", false)]
    [InlineData("img/*.png", "/img/a.png", true)]
    [InlineData("img/*.png", "/site/img/a.png", true)]
    [InlineData("img/*.png", "/site/xlimg/a.png", false)]
    [InlineData("**/*.css", "/a/b.css", true)]
    [InlineData("/*a*a", "/a", false)]
    [InlineData("/*a*a", "/aa", true)]
    [InlineData("/exact", "/exact", true)]
    [InlineData("/exact", "/exact/", false)]
    public void Star_stays_within_a_segment_and_double_star_crosses_them(string glob, string path, bool matches) =>
        Assert.Equal(matches, GlobPattern.Parse(glob).IsMatch(path));

    [Fact]
    public void It_agrees_with_the_regular_expression_it_replaces_on_thousands_of_small_cases()
    {
        var random = new Random(20_240_610);
        for (var i = 0; i < 5_000; i++)
        {
            var glob = RandomText(random, ["a", "b", "/", ".", "*", "**", "**/"], random.Next(1, 8));
            var path = "/" + RandomText(random, ["a", "b", "/", "."], random.Next(0, 12));
            var reference = ReferenceRegex(glob);

            Assert.True(reference.IsMatch(path) == GlobPattern.Parse(glob).IsMatch(path), $"'{glob}' against '{path}'");
        }
    }

    [Fact]
    public void A_100_KB_path_against_a_pattern_full_of_stars_is_decided_correctly()
    {
        var glob = "/**/" + string.Join("/", Enumerable.Repeat("*a*", 8)) + "/**/*.css";
        var matching = string.Concat(Enumerable.Repeat("/xa", 20_000)) + "/" + new string('a', 40_000) + "/z.css";
        var failing = matching[..^4] + ".cs";
        var pattern = GlobPattern.Parse(glob);

        Assert.True(matching.Length > 100_000);
        Assert.True(pattern.IsMatch(matching));
        Assert.False(pattern.IsMatch(failing));
    }

    [Fact]
    public void A_pattern_longer_than_the_stack_budget_still_matches()
    {
        var glob = "/" + string.Concat(Enumerable.Repeat("a*", 1_500));
        var pattern = GlobPattern.Parse(glob);

        Assert.True(pattern.IsMatch("/" + new string('a', 1_500)));
        Assert.False(pattern.IsMatch("/" + new string('a', 1_499)));
    }

    private static string RandomText(Random random, string[] pieces, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    // The translation CacheRulePlan used before, as the oracle (inputs this small cannot make it backtrack long).
    private static Regex ReferenceRegex(string glob)
    {
        var pattern = glob.StartsWith('/') ? glob : "/**/" + glob;
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(pattern[i] == '*' ? "[^/]*" : Regex.Escape(pattern[i].ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
