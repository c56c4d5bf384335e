using Appliance.Data.Cluster;
using Appliance.Data.Tests.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Cluster;

/// <summary>Leases on the provider under test: one holder at a time, expiry, and only the owner renews or releases.</summary>
public sealed class LeaseStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);

    private LeaseStore Leases => fixture.Services.GetRequiredService<LeaseStore>();

    [Fact]
    public async Task A_free_lease_is_acquired_and_a_held_one_refused_to_others()
    {
        Assert.True(await Leases.TryAcquireAsync("free", "node-a", Ttl));
        Assert.False(await Leases.TryAcquireAsync("free", "node-b", Ttl));
        Assert.Equal("node-a", (await Leases.GetHolderAsync("free"))!.Owner);
    }

    [Fact]
    public async Task The_holder_acquires_again_and_extends_it()
    {
        Assert.True(await Leases.TryAcquireAsync("again", "node-a", Ttl));
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await Leases.TryAcquireAsync("again", "node-a", Ttl));
        Assert.Equal(fixture.Clock.GetUtcNow() + Ttl, (await Leases.GetHolderAsync("again"))!.ExpiresAt);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over()
    {
        Assert.True(await Leases.TryAcquireAsync("lapsing", "node-a", Ttl));
        fixture.Clock.Advance(Ttl);
        Assert.Null(await Leases.GetHolderAsync("lapsing"));
        Assert.True(await Leases.TryAcquireAsync("lapsing", "node-b", Ttl));
        Assert.False(await Leases.TryAcquireAsync("lapsing", "node-a", Ttl));

        // The old holder learns it lost the lease when it tries to renew.
        Assert.False(await Leases.RenewAsync("lapsing", "node-a", Ttl));
    }

    [Fact]
    public async Task Only_the_owner_renews()
    {
        Assert.True(await Leases.TryAcquireAsync("renewed", "node-a", Ttl));
        fixture.Clock.Advance(TimeSpan.FromSeconds(50));
        Assert.False(await Leases.RenewAsync("renewed", "node-b", Ttl));
        Assert.True(await Leases.RenewAsync("renewed", "node-a", Ttl));

        // Renewed: past the first expiry it is still held.
        fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(await Leases.TryAcquireAsync("renewed", "node-b", Ttl));
    }

    [Fact]
    public async Task Only_the_owner_releases_and_a_released_lease_is_free()
    {
        Assert.True(await Leases.TryAcquireAsync("released", "node-a", Ttl));
        Assert.False(await Leases.ReleaseAsync("released", "node-b"));
        Assert.False(await Leases.TryAcquireAsync("released", "node-b", Ttl));
        Assert.True(await Leases.ReleaseAsync("released", "node-a"));
        Assert.True(await Leases.TryAcquireAsync("released", "node-b", Ttl));
    }

    [Fact]
    public async Task Of_many_concurrent_acquirers_exactly_one_wins()
    {
        // A never-held lease (the insert race) and a lapsed one (the update race).
        foreach (var name in new[] { "contested-new", "contested-lapsed" })
        {
            if (name == "contested-lapsed")
            {
                Assert.True(await Leases.TryAcquireAsync(name, "old-holder", Ttl));
                fixture.Clock.Advance(Ttl);
            }

            using var start = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, 12)
                .Select(i => Task.Run(async () =>
                {
                    start.Wait();
                    return await Leases.TryAcquireAsync(name, $"node-{i}", Ttl);
                }))
                .ToArray();
            start.Set();
            var won = await Task.WhenAll(attempts);
            Assert.Equal(1, won.Count(w => w));
        }
    }
}
