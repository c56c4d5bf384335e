using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Routing;
using Appliance.Engine.Security.Shield;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Tests.Configuration;

public sealed class RoutePlanResolutionTests
{
    private static readonly PoolSpec Blue = new() { Name = "blue", Backends = [new BackendSpec { Address = "http://10.0.0.1:80" }] };
    private static readonly PoolSpec Green = new() { Name = "green", Backends = [new BackendSpec { Address = "http://10.0.0.2:80" }] };

    private static ProxySnapshot Snapshot(long revision, params (string Route, string Pool)[] routes) =>
        TestSnapshots.Builder().Build(new ConfigDocument
        {
            Pools = [Blue, Green],
            Routes = routes.Select(r => new RouteSpec { Name = r.Route, Targets = [new TargetSpec { Pool = r.Pool, Weight = 1 }] }).ToArray(),
        }, revision);

    [Fact]
    public async Task A_route_matched_on_a_revision_yarp_has_not_yet_reported_applied_gets_that_revisions_plan()
    {
        // Revision 1: r1 is /b and public, r2 is /a behind the list "office". Revision 2: r1 becomes /a
        // behind "office", r2 goes. /a is protected in both revisions.
        var store = new SnapshotStore();
        var first = Protected(1, ("r1", "/b", null), ("r2", "/a", "office"));
        store.Swap(first);
        store.MarkApplied(first);
        var second = Protected(2, ("r1", "/a", "office"));
        store.Swap(second);

        // YARP swaps its matcher before it reports revision 2 applied: a request to /a matches r1's new route.
        var plan = await PlanGivenAsync(store, Route(second, "r1"));

        Assert.Equal(2, plan!.Revision);
        Assert.Equal(["office"], plan.Get<RouteShield>().AccessLists.Select(l => l.Name));
    }

    [Fact]
    public async Task A_route_matched_on_the_previous_revision_keeps_that_revisions_plan_after_the_next_one_is_applied()
    {
        var store = new SnapshotStore();
        var first = Protected(1, ("r1", "/b", null), ("r2", "/a", "office"));
        store.Swap(first);
        store.MarkApplied(first);
        var second = Protected(2, ("r1", "/a", "office"));
        store.Swap(second);
        store.MarkApplied(second);

        // Matched on revision 1's r1 (/b, public) just before revision 2 went live.
        var plan = await PlanGivenAsync(store, Route(first, "r1"));

        Assert.Equal(1, plan!.Revision);
        Assert.Empty(plan.Get<RouteShield>().AccessLists);
    }

    [Fact]
    public void Every_revision_gives_every_route_a_config_yarp_sees_as_changed_so_it_never_keeps_an_older_ones_route()
    {
        // YARP keeps a route's model when the new RouteConfig equals the old one; the revision in the
        // metadata makes an unchanged route differ, so the matched config always names its revision.
        var first = Snapshot(1, ("shop", "blue"));
        var second = Snapshot(2, ("shop", "blue"));

        Assert.False(Route(first, "shop").Equals(Route(second, "shop")));
    }

    [Fact]
    public void A_routes_plan_is_the_one_built_with_it_whichever_revision_yarp_has_reported_applied()
    {
        var store = new SnapshotStore();
        var first = Snapshot(1, ("shop", "blue"));
        store.Swap(first);
        store.MarkApplied(first);

        var second = Snapshot(2, ("shop", "green"));
        store.Swap(second);
        Assert.Equal(1, store.PlanFor(Route(first, "shop"))!.Revision);
        Assert.Equal(2, store.PlanFor(Route(second, "shop"))!.Revision);
        Assert.Equal(1, store.AppliedRevision);

        store.MarkApplied(second);
        Assert.Equal(1, store.PlanFor(Route(first, "shop"))!.Revision);
        Assert.Equal("green", store.PlanFor(Route(second, "shop"))!.Get<RouteSplit>().Targets[0].Pool);
        Assert.Equal(2, store.AppliedRevision);
    }

    [Fact]
    public void A_route_yarp_matches_just_before_it_reports_the_revision_applied_takes_its_plan_from_the_newest_snapshot()
    {
        var store = new SnapshotStore();
        var first = Snapshot(1, ("shop", "blue"));
        store.Swap(first);
        store.MarkApplied(first);

        var second = Snapshot(2, ("shop", "blue"), ("blog", "green"));
        store.Swap(second);

        Assert.Equal(2, store.PlanFor(Route(second, "blog"))!.Revision);
    }

