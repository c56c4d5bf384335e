using Appliance.Engine.Routing;
using Appliance.Engine.Routing.Rules;

namespace Appliance.Engine.Tests.Routing.Rules;

public sealed class PathRestTests
{
    [Theory]
    [InlineData("/api/users", "/api", "/users")]
    [InlineData("/api", "/api", "")]
    [InlineData("/api/", "/api", "/")]
    [InlineData("/apix", "/api", null)]
    [InlineData("/other", "/api", null)]
    [InlineData("/", "/", "")]
    [InlineData("/users", "/", "/users")]
    [InlineData("/api%2Fusers", "/api", "/users")]
    [InlineData("/api%5cusers", "/api", "/users")]
    [InlineData("/api/a%2Fb", "/api", "/a%2Fb")]
    [InlineData("/api%2Fv1/x", "/api/v1", "/x")]
    [InlineData("/a%3Ab/x", "/a:b", "/x")]
    [InlineData("/api%2", "/api", null)]
    [InlineData("/ap%C3%A9", "/api", null)]
    public void The_rest_is_measured_the_way_the_decision_read_the_prefix(string forward, string prefix, string? rest) =>
        Assert.Equal(rest, PathRest.After(forward, prefix));

    [Theory]
    [InlineData("/api/users", "/api", "/v2", "/v2/users")]
    [InlineData("/api", "/api", "/v2", "/v2")]
    [InlineData("/api/users", "/api", "/", "/users")]
    [InlineData("/api", "/api", "/", "/")]
    [InlineData("/users", "/", "/v2", "/v2/users")]
    public void A_rewrite_puts_the_replacement_in_place_of_the_prefix(string forward, string prefix, string replacement, string expected) =>
        Assert.Equal(expected, PathRest.Rewrite(forward, prefix, replacement));

    [Theory]
    [InlineData("//api//users/./x;p", "/v2/users/x")]
    [InlineData("/api/../api/users", "/v2/users")]
    [InlineData("/api%2Fusers", "/v2/users")]
    public void Adversarial_targets_are_rewritten_from_their_canonical_forward_path(string target, string expected)
    {
        var canonical = CanonicalPath.From(target, out var valid);
        Assert.True(valid);
        Assert.Equal(expected, PathRest.Rewrite(canonical?.Forward ?? target, "/api", "/v2"));
    }
}
