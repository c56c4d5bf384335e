using Appliance.Data.History;
using Appliance.Data.Model;
using Appliance.Data.Tests.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Appliance.Data.Tests.History;

/// <summary>The first start after the upgrade that brought the history keeps the configuration it finds, so the next change can be undone.</summary>
public sealed class HistoryStartKeeperTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task The_current_revision_made_before_the_history_is_kept_once_and_can_be_restored()
    {
        Assert.True((await fixture.Store.Pools.CreateAsync(new PoolSpec { Name = "from-before" }, "t")).Succeeded);
        var found = await fixture.Store.GetRevisionAsync();
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>().CreateDbContextAsync())
        {
            // As a database migrated from before the history: revisions, and none of them kept.
            await db.History.ExecuteDeleteAsync();
        }

        var keeper = fixture.Services.GetServices<IHostedService>().OfType<HistoryStartKeeper>().Single();
        await keeper.StartAsync(CancellationToken.None);
        await keeper.StartAsync(CancellationToken.None);

        var history = fixture.Services.GetRequiredService<ConfigHistory>();
        var kept = (await history.ListAsync()).Single();
        Assert.Equal((found, HistoryStartKeeper.Summary), (kept.Number, kept.Summary));
        Assert.True((await fixture.Store.Pools.DeleteAsync("from-before", "t")).Succeeded);
        Assert.True((await history.RestoreAsync(found, "t")).Succeeded);
        Assert.NotNull(await fixture.Store.Pools.GetAsync("from-before"));
    }
}
