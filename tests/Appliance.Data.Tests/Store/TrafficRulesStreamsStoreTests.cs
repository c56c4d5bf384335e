using Appliance.Data.Model;
using Appliance.Data.Store;

namespace Appliance.Data.Tests.Store;

/// <summary>
/// Route conditions, path rewrites, redirects and streams through the store on the provider under
/// test (SQLite here, PostgreSQL in test.sh): stored in their JSON columns and read back as written,
/// conditions in order, and the normaliser's trimming applied once.
/// </summary>
public sealed class TrafficRulesStreamsStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private ConfigStore Store => fixture.Store;

    [Fact]
    public async Task A_routes_conditions_and_rewrite_read_back_as_written_in_order()
    {
        await Store.Pools.CreateAsync(new PoolSpec { Name = "cond-pool", Backends = [new BackendSpec { Address = "http://10.0.1.1" }] }, "t");
        var route = new RouteSpec
        {
            Name = "conditioned",
            Path = "/api",
            RewritePath = "/v2",
            Targets = [new TargetSpec { Pool = "cond-pool", Weight = 1 }],
            Headers =
            [
                new MatchConditionSpec { Name = "X-Beta", Values = ["1", "yes"], Mode = MatchModes.Exact },
                new MatchConditionSpec { Name = "X-Debug", Mode = MatchModes.NotExists },
            ],
            Query = [new MatchConditionSpec { Name = "variant", Values = ["b"], Mode = MatchModes.Prefix }],
            Cookies =
            [
                new MatchConditionSpec { Name = "beta", Values = ["on"], Mode = MatchModes.Contains },
                new MatchConditionSpec { Name = "session", Mode = MatchModes.Exists },
            ],
        };

        var created = await Store.Routes.CreateAsync(route, "t");
        Assert.True(created.Succeeded, created.Detail);

        var stored = (await Store.Routes.GetAsync("conditioned"))!;
        Assert.Equal("/v2", stored.RewritePath);
        Assert.Equal(["X-Beta", "X-Debug"], stored.Headers.Select(h => h.Name));
        Assert.Equal(["1", "yes"], stored.Headers[0].Values);
        Assert.Equal([MatchModes.Exact, MatchModes.NotExists], stored.Headers.Select(h => h.Mode));
        Assert.Empty(stored.Headers[1].Values);
        Assert.Equal(("variant", MatchModes.Prefix), (stored.Query.Single().Name, stored.Query.Single().Mode));
        Assert.Equal(["b"], stored.Query.Single().Values);
        Assert.Equal(["beta", "session"], stored.Cookies.Select(c => c.Name));
        Assert.Equal([MatchModes.Contains, MatchModes.Exists], stored.Cookies.Select(c => c.Mode));
        Assert.Equal(["on"], stored.Cookies[0].Values);

        // Taken off again: the columns read back empty, not as the old conditions.
        var cleared = await Store.Routes.UpdateAsync("conditioned", stored with { Headers = [], Query = [], Cookies = [], RewritePath = null }, "t");
        Assert.True(cleared.Succeeded, cleared.Detail);
        var plain = (await Store.Routes.GetAsync("conditioned"))!;
        Assert.Empty(plain.Headers);
        Assert.Empty(plain.Query);
        Assert.Empty(plain.Cookies);
        Assert.Null(plain.RewritePath);
    }

    [Fact]
    public async Task A_redirect_route_reads_back_with_its_location_status_and_query_choice()
    {
        var redirect = new RedirectSpec { Location = "https://new.example.com{path}?was={query}", Status = 308, KeepQuery = false };
        var created = await Store.Routes.CreateAsync(new RouteSpec { Name = "moved", Hosts = ["old.example.com"], Path = "/old", Redirect = redirect }, "t");
        Assert.True(created.Succeeded, created.Detail);

        var stored = (await Store.Routes.GetAsync("moved"))!;
        Assert.Equal(redirect, stored.Redirect);
        Assert.Empty(stored.Targets);

        var changed = await Store.Routes.UpdateAsync("moved", stored with { Redirect = redirect with { Location = "/new{path}", Status = 301, KeepQuery = true } }, "t");
        Assert.True(changed.Succeeded, changed.Detail);
        Assert.Equal(new RedirectSpec { Location = "/new{path}", Status = 301, KeepQuery = true }, (await Store.Routes.GetAsync("moved"))!.Redirect);
    }

    [Fact]
    public async Task Port_and_SNI_streams_read_back_as_written()
    {
        await Store.Pools.CreateAsync(new PoolSpec { Name = "stream-db", Backends = [new BackendSpec { Address = "http://10.0.1.2:5432" }] }, "t");
        var port = new StreamSpec { Name = "pg", ListenPort = 45432, Pool = "stream-db", ProxyProtocol = true, MaxConnections = 12, IdleTimeoutSeconds = 90, ConnectTimeoutSeconds = 4 };
        var sni = new StreamSpec { Name = "pg-tls", SniHosts = ["DB.example.com", "*.tenants.example.com"], Pool = "stream-db" };

        Assert.True((await Store.Streams.CreateAsync(port, "t")).Succeeded);
        var created = await Store.Streams.CreateAsync(sni, "t");
        Assert.True(created.Succeeded, created.Detail);

        var storedPort = (await Store.Streams.GetAsync("pg"))!;
        Assert.Equal((45432, "stream-db", true), (storedPort.ListenPort, storedPort.Pool, storedPort.ProxyProtocol));
        Assert.Equal((12, 90, 4), (storedPort.MaxConnections, storedPort.IdleTimeoutSeconds, storedPort.ConnectTimeoutSeconds));
        Assert.Empty(storedPort.SniHosts);
        var storedSni = (await Store.Streams.GetAsync("pg-tls"))!;
        Assert.Null(storedSni.ListenPort);
        Assert.Equal(2, storedSni.SniHosts.Count);
        Assert.Equal("*.tenants.example.com", storedSni.SniHosts[1]);
        Assert.Equal("db.example.com", storedSni.SniHosts[0], ignoreCase: true);

        var moved = await Store.Streams.UpdateAsync("pg-tls", storedSni with { SniHosts = ["replica.example.com"] }, "t");
        Assert.True(moved.Succeeded, moved.Detail);
        Assert.Equal(["replica.example.com"], (await Store.Streams.GetAsync("pg-tls"))!.SniHosts);
    }
}
