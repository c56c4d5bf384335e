using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Mirroring;
using Appliance.Engine.Randomness;
using Appliance.Engine.Tests.Configuration;

namespace Appliance.Engine.Tests.Mirroring;

public sealed class RouteMirrorTests
{
    private static readonly PoolSpec Web = new() { Name = "web", Backends = [new BackendSpec { Address = "http://10.0.0.1:80" }] };
    private static readonly PoolSpec Shadow = new() { Name = "shadow", Backends = [new BackendSpec { Address = "http://10.0.0.2:80" }] };

    [Theory]
    [InlineData(10, 0, true)]
    [InlineData(10, 999, true)]
    [InlineData(10, 1000, false)]
    [InlineData(10, 9999, false)]
    [InlineData(0.01, 0, true)]
    [InlineData(0.01, 1, false)]
    [InlineData(12.5, 1249, true)]
    [InlineData(12.5, 1250, false)]
    [InlineData(99.99, 9998, true)]
    [InlineData(99.99, 9999, false)]
    public void A_draw_copies_the_share_in_ten_thousandths(double percent, int ticket, bool copied) =>
        Assert.Equal(copied, RouteMirror.For("r", "shadow", (decimal)percent).Draw(new FixedRandom(ticket)));

    [Fact]
    public void Everything_is_copied_at_100_percent_without_a_draw_and_nothing_when_off()
    {
        Assert.True(RouteMirror.For("r", "shadow", 100).Draw(new NoRandom()));
        Assert.False(RouteMirror.Off.Draw(new NoRandom()));
        Assert.False(RouteMirror.Off.IsOn);
    }

    [Fact]
    public void Each_route_gets_its_mirror_or_the_idle_part()
    {
        var mirrored = new RouteSpec { Name = "m", Targets = [new TargetSpec { Pool = "web", Weight = 1 }], Mirror = new MirrorSpec { Pool = "shadow", Percent = 2.5m } };
        var plain = new RouteSpec { Name = "p", Targets = [new TargetSpec { Pool = "web", Weight = 1 }] };
        var snapshot = TestSnapshots.Builder().Build(new ConfigDocument { Pools = [Web, Shadow], Routes = [mirrored, plain] }, revision: 3);

        var part = snapshot.Plans["m"].Get<RouteMirror>();
        Assert.True(part.IsOn);
        Assert.Equal(("m", "shadow", 2.5m), (part.RouteName, part.Pool, part.Percent));
        Assert.Same(RouteMirror.Off, snapshot.Plans["p"].Get<RouteMirror>());
    }

    private sealed class FixedRandom(int value) : IRandomSource
    {
        public int Next(int maxExclusive) => value % maxExclusive;
    }

    private sealed class NoRandom : IRandomSource
    {
        public int Next(int maxExclusive) => throw new InvalidOperationException("No draw was expected.");
    }
}
