using Appliance.Data.Model;
using Appliance.Engine.Caching;
using Appliance.Engine.Configuration;
using Appliance.Engine.Routing;
using Appliance.Engine.Security.Shield;
using Appliance.Engine.Tls;

namespace Appliance.Engine.Tests.Configuration;

public sealed class RoutePlanCompilationTests
{
    private static readonly PoolSpec Web = new() { Name = "web", Backends = [new BackendSpec { Address = "http://10.0.0.1:80" }] };
    private static readonly PoolSpec Canary = new() { Name = "canary", Backends = [new BackendSpec { Address = "http://10.0.0.2:80" }] };

    private static RouteSpec Route(string name) => new() { Name = name, Targets = [new TargetSpec { Pool = "web", Weight = 1 }] };

    [Fact]
    public void Every_route_gets_one_plan_with_every_features_part_at_the_snapshots_revision()
    {
        var snapshot = TestSnapshots.Builder().Build(new ConfigDocument { Pools = [Web], Routes = [Route("a"), Route("b")] }, revision: 12);

        Assert.Equal(["a", "b"], snapshot.Plans.Keys.Order(StringComparer.Ordinal));
        var plan = snapshot.Plans["a"];
        Assert.Equal("a", plan.RouteId);
        Assert.Equal(12, plan.Revision);
        Assert.NotNull(plan.Get<RouteHttpsPolicy>());
        Assert.NotNull(plan.Get<RouteShield>());
        Assert.NotNull(plan.Get<RouteResponsePolicy>());
        Assert.NotNull(plan.Get<RouteSplit>());
    }

    [Fact]
    public void The_https_part_carries_the_redirect_and_the_hsts_value_and_is_idle_for_a_route_without_either()
    {
        var secure = Route("secure") with { HttpsRedirect = true, HstsMaxAgeSeconds = 31_536_000, SecurityHeaders = true };
        var snapshot = TestSnapshots.Builder().Build(new ConfigDocument { Pools = [Web], Routes = [secure, Route("plain")] }, 1);

        var policy = snapshot.Plans["secure"].Get<RouteHttpsPolicy>();
        Assert.True(policy.IsActive);
        Assert.True(policy.RedirectToHttps);
        Assert.Equal("max-age=31536000", policy.StrictTransportSecurity);
        Assert.True(policy.SecurityHeaders);
        Assert.False(snapshot.Plans["plain"].Get<RouteHttpsPolicy>().IsActive);
    }

    [Fact]
    public void The_shield_part_puts_global_lists_and_limits_first_and_compiles_each_once_for_every_route()
    {
        var document = new ConfigDocument
        {
            Pools = [Web],
            Routes =
            [
                Route("own") with { AccessList = "office", RateLimit = "strict", MaxRequestBodyBytes = 1024 },
                Route("global-only") with { AccessList = "everyone" },
                Route("bare"),
            ],
            AccessLists =
            [
                new AccessListSpec { Name = "office", Rules = [new AccessRuleSpec { Action = AccessActions.Allow, Cidr = "10.0.0.0/8" }] },
                new AccessListSpec { Name = "everyone", Global = true },
            ],
            RateLimits = [new RateLimitSpec { Name = "strict", Permits = 5 }, new RateLimitSpec { Name = "all", Global = true }],
        };

        var plans = TestSnapshots.Builder().Build(document, 1).Plans;

        var own = plans["own"].Get<RouteShield>();
        Assert.Equal(["everyone", "office"], own.AccessLists.Select(l => l.Name));
        Assert.Equal(["all", "strict"], own.RateLimits.Select(l => l.Name));
        Assert.Equal(1024, own.MaxRequestBodyBytes);

        // Naming a global list does not apply it twice.
        Assert.Equal(["everyone"], plans["global-only"].Get<RouteShield>().AccessLists.Select(l => l.Name));
        var bare = plans["bare"].Get<RouteShield>();
        Assert.Null(bare.MaxRequestBodyBytes);
        Assert.Same(own.AccessLists[0], bare.AccessLists[0]);
    }

