using Appliance.Data.Model;
using Appliance.Data.Store;

namespace Appliance.Data.Tests.Store;

/// <summary>A route's mirror through the store, on each provider: stored and read back as given, and it holds on to its pool.</summary>
public sealed class MirrorStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private ConfigStore Store => fixture.Store;

    [Fact]
    public async Task A_mirror_reads_back_as_saved_and_keeps_its_pool_from_being_deleted()
    {
        await Store.Pools.CreateAsync(new PoolSpec { Name = "mirror-web", Backends = [new BackendSpec { Address = "http://10.0.0.1" }] }, "t");
        await Store.Pools.CreateAsync(new PoolSpec { Name = "mirror-shadow", Backends = [new BackendSpec { Address = "http://10.0.0.2" }] }, "t");
        var route = new RouteSpec
        {
            Name = "mirrored",
            Path = "/mirrored",
            Targets = [new TargetSpec { Pool = "mirror-web", Weight = 1 }],
            Mirror = new MirrorSpec { Pool = " mirror-shadow ", Percent = 12.34m },
        };
        Assert.Equal(StoreStatus.Ok, (await Store.Routes.CreateAsync(route, "t")).Status);

        Assert.Equal(new MirrorSpec { Pool = "mirror-shadow", Percent = 12.34m }, (await Store.Routes.GetAsync("mirrored"))!.Mirror);
        var refused = await Store.Pools.DeleteAsync("mirror-shadow", "t");
        Assert.Equal(StoreStatus.Conflict, refused.Status);
        Assert.Contains("mirror of route 'mirrored'", refused.Detail, StringComparison.Ordinal);

        Assert.Equal(StoreStatus.Ok, (await Store.Routes.UpdateAsync("mirrored", route with { Mirror = null }, "t")).Status);
        Assert.Null((await Store.Routes.GetAsync("mirrored"))!.Mirror);
        Assert.Equal(StoreStatus.Ok, (await Store.Pools.DeleteAsync("mirror-shadow", "t")).Status);
    }
}
