using Appliance.Data.Counters;
using Appliance.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Appliance.Web.Tests.Cluster;

/// <summary>The scripts behind the shared counters, against a real Redis: what they count, and that every key they write expires.</summary>
public sealed class SharedCountersTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private const string Prefix = "unit:";

    private SharedCounterStatus _status = null!;
    private RedisConnection _connection = null!;
    private SharedCounters _counters = null!;
    private ConnectionMultiplexer _inspector = null!;

    private IDatabase Raw => _inspector.GetDatabase();

    public async Task InitializeAsync()
    {
        // The scripts are under test here, not the timeout: a loaded CI machine once took over 500 ms
        // for one answer, which read as a fallback (null).
        var options = new RedisOptions { Configuration = redis.Configuration, KeyPrefix = Prefix, TimeoutMilliseconds = 2_000, RetrySeconds = 1 };
        var status = _status = new SharedCounterStatus(TimeProvider.System, configured: true);
        _connection = new RedisConnection(options, status, NullLogger<RedisConnection>.Instance);
        await _connection.StartAsync(CancellationToken.None);
        _counters = new SharedCounters(_connection, status, options, TimeProvider.System, NullLogger<SharedCounters>.Instance);
        await Eventually.TrueAsync(() => status.IsUp, TimeSpan.FromSeconds(15), "the connection to Redis");
        _inspector = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
    }

    public async Task DisposeAsync()
    {
        await _inspector.DisposeAsync();
        await _connection.StopAsync(CancellationToken.None);
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task A_bucket_gives_its_burst_then_refuses_with_the_time_until_the_next_token_and_expires_when_it_would_be_full()
    {
        var bucket = "bucket:" + Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(true, (await _counters.TakeTokenAsync(bucket, tokensPerSecond: 1.0 / 20, burst: 3))?.Taken);
        }

        var refused = await _counters.TakeTokenAsync(bucket, tokensPerSecond: 1.0 / 20, burst: 3);
        Assert.Equal(false, refused?.Taken);
        Assert.InRange(refused!.Value.RetryAfter.TotalSeconds, 15, 20);

        // Three tokens at one per 20 s are back after 60 s; the key goes a second after that.
        var ttl = await Raw.KeyTimeToLiveAsync(Prefix + bucket);
        Assert.InRange(ttl!.Value.TotalSeconds, 55, 61);
    }

    [Fact]
    public async Task Past_the_tracked_addresses_newcomers_share_one_overflow_bucket_in_Redis_too()
    {
        var limiter = new Appliance.Engine.Security.Shield.RateLimiter(TimeProvider.System, _counters);
        var plan = new Appliance.Engine.Security.Shield.RateLimitPlan("overflow-" + Guid.NewGuid().ToString("N"), 100, 1_000, 0);

        // Fill this node's table with addresses (locally: no Redis traffic for them).
        for (var i = 0; i < Appliance.Engine.Security.Shield.RateLimiter.MaxTracked; i++)
        {
            var bytes = BitConverter.GetBytes(i);
            limiter.TryAcquire(plan, new System.Net.IPAddress(new byte[] { 10, bytes[2], bytes[1], bytes[0] }), out _, out _);
        }

        // An address-rotating flood past that: every newcomer takes from one shared bucket.
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await limiter.AcquireAsync(plan, System.Net.IPAddress.Parse($"2001:db8::{i + 1}"))).Allowed);
        }

        Assert.True(await Raw.KeyExistsAsync(Prefix + "rl:" + plan.Name + ":overflow"));
        Assert.False(await Raw.KeyExistsAsync(Prefix + "rl:" + plan.Name + ":2001:db8::1"));
    }

    [Fact]
    public async Task A_bucket_refills_at_its_rate()
    {
        var bucket = "bucket:" + Guid.NewGuid();
        Assert.Equal(true, (await _counters.TakeTokenAsync(bucket, tokensPerSecond: 0.5, burst: 1))?.Taken);
        Assert.Equal(false, (await _counters.TakeTokenAsync(bucket, tokensPerSecond: 0.5, burst: 1))?.Taken);

        // A token every 2 s (long enough that the refusal above holds on a loaded machine): it comes back.
        await Eventually.TrueAsync(async () => (await _counters.TakeTokenAsync(bucket, tokensPerSecond: 0.5, burst: 1))?.Taken == true, TimeSpan.FromSeconds(10), "a token to come back");
    }

    [Fact]
    public async Task Many_takes_at_once_never_give_more_than_the_burst()
    {
        var bucket = "bucket:" + Guid.NewGuid();
        var takes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _counters.TakeTokenAsync(bucket, tokensPerSecond: 0.001, burst: 10).AsTask()));

        Assert.Equal(10, takes.Count(t => t?.Taken == true));
    }

    [Fact]
    public async Task A_fixed_window_keeps_its_first_expiry_a_sliding_one_restarts_it()
    {
        var fixedKey = "fixed:" + Guid.NewGuid();
        var slidingKey = "sliding:" + Guid.NewGuid();
        Assert.Equal(1, await _counters.IncrementAsync(fixedKey, TimeSpan.FromSeconds(60), sliding: false));
        Assert.Equal(1, await _counters.IncrementAsync(slidingKey, TimeSpan.FromSeconds(60), sliding: true));
        await Raw.KeyExpireAsync(Prefix + fixedKey, TimeSpan.FromSeconds(10));
        await Raw.KeyExpireAsync(Prefix + slidingKey, TimeSpan.FromSeconds(10));

        Assert.Equal(2, await _counters.IncrementAsync(fixedKey, TimeSpan.FromSeconds(60), sliding: false));
        Assert.Equal(2, await _counters.IncrementAsync(slidingKey, TimeSpan.FromSeconds(60), sliding: true));

        Assert.InRange((await Raw.KeyTimeToLiveAsync(Prefix + fixedKey))!.Value.TotalSeconds, 1, 10);
        Assert.InRange((await Raw.KeyTimeToLiveAsync(Prefix + slidingKey))!.Value.TotalSeconds, 50, 60);
        Assert.Equal(2, await _counters.ReadAsync(fixedKey));
    }

    [Fact]
    public async Task A_count_taken_back_never_goes_below_zero_and_its_key_goes_at_zero()
    {
        var key = "count:" + Guid.NewGuid();
        await _counters.IncrementAsync(key, TimeSpan.FromMinutes(1), sliding: true);
        await _counters.IncrementAsync(key, TimeSpan.FromMinutes(1), sliding: true);

        Assert.Equal(1, await _counters.DecrementAsync(key));
        Assert.Equal(0, await _counters.DecrementAsync(key));
        Assert.Equal(0, await _counters.DecrementAsync(key));
        Assert.False(await Raw.KeyExistsAsync(Prefix + key));
        Assert.Equal(0, await _counters.ReadAsync(key));
    }

    [Fact]
    public async Task A_flag_is_raised_for_its_time_a_shorter_one_does_not_shorten_it_and_it_can_be_deleted()
    {
        var flag = "flag:" + Guid.NewGuid();
        Assert.Equal(TimeSpan.Zero, await _counters.TimeLeftAsync(flag));

        await _counters.RaiseAsync(flag, TimeSpan.FromMinutes(5));
        var shorter = await _counters.RaiseAsync(flag, TimeSpan.FromSeconds(1));
        Assert.InRange(shorter!.Value.TotalSeconds, 290, 300);
        Assert.InRange((await _counters.TimeLeftAsync(flag))!.Value.TotalSeconds, 290, 300);

        Assert.Equal(true, await _counters.DeleteAsync(flag));
        Assert.Equal(TimeSpan.Zero, await _counters.TimeLeftAsync(flag));
    }

    [Fact]
    public async Task A_silent_Redis_costs_one_timeout_then_is_left_alone_and_is_used_again_when_it_answers()
    {
        var bucket = "bucket:" + Guid.NewGuid();
        await redis.PauseAsync();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Assert.Null(await _counters.TakeTokenAsync(bucket, 1, 1));
            Assert.InRange(clock.Elapsed.TotalSeconds, 0, 4);
            Assert.False(_status.IsUp);

            // The circuit is open: no wait at all, Redis is not asked.
            clock.Restart();
            Assert.Null(await _counters.TakeTokenAsync(bucket, 1, 1));
            // Far below Redis's 2 s timeout, with room for a GC pause on a loaded runner.
            Assert.InRange(clock.Elapsed.TotalMilliseconds, 0, 500);
        }
        finally
        {
            await redis.ResumeAsync();
        }

        await Eventually.TrueAsync(async () => await _counters.TakeTokenAsync(bucket, 1, 1) is not null, TimeSpan.FromSeconds(10), "Redis to be used again");
        Assert.True(_status.IsUp);
        Assert.True(_status.Fallbacks >= 2);
    }

    [Fact]
    public async Task Without_Redis_configured_every_answer_is_null_and_nothing_is_tried()
    {
        var counters = SharedCounters.PerNode;

        Assert.False(counters.IsEnabled);
        Assert.Null(await counters.TakeTokenAsync("bucket", 1, 1));
        Assert.Null(await counters.IncrementAsync("count", TimeSpan.FromSeconds(1), sliding: false));
    }
}
