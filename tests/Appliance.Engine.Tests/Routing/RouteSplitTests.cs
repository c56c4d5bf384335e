using Appliance.Engine.Configuration;
using Appliance.Engine.Randomness;
using Appliance.Engine.Routing;

namespace Appliance.Engine.Tests.Routing;

public sealed class RouteSplitTests
{
    private static RouteSplit Split(bool sticky, params (string Pool, int Weight)[] targets) =>
        new("r", sticky, StickyCookie.NameFor("r"), targets.Select(t => new SplitTarget(t.Pool, t.Weight, StickyCookie.ValueFor("r", t.Pool))).ToArray());

    [Theory]
    [InlineData(0, "stable")]
    [InlineData(89, "stable")]
    [InlineData(90, "canary")]
    [InlineData(99, "canary")]
    public void A_draw_maps_the_ticket_onto_the_weights(int ticket, string expected)
    {
        var target = Split(false, ("stable", 90), ("canary", 10)).Choose(null, new FixedRandom(ticket), out var drawn);
        Assert.Equal(expected, target.Pool);
        Assert.True(drawn);
    }

    [Fact]
    public void A_sticky_cookie_naming_a_live_target_is_honoured_without_a_draw()
    {
        var split = Split(true, ("a", 50), ("b", 50));
        var target = split.Choose(StickyCookie.ValueFor("r", "b"), new FixedRandom(0), out var drawn);
        Assert.Equal("b", target.Pool);
        Assert.False(drawn);
    }

    [Fact]
    public void A_sticky_cookie_naming_a_target_at_weight_0_or_unknown_is_redrawn()
    {
        var split = Split(true, ("a", 100), ("b", 0));
        Assert.Equal("a", split.Choose(StickyCookie.ValueFor("r", "b"), new FixedRandom(0), out var drawn).Pool);
        Assert.True(drawn);
        Assert.Equal("a", split.Choose("forged-value", new FixedRandom(0), out drawn).Pool);
        Assert.True(drawn);
    }

    [Fact]
    public void A_cookie_is_ignored_on_a_route_that_is_not_sticky()
    {
        var split = Split(false, ("a", 50), ("b", 50));
        Assert.Equal("a", split.Choose(StickyCookie.ValueFor("r", "b"), new FixedRandom(10), out var drawn).Pool);
        Assert.True(drawn);
    }

    [Fact]
    public void Cookie_names_and_values_are_stable_opaque_and_distinct_per_route_and_pool()
    {
        Assert.Equal(StickyCookie.NameFor("shop"), StickyCookie.NameFor("shop"));
        Assert.NotEqual(StickyCookie.NameFor("shop"), StickyCookie.NameFor("blog"));
        Assert.DoesNotContain("shop", StickyCookie.NameFor("shop"));
        Assert.NotEqual(StickyCookie.ValueFor("shop", "a"), StickyCookie.ValueFor("shop", "b"));
        Assert.NotEqual(StickyCookie.ValueFor("shop", "a"), StickyCookie.ValueFor("blog", "a"));
        Assert.Matches("^[0-9a-f]{12}$", StickyCookie.ValueFor("shop", "a"));
    }

    private sealed class FixedRandom(int value) : IRandomSource
    {
        public int Next(int maxExclusive) => value % maxExclusive;
    }
}
