using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Tests.Configuration;
using Appliance.Engine.Routing.Rules;
using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Tests.Routing.Rules;

public sealed class TrafficRulesSnapshotTests
{
    private static readonly PoolSpec Web = new() { Name = "web", Backends = [new BackendSpec { Address = "http://10.0.0.1:80" }] };

    private static RouteSpec Route(string name, string path = "/api") => new() { Name = name, Hosts = ["www.example.com"], Path = path, Targets = [new TargetSpec { Pool = "web", Weight = 1 }] };

    private static MatchConditionSpec Condition(string name, string mode, params string[] values) => new() { Name = name, Mode = mode, Values = values };

    [Fact]
    public void More_conditions_come_first_at_the_same_host_and_path_and_a_longer_path_still_wins()
    {
        var routes = new[]
        {
            Route("a-plain"),
            Route("b-one") with { Cookies = [Condition("beta", MatchModes.Exists)] },
            Route("c-two") with { Headers = [Condition("X-A", MatchModes.Exact, "1")], Query = [Condition("v", MatchModes.NotExists)] },
            Route("d-longer", "/api/v1"),
            Route("e-methods") with { Methods = ["POST"] },
        };

        var snapshot = TestSnapshots.Builder().Build(new ConfigDocument { Pools = [Web], Routes = routes }, 1);

        Assert.Equal(["d-longer", "c-two", "b-one", "e-methods", "a-plain"], snapshot.Routes.OrderBy(r => r.Order).Select(r => r.RouteId));
    }

    [Fact]
    public void Headers_and_query_go_to_yarp_and_cookies_and_query_absence_to_the_matcher_policy()
    {
        var route = Route("r") with
        {
            Headers = [Condition("X-Beta", MatchModes.Prefix, "1"), Condition("X-Off", MatchModes.NotExists)],
            Query = [Condition("variant", MatchModes.Exact, "b"), Condition("debug", MatchModes.NotExists)],
            Cookies = [Condition("beta", MatchModes.Exact, "yes")],
        };

        var config = TestSnapshots.Builder().Build(new ConfigDocument { Pools = [Web], Routes = [route] }, 1).Routes.Single();

        Assert.Equal([HeaderMatchMode.HeaderPrefix, HeaderMatchMode.NotExists], config.Match.Headers!.Select(h => h.Mode));
        Assert.All(config.Match.Headers!, h => Assert.True(h.IsCaseSensitive));
        Assert.Null(config.Match.Headers![1].Values);
        Assert.Equal("variant", Assert.Single(config.Match.QueryParameters!).Name);
        var conditions = RequestConditions.Parse(config.Metadata![RequestConditions.MetadataKey]);
        Assert.NotNull(conditions);
        Assert.Equal("1", config.Metadata[RouteRevision.MetadataKey]);
    }

    [Fact]
    public void A_plain_route_shares_the_revision_metadata_and_a_rewrite_carries_its_prefix()
    {
        var snapshot = TestSnapshots.Builder().Build(new ConfigDocument { Pools = [Web], Routes = [Route("plain", "/a"), Route("rw") with { RewritePath = "/v2" }] }, 3);

        var plain = snapshot.Routes.Single(r => r.RouteId == "plain");
        var rw = snapshot.Routes.Single(r => r.RouteId == "rw");
        Assert.False(plain.Metadata!.ContainsKey(RouteRuleMetadata.RewritePath));
        Assert.Equal("/api", rw.Metadata![RouteRuleMetadata.PathPrefix]);
        Assert.Equal("/v2", rw.Metadata[RouteRuleMetadata.RewritePath]);
    }

    [Fact]
    public void A_redirect_route_gets_a_cluster_without_destinations_and_a_redirect_plan()
    {
        var redirect = Route("moved") with { Targets = [], Redirect = new RedirectSpec { Location = "https://new.example.com{path}", Status = 308 } };

        var snapshot = TestSnapshots.Builder().Build(new ConfigDocument { Pools = [Web], Routes = [redirect, Route("web")] }, 1);

        Assert.Equal(RouteRuleMetadata.RedirectClusterId, snapshot.Routes.Single(r => r.RouteId == "moved").ClusterId);
        Assert.Null(snapshot.Clusters.Single(c => c.ClusterId == RouteRuleMetadata.RedirectClusterId).Destinations);
        Assert.Equal(308, snapshot.Plans["moved"].Get<RouteRedirect>().Status);
        Assert.False(snapshot.Plans["web"].Get<RouteRedirect>().IsActive);
    }
}
