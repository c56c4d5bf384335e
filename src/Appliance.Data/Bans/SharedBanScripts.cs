namespace Appliance.Data.Bans;

/// <summary>
/// The Lua scripts behind <see cref="SharedBanStore"/>. KEYS are always the same three: a sorted
/// set of banned subjects scored by when each ban ends (Unix milliseconds), a hash of each
/// subject's ban as JSON, and a version token that every change replaces, so that a node polling it
/// reads the whole table only after something changed. Each script runs atomically and leaves every
/// key expiring a minute after the last ban ends: Redis holds nothing once the bans are over.
/// </summary>
internal static class SharedBanScripts
{
    // Replaces the version and moves the keys' expiry to a minute after the last ban ends.
    private const string Touch = """
        redis.call('SET', KEYS[3], ARGV[#ARGV], 'PX', 86400000)
        local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
        if #last == 0 then
          redis.call('DEL', KEYS[1], KEYS[2])
          redis.call('PEXPIRE', KEYS[3], 60000)
        else
          local at = math.floor(tonumber(last[2])) + 60000
          redis.call('PEXPIREAT', KEYS[1], at)
          redis.call('PEXPIREAT', KEYS[2], at)
          redis.call('PEXPIREAT', KEYS[3], at)
        end
        """;

    /// <summary>
    /// Bans a subject. ARGV: subject, until (ms), the ban as JSON, now (ms), capacity, 1 to replace a
    /// ban that lasts longer (a manual ban) or 0 to keep it (an automatic one), version token.
    /// Expired bans go, and past the capacity the ones that end soonest. Returns 1 when written.
    /// </summary>
    public const string Add = """
        local current = redis.call('ZSCORE', KEYS[1], ARGV[1])
        if current and ARGV[6] == '0' and tonumber(current) >= tonumber(ARGV[2]) then
          return 0
        end
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
        local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[4], 'LIMIT', 0, 1000)
        for _, subject in ipairs(expired) do
          redis.call('ZREM', KEYS[1], subject)
          redis.call('HDEL', KEYS[2], subject)
        end
        local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[5])
        if over > 0 then
          local gone = redis.call('ZPOPMIN', KEYS[1], over)
          for i = 1, #gone, 2 do
            redis.call('HDEL', KEYS[2], gone[i])
          end
        end
        """ + "\n" + Touch + "\nreturn 1";

    /// <summary>Lifts a subject's ban. ARGV: subject, version token. Returns 1 when there was one.</summary>
    public const string Remove = """
        local removed = redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('HDEL', KEYS[2], ARGV[1])
        if removed == 0 then
          return 0
        end
        """ + "\n" + Touch + "\nreturn 1";

    /// <summary>The version token and every ban's JSON, read together. Expired ones are left for the reader to skip.</summary>
    public const string Read = """
        return {redis.call('GET', KEYS[3]) or '', redis.call('HVALS', KEYS[2])}
        """;
}
