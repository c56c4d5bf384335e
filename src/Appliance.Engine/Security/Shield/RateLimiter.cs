using System.Collections.Concurrent;
using System.Net;
using Appliance.Data.Counters;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// Token buckets and in-flight counts per (rate limit, client address). Tracking is bounded: past
/// <see cref="MaxTracked"/> addresses per limit, new ones share one overflow bucket (a flood from
/// millions of spoofed addresses is limited together instead of growing memory), and idle full
/// buckets are swept out. With Redis configured (<see cref="SharedCounters"/>) the tokens come from
/// one bucket per (limit, address) that every node shares; the in-flight cap stays per node (a
/// count of requests this node is serving, which a crashed node could never give back if it were
/// shared). When Redis cannot answer at once, this node's own bucket decides.
/// </summary>
public sealed class RateLimiter(TimeProvider time, SharedCounters shared)
{
    /// <summary>Addresses tracked per limit before newcomers share the overflow bucket.</summary>
    public const int MaxTracked = 100_000;

    private static readonly IPAddress Overflow = IPAddress.IPv6None;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<IPAddress, Bucket>> _limits = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// <summary>A limiter of this node alone.</summary>
    public RateLimiter(TimeProvider time)
        : this(time, SharedCounters.PerNode)
    {
    }

    /// <summary>Addresses tracked now, all limits together (for tests and metrics).</summary>
    public int Tracked => _limits.Values.Sum(l => l.Count);

    /// <summary>
    /// Takes a token and an in-flight slot. Without Redis this completes at once: the request path
    /// pays no await and no Redis code for a feature it does not use.
    /// </summary>
    internal ValueTask<RateLimitDecision> AcquireAsync(RateLimitPlan plan, IPAddress client) =>
        shared.IsEnabled ? AcquireSharedAsync(plan, client) : new(Acquire(plan, client, takeToken: true));

    /// <summary>Takes a token and an in-flight slot from this node's bucket; on refusal, says how long until a token is there.</summary>
    internal bool TryAcquire(RateLimitPlan plan, IPAddress client, out TimeSpan retryAfter, out bool concurrencyRefused)
    {
        var decision = Acquire(plan, client, takeToken: true);
        retryAfter = decision.RetryAfter;
        concurrencyRefused = decision.ConcurrencyRefused;
        return decision.Allowed;
    }

    // The slot first, so that a request the node's cap refuses takes no shared token.
    private async ValueTask<RateLimitDecision> AcquireSharedAsync(RateLimitPlan plan, IPAddress client)
    {
        var slot = Acquire(plan, client, takeToken: false);
        if (!slot.Allowed)
        {
            return slot;
        }

        var take = await shared.TakeTokenAsync(SharedBucket(plan, client), plan.TokensPerSecond, plan.Burst);
        if (take is { Taken: true })
        {
            return slot;
        }

        Release(plan, client);
        return take is { } refused
            ? RateLimitDecision.RateLimited(refused.RetryAfter)
            : Acquire(plan, client, takeToken: true);
    }

    // The shared bucket follows the local one: past MaxTracked addresses, newcomers share the
    // overflow bucket in Redis too, so an address-rotating flood neither gets a fresh burst per
    // address nor fills Redis (where eviction could take basic-auth blocks with it).
    private string SharedBucket(RateLimitPlan plan, IPAddress client) =>
        _limits.TryGetValue(plan.Name, out var buckets) && buckets.ContainsKey(client)
            ? "rl:" + plan.Name + ":" + client
            : "rl:" + plan.Name + ":overflow";

    private RateLimitDecision Acquire(RateLimitPlan plan, IPAddress client, bool takeToken)
    {
        var buckets = _limits.GetOrAdd(plan.Name, static _ => new ConcurrentDictionary<IPAddress, Bucket>());
        var now = time.GetTimestamp();
        SweepIfDue(buckets, plan, now);
        if (!buckets.TryGetValue(client, out var bucket))
        {
            bucket = buckets.Count >= MaxTracked
                ? buckets.GetOrAdd(Overflow, _ => new Bucket(plan.Burst, now))
                : buckets.GetOrAdd(client, _ => new Bucket(plan.Burst, now));
        }

        lock (bucket)
        {
            var elapsed = time.GetElapsedTime(bucket.Updated, now).TotalSeconds;
            bucket.Tokens = Math.Min(plan.Burst, bucket.Tokens + elapsed * plan.TokensPerSecond);
            bucket.Updated = now;
            if (plan.MaxConcurrent > 0 && bucket.InFlight >= plan.MaxConcurrent)
            {
                return RateLimitDecision.TooManyInFlight;
            }

            if (takeToken)
            {
                if (bucket.Tokens < 1)
                {
                    return RateLimitDecision.RateLimited(TimeSpan.FromSeconds((1 - bucket.Tokens) / plan.TokensPerSecond));
                }

                bucket.Tokens -= 1;
            }

            bucket.InFlight++;
            return RateLimitDecision.Allow;
        }
    }
    /// <summary>Gives back the in-flight slot taken by <see cref="TryAcquire"/>.</summary>
    internal void Release(RateLimitPlan plan, IPAddress client)
    {
        if (_limits.TryGetValue(plan.Name, out var buckets) && (buckets.TryGetValue(client, out var bucket) || buckets.TryGetValue(Overflow, out bucket)))
        {
            lock (bucket)
            {
                bucket.InFlight = Math.Max(0, bucket.InFlight - 1);
            }
        }
    }

    // Every few seconds, buckets that are full again and idle are forgotten: they hold nothing.
    private void SweepIfDue(ConcurrentDictionary<IPAddress, Bucket> buckets, RateLimitPlan plan, long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(5) || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (address, bucket) in buckets)
        {
            lock (bucket)
            {
                var refilled = bucket.Tokens + time.GetElapsedTime(bucket.Updated, now).TotalSeconds * plan.TokensPerSecond;
                if (bucket.InFlight == 0 && refilled >= plan.Burst)
                {
                    buckets.TryRemove(address, out _);
                }
            }
        }
    }

    private sealed class Bucket(double tokens, long updated)
    {
        public double Tokens { get; set; } = tokens;
        public long Updated { get; set; } = updated;
        public int InFlight { get; set; }
    }
}
