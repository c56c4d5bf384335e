using Appliance.Data.Cluster;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Engine.Cluster;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Cluster;

/// <summary>
/// The directory over a real registry and store on a fake clock: a live node that serves an older
/// revision is flagged behind only after <see cref="NodeDirectory.BehindGrace"/>, and no longer once it catches up.
/// </summary>
public sealed class NodeDirectoryBehindTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-engine-nodes", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly NodeOptions _options = new() { HeartbeatSeconds = 5 };
    private readonly DateTimeOffset _started;
    private ServiceProvider _services = null!;
    private NodeDirectory _nodes = null!;

    public NodeDirectoryBehindTests() => _started = _clock.GetUtcNow();

    private ConfigStore Store => _services.GetRequiredService<ConfigStore>();

    private NodeRegistry Registry => _services.GetRequiredService<NodeRegistry>();

    [Fact]
    public void The_grace_is_one_poll_and_two_heartbeats()
    {
        Assert.Equal(TimeSpan.FromSeconds(1 + (2 * 5)), _nodes.BehindGrace);
    }

    [Fact]
    public async Task A_live_node_behind_is_flagged_only_past_the_grace_and_cleared_when_it_catches_up()
    {
        var before = await Store.GetRevisionAsync();
        await BeatAsync(before);
        Assert.False(Node(await _nodes.ReadAsync()).Behind);

        // A change: node-b still serves the revision before it, as it would until its next poll.
        Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = "web", Backends = [new BackendSpec { Address = "http://127.0.0.1:9" }] }, "test")).Succeeded);
        var after = await Store.GetRevisionAsync();
        Assert.True(after > before);
        var within = Node(await _nodes.ReadAsync());
        Assert.Equal(NodeState.Up, within.Status);
        Assert.False(within.Behind);

        // Still within the grace, its heartbeats keep it up, and it is not flagged.
        _clock.Advance(_nodes.BehindGrace - TimeSpan.FromSeconds(1));
        await BeatAsync(before);
        within = Node(await _nodes.ReadAsync());
        Assert.Equal(NodeState.Up, within.Status);
        Assert.False(within.Behind);

        // Past it: up, and behind.
        _clock.Advance(TimeSpan.FromSeconds(2));
        await BeatAsync(before);
        var past = Node(await _nodes.ReadAsync());
        Assert.Equal(NodeState.Up, past.Status);
        Assert.True(past.Behind);
        Assert.Equal(before, past.AppliedRevision);

        // Its next heartbeat reports the new revision: no longer behind.
        _clock.Advance(TimeSpan.FromSeconds(1));
        await BeatAsync(after);
        var caughtUp = Node(await _nodes.ReadAsync());
        Assert.False(caughtUp.Behind);
        Assert.Equal(after, caughtUp.AppliedRevision);
    }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Appliance:DataDirectory"] = _directory })
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton<IConfiguration>(configuration)
            .AddApplianceData(configuration)
            .BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        // This node ("observer") has no row, so its own live figures (health, cache) are never read.
        _nodes = new NodeDirectory(
            Registry,
            Store,
            new NodeIdentity("observer"),
            _options,
            new ProxyOptions { ConfigPollSeconds = 1 },
            new RevisionSightings(_clock),
            new SnapshotStore(),
            health: null!,
            cache: null!,
            _clock);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static NodeStatus Node(ClusterView view) => Assert.Single(view.Nodes, n => n.Name == "node-b");

    private Task BeatAsync(long applied) =>
        Registry.BeatAsync(new NodeRecord("node-b", ["http://127.0.0.1:8081"], "1.0.0", applied, _started, _clock.GetUtcNow(), "{}"), afterFirst: true);
}
