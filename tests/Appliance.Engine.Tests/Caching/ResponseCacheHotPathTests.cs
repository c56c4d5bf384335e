using Appliance.Data.Model;
using Appliance.Engine.Caching;
using Appliance.Engine.Configuration;
using Appliance.Engine.Tests.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Engine.Tests.Caching;

/// <summary>
/// What the cache step costs where it has nothing to do: a request it cannot answer passes on
/// as the very task the next step returns, and a successful unsafe request pays for invalidation
/// only when the store holds something under its host, wherever that was stored from.
/// </summary>
public sealed class ResponseCacheHotPathTests
{
    private static readonly PoolSpec Web = new() { Name = "web", Backends = [new BackendSpec { Address = "http://10.0.0.1:80" }] };

    // Route "cached" has a rule for every path; route "plain" has none.
    private static readonly ProxySnapshot Snapshot = TestSnapshots.Builder().Build(new ConfigDocument
    {
        Pools = [Web],
        Routes =
        [
            new RouteSpec { Name = "cached", Hosts = ["shop.test"], Path = "/", Targets = [new TargetSpec { Pool = "web", Weight = 1 }] },
            new RouteSpec { Name = "plain", Hosts = ["shop.test"], Path = "/api", Targets = [new TargetSpec { Pool = "web", Weight = 1 }] },
        ],
        CacheRules = [new CacheRuleSpec { Name = "all", Route = "cached", Match = "/" }],
    }, 1);

    [Theory]
    [InlineData("GET", "plain")]
    [InlineData("HEAD", "plain")]
    [InlineData("OPTIONS", "cached")]
    public void A_request_the_cache_can_neither_answer_nor_be_changed_by_is_passed_on_without_a_state_machine(string method, string route)
    {
        var next = new TaskCompletionSource().Task;
        var middleware = Middleware(_ => next, new ResponseCache(new CacheOptions()));

        Assert.Same(next, middleware.InvokeAsync(Request(method, route, "/api/orders")));
    }

    [Fact]
    public async Task A_successful_POST_to_a_host_with_nothing_stored_does_no_invalidation_work()
    {
        var cache = new ResponseCache(new CacheOptions());
        cache.Store(Entry("http://other.test/api/orders"));
        var middleware = Middleware(_ => Task.CompletedTask, cache);
        var context = Request("POST", "plain", "/api/orders");
        await middleware.InvokeAsync(context);

        var before = GC.GetAllocatedBytesForCurrentThread();
        await middleware.InvokeAsync(context);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1, cache.Statistics().Entries);
    }

    [Fact]
    public async Task A_successful_POST_on_a_route_without_cache_rules_invalidates_the_entry_another_route_stored_for_its_URL()
    {
        var cache = new ResponseCache(new CacheOptions());
        cache.Store(Entry("http://shop.test/api/orders"));
        cache.Store(Entry("http://shop.test/api/other"));

        await Middleware(_ => Task.CompletedTask, cache).InvokeAsync(Request("POST", "plain", "/api/orders"));

        Assert.Equal(1, cache.Statistics().Entries);
        Assert.Null(cache.Lookup("http://shop.test/api/orders", Request("GET", "cached", "/api/orders").Request, out _));
        Assert.NotNull(cache.Lookup("http://shop.test/api/other", Request("GET", "cached", "/api/other").Request, out _));
    }

    [Fact]
    public async Task Host_case_and_an_emptied_store_are_told_apart_from_a_store_holding_the_host()
    {
        var cache = new ResponseCache(new CacheOptions());
        var entry = Entry("http://shop.test/a");
        Assert.False(cache.HoldsAnyFor("shop.test"));

        cache.Store(entry);
        Assert.True(cache.HoldsAnyFor("SHOP.test"));
        Assert.False(cache.HoldsAnyFor("shop.test:8080"));

        cache.Remove(entry);
        Assert.False(cache.HoldsAnyFor("shop.test"));

        cache.Store(Entry("http://shop.test/a"));
        await Middleware(_ => Task.CompletedTask, cache).InvokeAsync(Request("DELETE", "plain", "/a"));
        Assert.False(cache.HoldsAnyFor("shop.test"));
    }

    private static ResponseCacheMiddleware Middleware(RequestDelegate next, ResponseCache cache) =>
        new(next, cache, new CacheCoalescer(), new CacheOptions(), new StaleRevalidator(cache, TimeProvider.System, NullLogger<StaleRevalidator>.Instance), new Appliance.Engine.Caching.Ranges.RangeMissMemo(), TimeProvider.System);

    private static DefaultHttpContext Request(string method, string route, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("shop.test");
        context.Request.Path = path;
        context.Features.Set(Snapshot.Plans[route]);
        return context;
    }

    private static CachedResponse Entry(string key)
    {
        var entry = StoredEntries.Aged(0, 60);
        return new CachedResponse
        {
            Key = key,
            StatusCode = entry.StatusCode,
            Headers = entry.Headers,
            Body = entry.Body,
            RequestTime = entry.RequestTime,
            ResponseTime = entry.ResponseTime,
            FreshnessLifetime = entry.FreshnessLifetime,
            VaryHeaders = entry.VaryHeaders,
            VaryKey = entry.VaryKey,
        };
    }
}
