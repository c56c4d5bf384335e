using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Routing;
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
    public void Plans_come_from_the_revision_yarp_routes_with_not_from_a_newer_one_it_has_not_applied()
    {
        var store = new SnapshotStore();
        var first = Snapshot(1, ("shop", "blue"));
        store.Swap(first);
        store.MarkApplied(first);

        store.Swap(Snapshot(2, ("shop", "green")));
        Assert.Equal(1, store.PlanFor("shop")!.Revision);
        Assert.Equal(1, store.AppliedRevision);

        store.MarkApplied(store.Current);
        Assert.Equal(2, store.PlanFor("shop")!.Revision);
        Assert.Equal("green", store.PlanFor("shop")!.Get<RouteSplit>().Targets[0].Pool);
        Assert.Equal(2, store.AppliedRevision);
    }

    [Fact]
    public void A_route_yarp_matches_just_before_it_reports_the_revision_applied_takes_its_plan_from_the_newest_snapshot()
    {
        var store = new SnapshotStore();
        var first = Snapshot(1, ("shop", "blue"));
        store.Swap(first);
        store.MarkApplied(first);

        store.Swap(Snapshot(2, ("shop", "blue"), ("blog", "green")));

        Assert.Equal(2, store.PlanFor("blog")!.Revision);
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

        Assert.Equal(1, store.PlanFor("old")!.Revision);
        Assert.Null(store.PlanFor("never-configured"));
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
        Assert.Equal(3, store.PlanFor("shop")!.Revision);
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
}