    [Fact]
    public void A_revision_yarp_is_still_applying_when_a_newer_one_is_swapped_in_keeps_its_plans()
    {
        var store = new SnapshotStore();
        var first = Snapshot(1, ("shop", "blue"));
        store.Swap(first);
        store.MarkApplied(first);

        // YARP read revision 2 and switches to its routes while revision 3 is already built.
        var second = Snapshot(2, ("shop", "green"));
        store.Swap(second);
        store.Swap(Snapshot(3, ("shop", "blue")));

        Assert.Equal("green", store.PlanFor(Route(second, "shop"))!.Get<RouteSplit>().Targets[0].Pool);
        store.MarkApplied(second);
        Assert.Equal(2, store.PlanFor(Route(second, "shop"))!.Revision);
    }

    [Fact]
    public void A_request_matched_just_before_its_route_was_removed_still_gets_the_routes_last_plan()
    {
        var store = new SnapshotStore();
        var first = Snapshot(1, ("shop", "blue"), ("old", "green"));
        store.Swap(first);
        store.MarkApplied(first);
        var second = Snapshot(2, ("shop", "blue"));
        store.Swap(second);
        store.MarkApplied(second);

        Assert.Equal(1, store.PlanFor(Route(first, "old"))!.Revision);
        Assert.Null(store.PlanFor(new RouteConfig { RouteId = "never-configured" }));
    }

    [Fact]
    public void A_route_of_a_revision_no_longer_held_has_no_plan()
    {
        var store = new SnapshotStore();
        var first = Snapshot(1, ("shop", "blue"));
        foreach (var snapshot in new[] { first, Snapshot(2, ("shop", "blue")), Snapshot(3, ("shop", "blue")) })
        {
            store.Swap(snapshot);
            store.MarkApplied(snapshot);
        }

        Assert.Null(store.PlanFor(Route(first, "shop")));
    }

    [Fact]
    public async Task A_request_keeps_the_plan_it_was_given_while_later_revisions_go_live()
    {
        var store = new SnapshotStore();
        var first = Snapshot(1, ("shop", "blue"));
        store.Swap(first);
        store.MarkApplied(first);
        var context = new DefaultHttpContext();
        context.Features.Set<IReverseProxyFeature>(new ReverseProxyFeature
        {
            Route = new RouteModel(first.Routes[0], cluster: null, HttpTransformer.Empty),
        });

        var seen = new List<long>();
        var step = new RoutePlanMiddleware(async ctx =>
        {
            seen.Add(ctx.GetRoutePlan().Revision);

            // Two revisions go live while the request is at the backend.
            foreach (var revision in new[] { 2L, 3L })
            {
                var next = Snapshot(revision, ("shop", "green"));
                store.Swap(next);
                store.MarkApplied(next);
                await Task.Yield();
                seen.Add(ctx.GetRoutePlan().Revision);
            }

            Assert.Equal("blue", ctx.GetRoutePlan().Get<RouteSplit>().Targets[0].Pool);
        }, store);

        await step.InvokeAsync(context);

        Assert.Equal([1, 1, 1], seen);
        Assert.Equal(3, store.PlanFor(Route(store.Serving, "shop"))!.Revision);
    }

    [Fact]
    public async Task A_route_that_no_held_revision_knows_is_answered_404_and_goes_no_further()
    {
        var store = new SnapshotStore();
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        context.Features.Set<IReverseProxyFeature>(new ReverseProxyFeature
        {
            Route = new RouteModel(new RouteConfig { RouteId = "gone" }, cluster: null, HttpTransformer.Empty),
        });
        var reached = false;

        await new RoutePlanMiddleware(_ =>
        {
            reached = true;
            return Task.CompletedTask;
        }, store).InvokeAsync(context);

        Assert.False(reached);
        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
    }
    private static ProxySnapshot Protected(long revision, params (string Route, string Path, string? AccessList)[] routes) =>
        TestSnapshots.Builder().Build(new ConfigDocument
        {
            Pools = [Blue],
            AccessLists = [new AccessListSpec { Name = "office", DefaultAction = AccessActions.Deny }],
            Routes = routes.Select(r => new RouteSpec
            {
                Name = r.Route,
                Path = r.Path,
                AccessList = r.AccessList,
                Targets = [new TargetSpec { Pool = "blue", Weight = 1 }],
            }).ToArray(),
        }, revision);

    private static RouteConfig Route(ProxySnapshot snapshot, string routeId) => snapshot.Routes.Single(r => r.RouteId == routeId);

    // Runs the route-plan step as YARP would after matching <paramref name="matched"/>; null when it answered 404.
    private static async Task<RoutePlan?> PlanGivenAsync(SnapshotStore store, RouteConfig matched)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        context.Features.Set<IReverseProxyFeature>(new ReverseProxyFeature
        {
            Route = new RouteModel(matched, cluster: null, HttpTransformer.Empty),
        });
        RoutePlan? plan = null;
        await new RoutePlanMiddleware(ctx =>
        {
            plan = ctx.GetRoutePlan();
            return Task.CompletedTask;
        }, store).InvokeAsync(context);
        return plan;
    }
}
