using Appliance.Data.Auditing;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Store;

/// <summary>Name conflicts and references are answered inside the store's transaction, whoever writes at the same time.</summary>
public sealed class WritePathTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private ConfigStore Store => fixture.Store;

    private static RouteSpec RouteTo(string name, string pool, string? accessList = null) =>
        new() { Name = name, Targets = [new TargetSpec { Pool = pool }], AccessList = accessList };

    [Fact]
    public async Task Of_two_concurrent_creates_of_one_name_exactly_one_is_saved_and_the_other_is_a_conflict()
    {
        for (var i = 0; i < 10; i++)
        {
            var lists = await Task.WhenAll(
                Task.Run(() => Store.AccessLists.CreateAsync(new AccessListSpec { Name = $"race-{i}", DefaultAction = AccessActions.Allow }, "one")),
                Task.Run(() => Store.AccessLists.CreateAsync(new AccessListSpec { Name = $"race-{i}", DefaultAction = AccessActions.Deny }, "two")));
            Assert.Equal([StoreStatus.Ok, StoreStatus.Conflict], lists.Select(r => r.Status).Order());

            var limits = await Task.WhenAll(
                Task.Run(() => Store.RateLimits.CreateAsync(new RateLimitSpec { Name = $"race-{i}", Permits = 1 }, "one")),
                Task.Run(() => Store.RateLimits.CreateAsync(new RateLimitSpec { Name = $"race-{i}", Permits = 2 }, "two")));
            Assert.Equal([StoreStatus.Ok, StoreStatus.Conflict], limits.Select(r => r.Status).Order());
        }
    }

    [Fact]
    public async Task Access_lists_and_rate_limits_are_created_and_replaced_with_the_stores_answers()
    {
        Assert.Equal(StoreStatus.Ok, (await Store.AccessLists.CreateAsync(new AccessListSpec { Name = "answers" }, "t")).Status);
        var taken = await Store.AccessLists.CreateAsync(new AccessListSpec { Name = " answers " }, "t");
        Assert.Equal(StoreStatus.Conflict, taken.Status);
        Assert.Equal("An access list named 'answers' already exists.", taken.Detail);

        var missing = await Store.RateLimits.UpdateAsync("no-such-limit", new RateLimitSpec(), "t");
        Assert.Equal(StoreStatus.NotFound, missing.Status);
        Assert.Equal("There is no rate limit named 'no-such-limit'.", missing.Detail);
    }

    [Fact]
    public async Task A_route_that_names_an_access_list_deleted_in_between_is_refused()
    {
        await Store.Pools.CreateAsync(new PoolSpec { Name = "between" }, "t");
        await Store.AccessLists.CreateAsync(new AccessListSpec { Name = "deleted-between" }, "t");
        var route = RouteTo("between", "between", "deleted-between");
        await Store.AccessLists.DeleteAsync("deleted-between", "t");

        var refused = await Store.Routes.CreateAsync(route, "t");

        Assert.Equal(StoreStatus.Invalid, refused.Status);
        Assert.Equal("There is no access list named 'deleted-between'.", Assert.Single(refused.Errors["accessList"]));
        Assert.Null(await Store.Routes.GetAsync("between"));
    }

    [Fact]
    public async Task A_delete_and_a_create_that_refers_to_it_never_both_succeed()
    {
        await Store.Pools.CreateAsync(new PoolSpec { Name = "contested" }, "t");
        for (var i = 0; i < 10; i++)
        {
            await Store.AccessLists.CreateAsync(new AccessListSpec { Name = $"contested-{i}" }, "t");
            var name = $"contested-{i}";
            var deleted = Task.Run(async () => (await Store.AccessLists.DeleteAsync(name, "t")).Status);
            var created = Task.Run(async () => (await Store.Routes.CreateAsync(RouteTo(name, "contested", name), "t")).Status);
            var (delete, create) = (await deleted, await created);

            // Either the list went first and the route was refused, or the route went first and the list is in use.
            Assert.True(
                (delete, create) is (StoreStatus.Ok, StoreStatus.Invalid) or (StoreStatus.Conflict, StoreStatus.Ok),
                $"delete {delete}, create {create}");
        }

        var document = await Store.ExportAsync();
        Assert.All(document.Routes.Where(r => r.AccessList is not null), r => Assert.Contains(document.AccessLists, l => l.Name == r.AccessList));
    }

    [Fact]
    public async Task Basic_auth_passwords_stay_write_only_through_saves_and_the_audit_trail()
    {
        var first = await Store.AccessLists.CreateAsync(new AccessListSpec { Name = "staff", BasicAuthUsers = [new BasicAuthUserSpec { User = "ops", Password = "correct horse battery" }] }, "t");
        Assert.Equal(StoreStatus.Ok, first.Status);
        var hash = (await Store.AccessLists.GetAsync("staff"))!.BasicAuthUsers.Single().PasswordHash;
        Assert.NotNull(hash);

        // A user sent without a password keeps the stored hash; a new user without one is refused.
        Assert.Equal(StoreStatus.Ok, (await Store.AccessLists.UpdateAsync("staff", new AccessListSpec { BasicAuthUsers = [new BasicAuthUserSpec { User = "ops" }] }, "t")).Status);
        Assert.Equal(hash, (await Store.AccessLists.GetAsync("staff"))!.BasicAuthUsers.Single().PasswordHash);
        var newUser = await Store.AccessLists.UpdateAsync("staff", new AccessListSpec { Name = "staff", BasicAuthUsers = [new BasicAuthUserSpec { User = "new" }] }, "t");
        Assert.Equal(StoreStatus.Invalid, newUser.Status);
        Assert.Contains("basicAuthUsers[0].password", newUser.Errors.Keys);

        var entries = await fixture.Services.GetRequiredService<AuditLog>().GetLatestAsync(10);
        Assert.All(entries.Where(e => e.EntityName == "staff"), e =>
        {
            Assert.DoesNotContain(hash!, (e.Before ?? "") + e.After, StringComparison.Ordinal);
            Assert.DoesNotContain("correct horse", (e.Before ?? "") + e.After, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_import_that_drops_a_pool_and_its_route_and_adds_others_lands_whole_and_keeps_matching_rows()
    {
        await Store.Pools.CreateAsync(new PoolSpec { Name = "dropped", Backends = [new BackendSpec { Address = "http://10.3.0.1" }] }, "t");
        await Store.Pools.CreateAsync(new PoolSpec { Name = "kept", Backends = [new BackendSpec { Address = "http://10.3.0.2" }] }, "t");
        await Store.Routes.CreateAsync(RouteTo("dropped", "dropped"), "t");
        var keptBackend = await BackendIdAsync("http://10.3.0.2");

        var document = new ConfigDocument
        {
            Pools = [new PoolSpec { Name = "kept", Backends = [new BackendSpec { Address = "http://10.3.0.2", Weight = 5 }] }, new PoolSpec { Name = "added" }],
            Routes = [RouteTo("added", "added", "imported"), RouteTo("kept", "kept")],
            AccessLists = [new AccessListSpec { Name = "imported" }],
        };
        Assert.Equal(StoreStatus.Ok, (await Store.ImportAsync(document, "t")).Status);

        var exported = await Store.ExportAsync();
        Assert.Equal(["added", "kept"], exported.Pools.Select(p => p.Name));
        Assert.Equal(["added", "kept"], exported.Routes.Select(r => r.Name));
        Assert.Equal("added", exported.Routes[0].Targets.Single().Pool);
        Assert.Equal(5, exported.Pools[1].Backends.Single().Weight);
        Assert.Equal(keptBackend, await BackendIdAsync("http://10.3.0.2"));
    }

    private async Task<int> BackendIdAsync(string address)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>().CreateDbContextAsync();
        return await db.Backends.Where(b => b.Address == address).Select(b => b.Id).SingleAsync();
    }
}
