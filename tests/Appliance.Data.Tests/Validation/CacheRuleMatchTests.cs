using Appliance.Data.ConfigKinds.CacheRules;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.Validation;

public sealed class CacheRuleMatchTests
{
    private static string[] MatchErrors(string match)
    {
        var errors = ConfigKinds.ValidatorRun.Errors(new CacheRuleValidator(), ConfigNormalizer.Normalize(new CacheRuleSpec { Name = "rule", Match = match }));
        return errors.TryGetValue("match", out var messages) ? messages : [];
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/static")]
    [InlineData("/static/**")]
    [InlineData("*.css")]
    [InlineData("**/*.css")]
    [InlineData("/static/**/*.min.js")]
    [InlineData("/a/*/b/*/c/*/d/*/**/*-*.*.css")]
    public void Prefixes_and_globs_of_ordinary_shape_are_accepted(string match) => Assert.Empty(MatchErrors(match));

    [Fact]
    public void A_match_longer_than_256_characters_is_refused_with_the_bound_in_the_message()
    {
        Assert.Empty(MatchErrors("/" + new string('a', 255)));

        var message = Assert.Single(MatchErrors("/" + new string('a', 256)));
        Assert.Contains("256", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_with_more_than_8_wildcards_is_refused_with_the_bound_in_the_message()
    {
        Assert.Empty(MatchErrors("/*/*/*/*/*/*/**/*.css"));

        var message = Assert.Single(MatchErrors("/*a*a*a*a*a*a*a*a*b"));
        Assert.Contains("8", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/static/?.css")]
    [InlineData("/static/[ab].css")]
    [InlineData("/static/a b.css")]
    [InlineData("/static/%2e.css")]
    [InlineData("/static/\u00e9.css")]
    public void A_match_with_characters_a_path_pattern_does_not_use_is_refused_and_the_message_lists_the_allowed_ones(string match)
    {
        var message = Assert.Single(MatchErrors(match));
        Assert.Contains("letters, digits", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("static")]
    [InlineData("/static/***")]
    public void A_match_that_is_neither_a_prefix_nor_a_glob_is_refused(string match) => Assert.Single(MatchErrors(match));
}
