namespace Appliance.Data.Counters;

/// <summary>
/// The Lua scripts behind <see cref="SharedCounters"/>. Each runs atomically in Redis, so a check
/// and the count it leads to cannot be split by another node's request, and each gives every key it
/// writes an expiry, so idle keys go by themselves and Redis holds only what is live.
/// </summary>
internal static class CounterScripts
{
    /// <summary>
    /// A token bucket. KEYS[1] the bucket; ARGV: tokens per millisecond, burst, expiry (ms). Time is
    /// Redis' own clock, so the nodes' clocks do not matter. Returns {1, 0} when a token was taken,
    /// {0, milliseconds until one is there} when not.
    /// </summary>
    public const string TakeToken = """
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1])
        local at = tonumber(state[2])
        if tokens == nil or at == nil then
          tokens = burst
          at = now
        end
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
        local taken = 0
        local wait = 0
        if tokens >= 1 then
          tokens = tokens - 1
          taken = 1
        else
          wait = math.ceil((1 - tokens) / rate)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return {taken, wait}
        """;

    /// <summary>
    /// INCR with an expiry. KEYS[1] the counter; ARGV: expiry (ms), 1 to restart the expiry at every
    /// count (forgotten a while after the last one) or 0 to keep the first one's (a fixed window).
    /// Returns the new count.
    /// </summary>
    public const string Increment = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 or ARGV[2] == '1' then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return n
        """;

    /// <summary>Takes one back from a counter, never below zero; at zero the key goes. Returns the new count.</summary>
    public const string Decrement = """
        local n = tonumber(redis.call('GET', KEYS[1]) or '0')
        if n <= 1 then
          redis.call('DEL', KEYS[1])
          return 0
        end
        return redis.call('DECR', KEYS[1])
        """;

    /// <summary>A counter's value, 0 when absent.</summary>
    public const string Read = "return tonumber(redis.call('GET', KEYS[1]) or '0')";

    /// <summary>Milliseconds a flag key has left, 0 when absent (PTTL's -2) or without expiry.</summary>
    public const string TimeLeft = """
        local ms = redis.call('PTTL', KEYS[1])
        if ms < 0 then
          return 0
        end
        return ms
        """;

    /// <summary>Raises a flag (KEYS[1]) for ARGV[1] ms, or keeps one that lasts longer. Returns the ms it has left.</summary>
    public const string Raise = """
        local left = redis.call('PTTL', KEYS[1])
        local ms = tonumber(ARGV[1])
        if left < ms then
          redis.call('SET', KEYS[1], '1', 'PX', ms)
          return ms
        end
        return left
        """;

    /// <summary>Deletes KEYS[1]. Returns how many keys went.</summary>
    public const string Delete = "return redis.call('DEL', KEYS[1])";
}
