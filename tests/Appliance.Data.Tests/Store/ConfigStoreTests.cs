using Appliance.Data.Auditing;
using Appliance.Data.Entities;
using Appliance.Data.Hosting;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Store;

public sealed class ConfigStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private ConfigStore Store => fixture.Store;

    private static PoolSpec Pool(string name, params string[] addresses) => new()
    {
        Name = name,
        Backends = addresses.Select(a => new BackendSpec { Address = a }).ToArray(),
    };

    private static RouteSpec Route(string name, params string[] pools) => new()
    {
        Name = name,
        Targets = pools.Select(p => new TargetSpec { Pool = p, Weight = 1 }).ToArray(),
    };

    [Fact]
    public async Task A_created_pool_reads_back_normalised_with_its_backends_in_order()
    {
        var result = await Store.Pools.CreateAsync(Pool("read-back", "http://B:80/", "http://a:8080"), "tester");
        Assert.Equal(StoreStatus.Ok, result.Status);

        var pool = await Store.Pools.GetAsync("read-back");
        Assert.Equal(["http://b", "http://a:8080"], pool!.Backends.Select(b => b.Address));
    }

    [Fact]
    public async Task Every_saved_change_bumps_the_revision_writes_an_audit_entry_and_signals_the_engine()
    {
        var signal = fixture.Services.GetRequiredService<ConfigChangeSignal>();
        while (await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None))
        {
        }

        var before = await Store.GetRevisionAsync();
        await Store.Pools.CreateAsync(Pool("audited", "http://10.0.0.1"), "alice");
        await Store.Pools.UpdateAsync("audited", Pool("audited", "http://10.0.0.2"), "bob");

        Assert.Equal(before + 2, await Store.GetRevisionAsync());
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        var entries = await fixture.Services.GetRequiredService<AuditLog>().GetLatestAsync(2);
        Assert.Equal(AuditAction.Update, entries[0].Action);
        Assert.Equal("bob", entries[0].Actor);
        Assert.Contains("10.0.0.1", entries[0].Before);
        Assert.Contains("10.0.0.2", entries[0].After);
        Assert.Equal(AuditAction.Create, entries[1].Action);
        Assert.Null(entries[1].Before);
    }

    [Fact]
    public async Task A_refused_change_saves_nothing()
    {
        var revision = await Store.GetRevisionAsync();
        var latestAudit = (await fixture.Services.GetRequiredService<AuditLog>().GetLatestAsync(1)).FirstOrDefault()?.Id;

        Assert.Equal(StoreStatus.Invalid, (await Store.Pools.CreateAsync(Pool("bad", "not-a-url"), "t")).Status);
        Assert.Equal(StoreStatus.Invalid, (await Store.Routes.CreateAsync(Route("bad", "missing"), "t")).Status);
        Assert.Equal(StoreStatus.NotFound, (await Store.Pools.UpdateAsync("missing", Pool("missing"), "t")).Status);

        Assert.Equal(revision, await Store.GetRevisionAsync());
        Assert.Equal(latestAudit, (await fixture.Services.GetRequiredService<AuditLog>().GetLatestAsync(1)).FirstOrDefault()?.Id);
        Assert.Null(await Store.Pools.GetAsync("bad"));
    }

    [Fact]
    public async Task A_pool_in_use_cannot_be_deleted_until_no_route_targets_it()
    {
        await Store.Pools.CreateAsync(Pool("used"), "t");
        await Store.Routes.CreateAsync(Route("user-1", "used"), "t");
        await Store.Routes.CreateAsync(Route("user-2", "used"), "t");

        var refused = await Store.Pools.DeleteAsync("used", "t");
        Assert.Equal(StoreStatus.Conflict, refused.Status);
        Assert.Contains("'user-1', 'user-2'", refused.Detail);

        await Store.Routes.DeleteAsync("user-1", "t");
        await Store.Routes.DeleteAsync("user-2", "t");
        Assert.Equal(StoreStatus.Ok, (await Store.Pools.DeleteAsync("used", "t")).Status);
    }

    [Fact]
    public async Task Editing_a_pool_keeps_backends_matched_by_address()
    {
        await Store.Pools.CreateAsync(Pool("edit", "http://10.0.0.1", "http://10.0.0.2"), "t");
        var updated = Pool("edit", "http://10.0.0.2", "http://10.0.0.3") with
        {
            Backends = [new BackendSpec { Address = "http://10.0.0.2", Weight = 9, Enabled = false }, new BackendSpec { Address = "http://10.0.0.3" }],
        };
        Assert.Equal(StoreStatus.Ok, (await Store.Pools.UpdateAsync("edit", updated, "t")).Status);

        var pool = await Store.Pools.GetAsync("edit");
        Assert.Equal(updated.Backends, pool!.Backends);
    }

    [Fact]
    public async Task Import_replaces_everything_at_once_and_a_bad_document_changes_nothing()
    {
        await Store.Pools.CreateAsync(Pool("before-import", "http://10.0.0.1"), "t");
        var document = new ConfigDocument
        {
            Pools = [Pool("imported", "http://10.1.0.1"), Pool("imported-2", "http://10.1.0.2")],
            Routes = [Route("imported", "imported", "imported-2")],
        };

        Assert.Equal(StoreStatus.Ok, (await Store.ImportAsync(document, "t")).Status);
        var exported = await Store.ExportAsync();
        Assert.Equal(["imported", "imported-2"], exported.Pools.Select(p => p.Name));
        Assert.Equal("imported-2", exported.Routes.Single().Targets[1].Pool);

        var revision = await Store.GetRevisionAsync();
        var bad = document with { Routes = [Route("broken", "nowhere")] };
        var refused = await Store.ImportAsync(bad, "t");
        Assert.Equal(StoreStatus.Invalid, refused.Status);
        Assert.Contains("routes[0].targets[0].pool", refused.Errors.Keys);
        Assert.Equal(revision, await Store.GetRevisionAsync());
        Assert.Equal(ConfigJson.Serialize(exported), ConfigJson.Serialize(await Store.ExportAsync()));
    }

    [Fact]
    public void The_database_lives_in_an_owner_only_data_directory()
    {
        var directory = fixture.Services.GetRequiredService<DataDirectory>();

        // On PostgreSQL the state is on the server: no SQLite file appears beside the other state.
        Assert.Equal(!StoreFixture.OnPostgres, File.Exists(directory.DatabasePath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory.FullPath));
            if (!StoreFixture.OnPostgres)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(directory.DatabasePath));
            }
        }
    }

    [Fact]
    public async Task Concurrent_writers_are_serialised_and_every_change_lands()
    {
        var revision = await Store.GetRevisionAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Store.Pools.CreateAsync(Pool($"parallel-{i}", $"http://10.2.0.{i}"), "t")));
        Assert.All(results, r => Assert.Equal(StoreStatus.Ok, r.Status));
        Assert.Equal(revision + 20, await Store.GetRevisionAsync());
    }
}
