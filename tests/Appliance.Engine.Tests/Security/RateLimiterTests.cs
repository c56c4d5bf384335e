using System.Net;
using Appliance.Engine.Security.Shield;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Security;

public sealed class RateLimiterTests
{
    [Fact]
    public void A_bucket_gives_its_burst_then_refills_at_the_rate()
    {
        var clock = new FakeTimeProvider();
        var limiter = new RateLimiter(clock);
        var plan = new RateLimitPlan("p", TokensPerSecond: 2, Burst: 3, MaxConcurrent: 0);
        var client = IPAddress.Parse("198.51.100.1");

        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.TryAcquire(plan, client, out _, out _));
        }

        Assert.False(limiter.TryAcquire(plan, client, out var retryAfter, out var concurrency));
        Assert.False(concurrency);
        Assert.Equal(TimeSpan.FromSeconds(0.5), retryAfter);
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True(limiter.TryAcquire(plan, client, out _, out _));
    }

    [Fact]
    public void A_flood_from_distinct_addresses_does_not_grow_tracking_without_bound()
    {
        var clock = new FakeTimeProvider();
        var limiter = new RateLimiter(clock);
        var plan = new RateLimitPlan("flood", TokensPerSecond: 1, Burst: 1, MaxConcurrent: 0);

        for (var i = 0; i < RateLimiter.MaxTracked + 50_000; i++)
        {
            var address = new IPAddress(BitConverter.GetBytes(0x0A000000 + i));
            if (limiter.TryAcquire(plan, address, out _, out _))
            {
                limiter.Release(plan, address);
            }
        }

        Assert.True(limiter.Tracked <= RateLimiter.MaxTracked + 1, $"{limiter.Tracked} addresses tracked.");

        // Idle, refilled buckets are swept.
        clock.Advance(TimeSpan.FromSeconds(10));
        limiter.TryAcquire(plan, IPAddress.Parse("192.0.2.1"), out _, out _);
        Assert.True(limiter.Tracked < 10, $"{limiter.Tracked} addresses still tracked after the sweep.");
    }
}
