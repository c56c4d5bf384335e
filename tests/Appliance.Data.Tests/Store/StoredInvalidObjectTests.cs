using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Store;

/// <summary>
/// An object stored before a rule was tightened: the whole document is validated on every change,
/// but only what a change brings is held against it. Its own fixture, so no other test sees the row.
/// </summary>
public sealed class StoredInvalidObjectTests(StoreFixture fixture) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>().CreateDbContextAsync();
        if (!await db.CacheRules.AnyAsync(r => r.Name == "legacy"))
        {
            // "static" is neither a path prefix nor a glob: refused today, stored before the rule existed.
            db.CacheRules.Add(new CacheRuleEntity { Name = "legacy", Match = "static", Mode = CacheModes.FollowOrigin, DefaultTtlSeconds = 300, MaxObjectBytes = 1024 });
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task It_does_not_block_an_unrelated_change() =>
        Assert.Equal(StoreStatus.Ok, (await fixture.Store.Pools.CreateAsync(new PoolSpec { Name = "unrelated" }, "t")).Status);

    [Fact]
    public async Task Changing_it_means_fixing_it()
    {
        var legacy = (await fixture.Store.CacheRules.ListAsync()).Single(r => r.Name == "legacy");

        var unfixed = await fixture.Store.CacheRules.UpdateAsync("legacy", legacy with { DefaultTtlSeconds = 60 }, "t");
        Assert.Equal(StoreStatus.Invalid, unfixed.Status);
        Assert.Equal(["match"], unfixed.Errors.Keys);

        Assert.Equal(StoreStatus.Ok, (await fixture.Store.CacheRules.UpdateAsync("legacy", legacy with { Match = "/static" }, "t")).Status);
    }
}
