using Appliance.Data.History;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Tests.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.History;

/// <summary>A history bounded to three revisions: older documents go in the write that passes the bound, the numbers go on.</summary>
public sealed class HistoryRetentionTests(HistoryRetentionTests.ThreeRevisions fixture) : IClassFixture<HistoryRetentionTests.ThreeRevisions>
{
    public sealed class ThreeRevisions : StoreFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [HistoryOptions.MaxRevisionsKey] = "3" };
    }

    [Fact]
    public async Task Documents_beyond_the_bound_are_pruned_and_say_so()
    {
        var history = fixture.Services.GetRequiredService<ConfigHistory>();
        var numbers = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await fixture.Store.Pools.CreateAsync(new PoolSpec { Name = $"bounded-{i}" }, "t")).Succeeded);
            numbers.Add(await fixture.Store.GetRevisionAsync());
        }

        Assert.Equal(Enumerable.Range((int)numbers[0], 5).Select(n => (long)n), numbers);
        Assert.Equal(numbers[^3..].AsEnumerable().Reverse(), (await history.ListAsync(take: 100)).Select(r => r.Number));

        var pruned = await history.GetAsync(numbers[1]);
        Assert.Equal(StoreStatus.NotFound, pruned.Status);
        Assert.Equal($"Revision {numbers[1]} is no longer kept: the history keeps the last 3 revisions, and the oldest kept is {numbers[2]}.", pruned.Detail);
        Assert.Equal(StoreStatus.NotFound, (await history.RestoreAsync(numbers[0], "t")).Status);
        Assert.Equal(StoreStatus.NotFound, (await history.DiffAsync(numbers[0], numbers[4])).Status);
        Assert.True((await history.GetAsync(numbers[2])).Succeeded);
    }
}
