using System.Collections.Frozen;
using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.PoolLimits;
using Appliance.Web.Components.Pages.Dashboard;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Dashboard;

public sealed class PoolLoadSectionTests : BunitContext, IAsyncLifetime
{
    private readonly SnapshotStore _snapshots = new();
    private readonly PoolGates _gates = new(TimeProvider.System);

    public PoolLoadSectionTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(new PoolLoadReader(_snapshots, _gates));
    }

    [Fact]
    public async Task Each_capped_pool_shows_its_slots_its_queue_and_its_refusals()
    {
        Serve(new PoolSpec { Name = "api", MaxConcurrentRequests = 1, Queue = new PoolQueueSpec { Length = 3, TimeoutSeconds = 5 } }, new PoolSpec { Name = "free" });
        var gate = _gates.For("api", new PoolLimit(1, 3, TimeSpan.FromSeconds(5)), 1);
        Assert.Equal(PoolGateOutcome.Entered, await gate.EnterAsync(CancellationToken.None));
        var waiting = gate.EnterAsync(CancellationToken.None);
        _gates.CountRejection("api", PoolGateOutcome.QueueFull);
        _gates.CountRejection("api", PoolGateOutcome.QueueFull);
        _gates.CountRejection("api", PoolGateOutcome.QueueTimeout);

        var section = Render<PoolLoadSection>();

        var row = section.Find("[data-pool-load=api]");
        Assert.Equal("1", row.QuerySelector("[data-active]")!.GetAttribute("data-active"));
        Assert.Contains("1 / 1", row.TextContent);
        Assert.Contains("1 / 3", row.QuerySelector("[data-queued]")!.TextContent);
        Assert.Equal("2", row.QuerySelector("[data-rejected-full]")!.GetAttribute("data-rejected-full"));
        Assert.Equal("1", row.QuerySelector("[data-rejected-timeout]")!.GetAttribute("data-rejected-timeout"));
        Assert.Empty(section.FindAll("[data-pool-load=free]"));
        gate.Exit();
        Assert.Equal(PoolGateOutcome.Entered, await waiting);
    }

    [Fact]
    public void Without_a_capped_pool_the_section_shows_nothing()
    {
        Serve(new PoolSpec { Name = "free" });

        Assert.Empty(Render<PoolLoadSection>().FindAll("[data-testid=pool-load]"));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private void Serve(params PoolSpec[] pools)
    {
        var parts = new SnapshotParts();
        new PoolLimitsCompiler().Compile(new ConfigDocument { Pools = pools, Routes = [] }, parts);
        _snapshots.Swap(new ProxySnapshot(1, [], [], [], FrozenDictionary<string, RoutePlan>.Empty, parts: parts));
    }
}
