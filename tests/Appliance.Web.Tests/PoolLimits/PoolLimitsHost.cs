using System.Net.Http.Json;
using Appliance.Engine.PoolLimits;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.PoolLimits;

/// <summary>
/// The appliance in front of one held backend per test (its /slow answers wait on a gate), each in
/// its own capped pool, reached through host-named routes: two routes share the "held" pool.
/// </summary>
public sealed class PoolLimitsHost : ApplianceHost
{
    public static readonly string[] Pools = ["held", "timing", "leaving", "reloaded", "cached", "odd"];

    private readonly Dictionary<string, TestBackend> _backends = [];

    public TestBackend Backend(string pool) => _backends[pool];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var name in Pools)
        {
            _backends[name] = await TestBackend.StartAsync(name);
        }

        await AddPoolAsync(Pool("held", 2, new { length = 2, timeoutSeconds = 60 }));
        await AddPoolAsync(Pool("timing", 1, new { length = 1, timeoutSeconds = 1 }));
        await AddPoolAsync(Pool("leaving", 1, new { length = 1, timeoutSeconds = 60 }));
        await AddPoolAsync(Pool("reloaded", 1, null));
        await AddPoolAsync(Pool("cached", 1, null));
        await AddPoolAsync(Pool("odd", 1, null));
        await AddRouteAsync(Route("held-a", "a.held.test", "held"));
        await AddRouteAsync(Route("held-b", "b.held.test", "held"));
        foreach (var name in Pools.Skip(1))
        {
            await AddRouteAsync(Route(name, $"{name}.test", name));
        }

        using var rule = await Api.PostAsJsonAsync("/api/v1/cache-rules", new { name = "pages", route = "cached", match = "/page", mode = "DefaultTtl", defaultTtlSeconds = 60 });
        rule.EnsureSuccessStatusCode();
        await WaitForLiveConfigAsync();
    }

    public override async Task DisposeAsync()
    {
        foreach (var backend in _backends.Values)
        {
            await backend.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    public object Pool(string name, int cap, object? queue, int weight = 1) =>
        new { name, maxConcurrentRequests = cap, queue, backends = new[] { new { address = _backends[name].Address, weight } } };

    /// <summary>A GET through the data plane for <paramref name="host"/>, on its own connection.</summary>
    public async Task<HttpResponseMessage> GetAsync(string host, string path, CancellationToken cancel = default)
    {
        using var client = CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        var response = await client.SendAsync(request, cancel);
        await response.Content.LoadIntoBufferAsync(cancel);
        return response;
    }

    /// <summary>This node's view of <paramref name="pool"/>'s load, as the dashboard reads it.</summary>
    public PoolLoad Load(string pool) =>
        App.Services.GetRequiredService<PoolLoadReader>().Read().Single(load => load.Pool == pool);

    private static object Route(string name, string host, string pool) =>
        new { name, hosts = new[] { host }, targets = new[] { new { pool, weight = 1 } } };
}
