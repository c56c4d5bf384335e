using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.BanRules;

public sealed class BanPathPatternTests
{
    [Theory]
    [InlineData("/wp-login.php", "/wp-login.php", true)]
    [InlineData("/wp-login.php", "/WP-Login.PHP", true)]
    [InlineData("/wp-login.php", "/wp-login.php/", true)]
    [InlineData("/wp-login.php", "/wp-login.php/x", false)]
    [InlineData("/wp-login.php", "/wp-login.phpx", false)]
    [InlineData("/wp-login.php", "/a/wp-login.php", false)]
    [InlineData("/wp-login.php/**", "/wp-login.php", true)]
    [InlineData("/wp-login.php/**", "/wp-login.php/x/y", true)]
    [InlineData("/.git/**", "/.git", true)]
    [InlineData("/.git/**", "/.git/config", true)]
    [InlineData("/.git/**", "/.gitignore", false)]
    [InlineData("/.env*", "/.env", true)]
    [InlineData("/.env*", "/.env.production", true)]
    [InlineData("/.env*", "/.env/x", false)]
    [InlineData("/*.php", "/shell.php", true)]
    [InlineData("/*.php", "/a/shell.php", false)]
    [InlineData("/a/*/c", "/a/b/c", true)]
    [InlineData("/a/*/c", "/a/c", false)]
    [InlineData("/a*b*c", "/aXXbYYc", true)]
    [InlineData("/a*b*c", "/aXXbYY", false)]
    [InlineData("/", "/", true)]
    [InlineData("/", "/x", false)]
    [InlineData("/**", "/anything/at/all", true)]
    public void Matches_the_canonical_path_as_documented(string pattern, string path, bool matches)
    {
        var parsed = BanPathPattern.TryParse(pattern, out var problem);

        Assert.Null(problem);
        Assert.Equal(matches, parsed!.Matches(path));
    }

    [Fact]
    public void A_path_that_is_not_absolute_matches_nothing()
    {
        Assert.False(BanPathPattern.TryParse("/x", out _)!.Matches("x"));
        Assert.False(BanPathPattern.TryParse("/x", out _)!.Matches(""));
    }
}
