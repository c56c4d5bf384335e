using Appliance.Data.Model;
using Appliance.Data.Store;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>A route for the maintenance switch's tests, on a pool of its own, with fields the switch must leave alone.</summary>
internal static class MaintenanceRoutes
{
    public static async Task<RouteSpec> CreateAsync(ConfigStore store, bool enabled = false)
    {
        var pool = $"maint-{Guid.NewGuid():N}"[..20];
        Assert.True((await store.Pools.CreateAsync(new PoolSpec { Name = pool, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test")).Succeeded);
        var name = $"site-{Guid.NewGuid():N}"[..20];
        var route = new RouteSpec
        {
            Name = name,
            Path = "/" + name,
            Targets = [new TargetSpec { Pool = pool, Weight = 1 }],
            RequestHeaders = new HeaderRulesSpec { Set = new Dictionary<string, string> { ["X-Env"] = "prod" } },
            Maintenance = new MaintenanceSpec { Enabled = enabled, Allow = ["203.0.113.0/24"] },
        };
        var created = await store.Routes.CreateAsync(route, "test");
        Assert.True(created.Succeeded, created.Detail);
        return created.Value!;
    }
}
