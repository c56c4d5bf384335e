using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Metrics;

namespace Appliance.Engine.Tests.Metrics;

public sealed class TrafficMetricsTests
{
    [Fact]
    public void Traffic_of_names_that_are_no_longer_configured_is_forgotten()
    {
        var metrics = new TrafficMetrics(TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        metrics.Record(now, "kept", "pool", "http://a", 200, false, 1);
        metrics.Record(now, "gone", "old-pool", "http://b", 200, false, 1);

        var builder = Configuration.TestSnapshots.Builder();
        var snapshot = builder.Build(new ConfigDocument
        {
            Pools = [new PoolSpec { Name = "pool", Backends = [new BackendSpec { Address = "http://a" }] }],
            Routes = [new RouteSpec { Name = "kept", Targets = [new TargetSpec { Pool = "pool", Weight = 1 }] }],
        }, 1);
        metrics.RetainOnly(ProxySnapshotNames.Of(snapshot));

        Assert.Equal(1, metrics.ForRoute("kept").Requests);
        Assert.Equal(1, metrics.ForBackend("pool", "http://a").Requests);
        Assert.Equal(0, metrics.ForRoute("gone").Requests);
        Assert.Equal(0, metrics.ForPool("old-pool").Requests);
        Assert.Equal(0, metrics.ForBackend("old-pool", "http://b").Requests);
        Assert.Equal(2, metrics.Total().Requests);
    }
}
