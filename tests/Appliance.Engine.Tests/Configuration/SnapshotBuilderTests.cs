using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Health;
using Appliance.Engine.LoadBalancing;
using Appliance.Engine.Routing;

namespace Appliance.Engine.Tests.Configuration;

public sealed class SnapshotBuilderTests
{
    private static readonly SnapshotBuilder Builder = TestSnapshots.Builder(new SnapshotBuilderOptions
    {
        BackendTimeout = TimeSpan.FromSeconds(42),
        PassiveReactivationPeriod = TimeSpan.FromSeconds(17),
    });

    private static readonly PoolSpec Web = new()
    {
        Name = "web",
        LoadBalancing = LoadBalancingPolicyNames.WeightedRoundRobin,
        HealthCheck = new HealthCheckSpec { Path = "/healthz", IntervalSeconds = 7, TimeoutSeconds = 3, UnhealthyAfter = 4, HealthyAfter = 2 },
        Backends =
        [
            new BackendSpec { Address = "http://10.0.0.2:80", Weight = 5 },
            new BackendSpec { Address = "http://10.0.0.1:80", Weight = 1, Enabled = false },
            new BackendSpec { Address = "http://10.0.0.3:80", Weight = 2 },
        ],
    };

    private static readonly PoolSpec Next = new() { Name = "web-next", Backends = [new BackendSpec { Address = "http://10.0.1.1:80" }] };

    [Fact]
    public void A_pool_becomes_a_cluster_with_its_enabled_backends_weights_positions_and_health_checks()
    {
        var snapshot = Builder.Build(new ConfigDocument { Pools = [Web], Routes = [] }, revision: 9);

        Assert.Equal(9, snapshot.Revision);
        var cluster = Assert.Single(snapshot.Clusters);
        Assert.Equal("web", cluster.ClusterId);
        Assert.Equal(LoadBalancingPolicyNames.WeightedRoundRobin, cluster.LoadBalancingPolicy);
        Assert.Equal(["http://10.0.0.2:80", "http://10.0.0.3:80"], cluster.Destinations!.Keys.Order());
        Assert.Equal("5", cluster.Destinations["http://10.0.0.2:80"].Metadata![DestinationMetadata.Weight]);
        Assert.Equal("2", cluster.Destinations["http://10.0.0.3:80"].Metadata![DestinationMetadata.Position]);

        var health = cluster.HealthCheck!;
        Assert.Equal(HealthCheckNames.AvailableDestinationsPolicy, health.AvailableDestinationsPolicy);
        Assert.True(health.Active!.Enabled);
        Assert.Equal("/healthz", health.Active.Path);
        Assert.Equal(TimeSpan.FromSeconds(7), health.Active.Interval);
        Assert.Equal(TimeSpan.FromSeconds(3), health.Active.Timeout);
        Assert.Equal(HealthCheckNames.ActivePolicy, health.Active.Policy);
        Assert.Equal("4", cluster.Metadata![HealthCheckNames.UnhealthyAfterMetadata]);
        Assert.Equal("2", cluster.Metadata[HealthCheckNames.HealthyAfterMetadata]);
        Assert.True(health.Passive!.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(17), health.Passive.ReactivationPeriod);
        Assert.Equal(TimeSpan.FromSeconds(42), cluster.HttpRequest!.ActivityTimeout);

        var plan = Assert.Single(snapshot.Pools);
        Assert.Equal(3, plan.Backends.Count);
    }

    [Fact]
    public void A_pool_without_a_health_check_has_no_active_probing_but_keeps_passive_detection()
    {
        var snapshot = Builder.Build(new ConfigDocument { Pools = [Next], Routes = [] }, 1);
        var cluster = Assert.Single(snapshot.Clusters);
        Assert.Null(cluster.HealthCheck!.Active);
        Assert.True(cluster.HealthCheck.Passive!.Enabled);
        Assert.Null(cluster.Metadata);
    }

    [Fact]
    public void A_route_matches_its_hosts_path_prefix_and_methods_and_starts_on_its_first_weighted_target()
    {
        var route = new RouteSpec
        {
            Name = "shop",
            Hosts = ["shop.example.com", "*.shop.example.com"],
            Path = "/api",
            Methods = ["GET", "POST"],
            Targets = [new TargetSpec { Pool = "web", Weight = 0 }, new TargetSpec { Pool = "web-next", Weight = 10 }],
            Sticky = true,
        };

        var snapshot = Builder.Build(new ConfigDocument { Pools = [Web, Next], Routes = [route] }, 1);

        var yarpRoute = Assert.Single(snapshot.Routes);
        Assert.Equal("shop", yarpRoute.RouteId);
        Assert.Equal("web-next", yarpRoute.ClusterId);
        Assert.Equal("/api/{**catch-all}", yarpRoute.Match.Path);
        Assert.Equal(["shop.example.com", "*.shop.example.com"], yarpRoute.Match.Hosts);
        Assert.Equal(["GET", "POST"], yarpRoute.Match.Methods);

        var split = snapshot.Plans["shop"].Get<RouteSplit>();
        Assert.True(split.Sticky);
        Assert.Equal(10, split.TotalWeight);
        Assert.True(split.IsSingleTarget);
    }

    [Fact]
    public void An_empty_host_list_and_method_list_match_anything()
    {
        var route = new RouteSpec { Name = "all", Targets = [new TargetSpec { Pool = "web", Weight = 1 }] };
        var yarpRoute = Builder.Build(new ConfigDocument { Pools = [Web], Routes = [route] }, 1).Routes.Single();
        Assert.Null(yarpRoute.Match.Hosts);
        Assert.Null(yarpRoute.Match.Methods);
        Assert.Equal("/{**catch-all}", yarpRoute.Match.Path);
    }

    [Fact]
    public void Routes_are_ordered_most_specific_first()
    {
        RouteSpec Route(string name, string[] hosts, string path, string[]? methods = null, int order = 0) => new()
        {
            Name = name,
            Hosts = hosts,
            Path = path,
            Methods = methods ?? [],
            Order = order,
            Targets = [new TargetSpec { Pool = "web", Weight = 1 }],
        };

        var routes = new[]
        {
            Route("any-root", [], "/"),
            Route("wild-root", ["*.example.com"], "/"),
            Route("exact-root", ["www.example.com"], "/"),
            Route("exact-api", ["www.example.com"], "/api"),
            Route("exact-api-v1", ["www.example.com"], "/api/v1"),
            Route("exact-api-post", ["www.example.com"], "/api", ["POST"]),
            Route("any-images", [], "/images"),
            Route("exact-api-late", ["www.example.com"], "/api", order: 5),
            Route("exact-api-early", ["www.example.com"], "/api", order: -5),
        };

        var snapshot = Builder.Build(new ConfigDocument { Pools = [Web], Routes = routes }, 1);

        Assert.Equal(
            ["exact-api-v1", "exact-api-post", "exact-api-early", "exact-api", "exact-api-late", "exact-root", "wild-root", "any-images", "any-root"],
            snapshot.Routes.OrderBy(r => r.Order).Select(r => r.RouteId));
    }

    [Fact]
    public void The_same_document_always_gives_the_same_snapshot()
    {
        var document = new ConfigDocument
        {
            Pools = [Web, Next],
            Routes = [new RouteSpec { Name = "a", Targets = [new TargetSpec { Pool = "web", Weight = 1 }] }],
        };

        var first = Builder.Build(document, 3);
        var second = Builder.Build(document, 3);
        Assert.Equal(first.Routes, second.Routes);
        Assert.Equal(first.Clusters, second.Clusters);
    }
}
