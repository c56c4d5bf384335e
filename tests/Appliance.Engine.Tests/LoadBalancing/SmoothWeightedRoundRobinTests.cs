using Appliance.Engine.LoadBalancing;

namespace Appliance.Engine.Tests.LoadBalancing;

public sealed class SmoothWeightedRoundRobinTests
{
    // Peers are listed in position order unless a test passes positions of its own.
    private static string[] Sequence(SmoothWeightedRoundRobin wrr, (string Id, int Weight)[] peers, int count, int[]? positions = null) =>
        Enumerable.Range(0, count)
            .Select(_ => peers[wrr.Pick(
                peers.Length,
                (peers, positions),
                static (s, i) => s.peers[i].Id,
                static (s, i) => s.peers[i].Weight,
                static (s, i) => s.positions?[i] ?? i)].Id)
            .ToArray();

    [Fact]
    public void Weights_5_1_1_give_nginx_smooth_order()
    {
        var sequence = Sequence(new SmoothWeightedRoundRobin(), [("a", 5), ("b", 1), ("c", 1)], 7);

        // nginx's documented example: a a b a c a a, never five a's in a row.
        Assert.Equal(["a", "a", "b", "a", "c", "a", "a"], sequence);
    }

    [Fact]
    public void Ties_go_to_the_earlier_list_position_whatever_order_the_candidates_come_in()
    {
        // YARP hands over healthy destinations in its own order; b is listed second by the operator.
        var sequence = Sequence(new SmoothWeightedRoundRobin(), [("b", 1), ("a", 3)], 4, positions: [1, 0]);
        Assert.Equal(["a", "a", "b", "a"], sequence);
    }

    [Fact]
    public void Each_peer_gets_exactly_its_share_over_a_full_cycle()
    {
        var sequence = Sequence(new SmoothWeightedRoundRobin(), [("a", 3), ("b", 2), ("c", 1)], 600);
        Assert.Equal(300, sequence.Count(s => s == "a"));
        Assert.Equal(200, sequence.Count(s => s == "b"));
        Assert.Equal(100, sequence.Count(s => s == "c"));
    }

    [Fact]
    public void Equal_weights_take_turns()
    {
        var sequence = Sequence(new SmoothWeightedRoundRobin(), [("a", 1), ("b", 1), ("c", 1)], 6);
        Assert.Equal(["a", "b", "c", "a", "b", "c"], sequence);
    }

    [Fact]
    public void A_peer_that_leaves_and_returns_gets_its_share_again()
    {
        var wrr = new SmoothWeightedRoundRobin();
        Sequence(wrr, [("a", 1), ("b", 1)], 10);
        var withoutB = Sequence(wrr, [("a", 1)], 5);
        Assert.All(withoutB, s => Assert.Equal("a", s));

        var back = Sequence(wrr, [("a", 1), ("b", 1)], 100);
        Assert.Equal(50, back.Count(s => s == "b"));
    }
}
