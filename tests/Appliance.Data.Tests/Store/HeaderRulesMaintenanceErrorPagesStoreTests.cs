using Appliance.Data.Model;
using Appliance.Data.Store;

namespace Appliance.Data.Tests.Store;

/// <summary>Header rules, maintenance and error pages through the store on the provider under test: stored whole, read back as written, and a route's pages holding it.</summary>
public sealed class HeaderRulesMaintenanceErrorPagesStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private ConfigStore Store => fixture.Store;

    [Fact]
    public async Task A_routes_header_rules_and_maintenance_read_back_as_written_in_order()
    {
        await Store.Pools.CreateAsync(new PoolSpec { Name = "rules-pool", Backends = [new BackendSpec { Address = "http://10.0.0.1" }] }, "tester");
        var route = new RouteSpec
        {
            Name = "rules",
            Targets = [new TargetSpec { Pool = "rules-pool", Weight = 1 }],
            RequestHeaders = new HeaderRulesSpec
            {
                Set = new Dictionary<string, string> { ["X-Z"] = "last {host}", ["X-A"] = "{client_ip}", ["Host"] = "backend.internal" },
                Remove = ["X-Debug", "Cookie"],
            },
            ResponseHeaders = new HeaderRulesSpec { Set = new Dictionary<string, string> { [" X-Served-By "] = "{request_id}" } },
            Maintenance = new MaintenanceSpec { Enabled = true, RetryAfterSeconds = 30, Allow = [" 203.0.113.0/24 ", "::1"] },
        };

        var created = await Store.Routes.CreateAsync(route, "tester");
        Assert.True(created.Succeeded, created.Detail);

        var stored = (await Store.Routes.GetAsync("rules"))!;
        Assert.Equal(["X-Z", "X-A", "Host"], stored.RequestHeaders.Set.Keys);
        Assert.Equal("last {host}", stored.RequestHeaders.Set["X-Z"]);
        Assert.Equal(["X-Debug", "Cookie"], stored.RequestHeaders.Remove);
        Assert.Equal("{request_id}", stored.ResponseHeaders.Set["X-Served-By"]);
        Assert.Empty(stored.ResponseHeaders.Remove);
        Assert.Equal((true, 30), (stored.Maintenance.Enabled, stored.Maintenance.RetryAfterSeconds));
        Assert.Equal(["203.0.113.0/24", "::1"], stored.Maintenance.Allow);
    }

    [Fact]
    public async Task A_route_without_the_new_members_gets_no_rules_and_maintenance_off()
    {
        await Store.Pools.CreateAsync(new PoolSpec { Name = "plain-pool", Backends = [new BackendSpec { Address = "http://10.0.0.2" }] }, "tester");
        var created = await Store.Routes.CreateAsync(new RouteSpec { Name = "plain", Path = "/plain", Targets = [new TargetSpec { Pool = "plain-pool", Weight = 1 }], RequestHeaders = null!, Maintenance = null! }, "tester");
        Assert.True(created.Succeeded, created.Detail);

        var stored = (await Store.Routes.GetAsync("plain"))!;
        Assert.Empty(stored.RequestHeaders.Set);
        Assert.Empty(stored.ResponseHeaders.Remove);
        Assert.False(stored.Maintenance.Enabled);
        Assert.Equal(600, stored.Maintenance.RetryAfterSeconds);
    }

    [Fact]
    public async Task Error_pages_are_stored_whole_and_hold_their_route()
    {
        await Store.Pools.CreateAsync(new PoolSpec { Name = "pages-pool", Backends = [new BackendSpec { Address = "http://10.0.0.3" }] }, "tester");
        await Store.Routes.CreateAsync(new RouteSpec { Name = "paged", Path = "/paged", Targets = [new TargetSpec { Pool = "pages-pool", Weight = 1 }] }, "tester");
        var html = "<!doctype html>\r\n<p>Überlastet – {reason}</p>" + new string('x', 60 * 1024);

        var created = await Store.ErrorPages.CreateAsync(new ErrorPageSpec { Name = "paged-503", Status = 503, Route = " paged ", Html = html }, "tester");
        Assert.True(created.Succeeded, created.Detail);
        var stored = (await Store.ErrorPages.GetAsync("paged-503"))!;
        Assert.Equal((503, "paged", html), (stored.Status, stored.Route, stored.Html));

        var deleted = await Store.Routes.DeleteAsync("paged", "tester");
        Assert.Equal(StoreStatus.Conflict, deleted.Status);
        Assert.Contains("error page 'paged-503'", deleted.Detail, StringComparison.Ordinal);

        Assert.True((await Store.ErrorPages.DeleteAsync("paged-503", "tester")).Succeeded);
        Assert.True((await Store.Routes.DeleteAsync("paged", "tester")).Succeeded);
    }
}
