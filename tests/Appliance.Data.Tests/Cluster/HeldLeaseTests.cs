using Appliance.Data.Cluster;
using Appliance.Data.Tests.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Cluster;

/// <summary>A lease held while work runs: renewed before it lapses, reported lost when another node took it, released at the end.</summary>
public sealed class HeldLeaseTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);

    private LeaseStore Leases => fixture.Services.GetRequiredService<LeaseStore>();

    [Fact]
    public async Task Work_that_outlasts_the_lease_keeps_it_and_the_end_releases_it()
    {
        await using (var held = await HeldLease.TryTakeAsync(Leases, "long-work", "node-a", Ttl, fixture.Clock, CancellationToken.None))
        {
            Assert.NotNull(held);
            var firstExpiry = (await Leases.GetHolderAsync("long-work"))!.ExpiresAt;

            // Time passes two seconds per look, so a renewal scheduled late is still reached, until
            // the lease has lived past its first expiry.
            var expiry = firstExpiry;
            while (fixture.Clock.GetUtcNow() <= firstExpiry)
            {
                var before = expiry;
                await UntilAsync(
                    async () =>
                    {
                        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
                        expiry = (await Leases.GetHolderAsync("long-work"))?.ExpiresAt ?? default;
                        return expiry > before;
                    },
                    "a renewal");
            }

            Assert.False(await Leases.TryAcquireAsync("long-work", "node-b", Ttl));
            Assert.False(held.Lost.IsCancellationRequested);
        }

        Assert.True(await Leases.TryAcquireAsync("long-work", "node-b", Ttl));
    }

    [Fact]
    public async Task A_lease_another_node_took_over_is_reported_lost_and_left_to_it()
    {
        var held = await HeldLease.TryTakeAsync(Leases, "taken-over", "node-a", Ttl, fixture.Clock, CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await HeldLease.TryTakeAsync(Leases, "taken-over", "node-b", Ttl, fixture.Clock, CancellationToken.None));

        // As after node-a was cut off for longer than the lease lives: node-b holds it now.
        await Leases.ReleaseAsync("taken-over", "node-a");
        Assert.True(await Leases.TryAcquireAsync("taken-over", "node-b", Ttl));
        await UntilAsync(
            () =>
            {
                fixture.Clock.Advance(TimeSpan.FromSeconds(1));
                return Task.FromResult(held.Lost.IsCancellationRequested);
            },
            "the lease to be reported lost");

        await held.DisposeAsync();
        Assert.Equal("node-b", (await Leases.GetHolderAsync("taken-over"))!.Owner);
    }

    [Fact]
    public async Task A_node_cut_off_from_the_database_stops_its_work_before_its_lease_can_lapse()
    {
        var contexts = new SwitchableContexts(fixture.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>());
        var leases = new LeaseStore(contexts, fixture.Clock);
        var held = await HeldLease.TryTakeAsync(leases, "cut-off", "node-a", Ttl, fixture.Clock, CancellationToken.None);
        Assert.NotNull(held);
        var expiry = (await Leases.GetHolderAsync("cut-off"))!.ExpiresAt;

        // Every renewal fails from now on; the work is told to stop while the lease is still its own.
        contexts.Down = true;
        await UntilAsync(
            () =>
            {
                fixture.Clock.Advance(TimeSpan.FromSeconds(2));
                return Task.FromResult(held.Lost.IsCancellationRequested);
            },
            "the work to be stopped");
        Assert.True(fixture.Clock.GetUtcNow() < expiry, "stopped only after the lease could have been taken over");

        contexts.Down = false;
        await held.DisposeAsync();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    // The database as a node cut off from it sees it: every new context fails while Down.
    private sealed class SwitchableContexts(IDbContextFactory<ApplianceDbContext> inner) : IDbContextFactory<ApplianceDbContext>
    {
        public volatile bool Down;

        public ApplianceDbContext CreateDbContext() => Down ? throw new InvalidOperationException("The database is away.") : inner.CreateDbContext();

        public Task<ApplianceDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            Down ? throw new InvalidOperationException("The database is away.") : inner.CreateDbContextAsync(cancellationToken);
    }
}