    [Fact]
    public void The_response_part_puts_the_routes_own_cache_rules_before_the_global_ones_and_keeps_its_compression_choice()
    {
        var document = new ConfigDocument
        {
            Pools = [Web],
            Routes = [Route("shop") with { Compression = false }, Route("blog")],
            CacheRules =
            [
                new CacheRuleSpec { Name = "z-global", Match = "/static" },
                new CacheRuleSpec { Name = "b-shop", Route = "shop", Match = "/img" },
                new CacheRuleSpec { Name = "a-shop", Route = "shop", Match = "/css" },
                new CacheRuleSpec { Name = "blog-only", Route = "blog", Match = "/feed" },
            ],
        };

        var plans = TestSnapshots.Builder().Build(document, 1).Plans;

        var shop = plans["shop"].Get<RouteResponsePolicy>();
        Assert.Equal(["a-shop", "b-shop", "z-global"], shop.CacheRules.Select(r => r.Name));
        Assert.False(shop.Compression);
        var blog = plans["blog"].Get<RouteResponsePolicy>();
        Assert.Equal(["blog-only", "z-global"], blog.CacheRules.Select(r => r.Name));
        Assert.True(blog.Compression);
        Assert.Same(shop.CacheRules[^1], blog.CacheRules[^1]);
    }

    [Fact]
    public void The_split_part_carries_the_weighted_targets_and_an_opaque_sticky_cookie()
    {
        var canary = Route("canary") with { Sticky = true, Targets = [new TargetSpec { Pool = "web", Weight = 90 }, new TargetSpec { Pool = "canary", Weight = 10 }] };
        var split = TestSnapshots.Builder().Build(new ConfigDocument { Pools = [Web, Canary], Routes = [canary] }, 1).Plans["canary"].Get<RouteSplit>();

        Assert.True(split.Sticky);
        Assert.Equal(100, split.TotalWeight);
        Assert.False(split.IsSingleTarget);
        Assert.Equal(StickyCookie.NameFor("canary"), split.CookieName);
        Assert.Equal(["web", "canary"], split.Targets.Select(t => t.Pool));
        Assert.DoesNotContain("canary", split.Targets[1].CookieValue, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_feature_adds_its_part_by_registering_a_compiler_and_nothing_else()
    {
        var builder = new SnapshotBuilder(new SnapshotBuilderOptions(), [.. TestSnapshots.Compilers(), new GreetingCompiler()]);

        var plan = builder.Build(new ConfigDocument { Pools = [Web], Routes = [Route("a")] }, 1).Plans["a"];

        Assert.Equal("hello from a", plan.Get<Greeting>().Text);
        Assert.NotNull(plan.Get<RouteShield>());
    }

    [Fact]
    public void A_part_no_compiler_made_is_a_clear_error_not_a_default()
    {
        var plan = new SnapshotBuilder(new SnapshotBuilderOptions(), [new RouteSplitCompiler()])
            .Build(new ConfigDocument { Pools = [Web], Routes = [Route("a")] }, 1).Plans["a"];

        var error = Assert.Throws<InvalidOperationException>(() => plan.Get<RouteShield>());
        Assert.Contains("RouteShield", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compiler_that_leaves_a_route_out_refuses_the_snapshot_when_it_is_built()
    {
        var builder = new SnapshotBuilder(new SnapshotBuilderOptions(), [new FirstRouteOnlyCompiler()]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(new ConfigDocument { Pools = [Web], Routes = [Route("a"), Route("b")] }, 1));
        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
    }

    private sealed record Greeting(string Text);

    private sealed class GreetingCompiler : IRoutePlanCompiler
    {
        public void Compile(ConfigDocument document, RoutePlanBuilder plans)
        {
            foreach (var route in document.Routes)
            {
                plans.Set(route, new Greeting("hello from " + route.Name));
            }
        }
    }

    private sealed class FirstRouteOnlyCompiler : IRoutePlanCompiler
    {
        public void Compile(ConfigDocument document, RoutePlanBuilder plans) => plans.Set(document.Routes[0], new Greeting("only me"));
    }
}
