using System.Net.Http.Json;
using Appliance.Data.Counters;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Cluster;

/// <summary>
/// Two appliance nodes, each with its own data directory, sharing bans through one throwaway Redis;
/// loopback can be banned, and each node has the rule <c>instant</c> (one request for
/// <c>/instant.php</c> bans). Clients are played by loopback source addresses.
/// </summary>
public sealed class BanNodes : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();

    public Node A { get; private set; } = null!;

    public Node B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        A = new Node(Redis.Configuration);
        B = new Node(Redis.Configuration);
        await Task.WhenAll(A.InitializeAsync(), B.InitializeAsync());
        foreach (var node in new[] { A, B })
        {
            (await node.Api.PostAsJsonAsync("/api/v1/ban-rules", new { name = "instant", paths = new[] { "/instant.php" }, threshold = 1 })).EnsureSuccessStatusCode();
            await node.WaitForLiveConfigAsync();
        }

        await WaitForRedisAsync(up: true);
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(A.DisposeAsync(), B.DisposeAsync());
        await Redis.DisposeAsync();
    }

    /// <summary>Waits until both nodes see Redis up (or down).</summary>
    public Task WaitForRedisAsync(bool up) => Eventually.TrueAsync(
        () => A.Status.IsUp == up && B.Status.IsUp == up, TimeSpan.FromSeconds(30), up ? "both nodes to use Redis" : "both nodes to see Redis down");

    /// <summary>One node: bans loopback, shares bans through Redis.</summary>
    public sealed class Node(string redis) : ApplianceHost
    {
        public SharedCounterStatus Status => App.Services.GetRequiredService<SharedCounterStatus>();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Redis:Configuration"] = redis,
            ["Appliance:Redis:KeyPrefix"] = "bans-test:",
            ["Appliance:Redis:RetrySeconds"] = "1",
            ["Appliance:Redis:TimeoutMilliseconds"] = "2000",
            ["Appliance:Proxy:Bans:ExemptLoopback"] = "false",
            // Turned-away connections held a second rather than a minute, so that "closed without a byte"
            // shows within the helpers' wait; TarpitTests holds them with the defaults.
            ["Appliance:Proxy:Bans:HoldSeconds"] = "1",
        };

        /// <summary>The subjects of the bans this node enforces.</summary>
        public async Task<string[]> BannedAsync() =>
            (await Api.GetFromJsonAsync<Security.Bans.BanHost.BanView[]>("/api/v1/bans"))!.Select(b => b.Subject).ToArray();
    }
}
