using System.Collections.Concurrent;
using System.Net;
using Appliance.Data.Bans;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// The bans this node enforces, bounded by <see cref="BanOptions.Capacity"/>: when full, a new ban
/// replaces the ones that end soonest. Reads take no lock (every connection and request asks);
/// changes, which are rare, take one. An expired ban stops counting at once and is swept later.
/// </summary>
public sealed class BanTable(BanOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<BanKey, SharedBan> _bans = new();
    private readonly Lock _writing = new();
    private int _count;

    /// <summary>How many bans the table may hold.</summary>
    public int Capacity => options.Capacity;

    /// <summary>True when <paramref name="address"/> is banned now. With no ban at all, one read of a field.</summary>
    public bool IsBanned(IPAddress address) =>
        Volatile.Read(ref _count) != 0 && _bans.TryGetValue(BanKey.Of(address), out var ban) && ban.Until > time.GetUtcNow();

    /// <summary>The ban in force on <paramref name="key"/>, or null.</summary>
    public SharedBan? Find(BanKey key) =>
        _bans.TryGetValue(key, out var ban) && ban.Until > time.GetUtcNow() ? ban : null;

    /// <summary>The bans in force, the newest first.</summary>
    public IReadOnlyList<SharedBan> Active()
    {
        var now = time.GetUtcNow();
        return _bans.Values.Where(b => b.Until > now).OrderByDescending(b => b.Since).ThenBy(b => b.Subject, StringComparer.Ordinal).ToArray();
    }

    /// <summary>How many bans are in force.</summary>
    public int ActiveCount()
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        return _bans.Values.Count(b => b.Until > now);
    }

    /// <summary>
    /// Bans <paramref name="key"/>. A ban in force that lasts longer stays, unless
    /// <paramref name="replace"/> (an operator's ban replaces). True when the table changed.
    /// </summary>
    public bool Add(BanKey key, SharedBan ban, bool replace)
    {
        lock (_writing)
        {
            var now = time.GetUtcNow();
            if (_bans.TryGetValue(key, out var current) && current.Until > now && current.Until >= ban.Until && !replace)
            {
                return false;
            }

            if (current is null && _bans.Count >= options.Capacity)
            {
                MakeRoom(now);
            }

            _bans[key] = ban;
            Volatile.Write(ref _count, _bans.Count);
            return true;
        }
    }

    /// <summary>Lifts the ban of <paramref name="key"/>; the ban that was in force, or null.</summary>
    public SharedBan? Remove(BanKey key)
    {
        lock (_writing)
        {
            if (!_bans.TryRemove(key, out var ban))
            {
                return null;
            }

            Volatile.Write(ref _count, _bans.Count);
            return ban.Until > time.GetUtcNow() ? ban : null;
        }
    }

    /// <summary>
    /// Makes the table hold exactly <paramref name="bans"/> (what Redis holds), without a moment in
    /// which a ban in both is missing: new and changed ones first, then those that went.
    /// </summary>
    public void Replace(IEnumerable<SharedBan> bans)
    {
        var wanted = new Dictionary<BanKey, SharedBan>();
        foreach (var ban in bans)
        {
            if (BanKey.TryParse(ban.Subject, out var key))
            {
                wanted[key] = ban;
            }
        }

        lock (_writing)
        {
            foreach (var (key, ban) in wanted.OrderByDescending(b => b.Value.Until).Take(options.Capacity))
            {
                _bans[key] = ban;
            }

            foreach (var key in _bans.Keys)
            {
                if (!wanted.ContainsKey(key))
                {
                    _bans.TryRemove(key, out _);
                }
            }

            Volatile.Write(ref _count, _bans.Count);
        }
    }

    /// <summary>Forgets the bans that have ended; how many went.</summary>
    public int Sweep()
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return 0;
        }

        lock (_writing)
        {
            var removed = RemoveExpired(time.GetUtcNow());
            Volatile.Write(ref _count, _bans.Count);
            return removed;
        }
    }

    private int RemoveExpired(DateTimeOffset now)
    {
        var removed = 0;
        foreach (var (key, ban) in _bans)
        {
            if (ban.Until <= now && _bans.TryRemove(key, out _))
            {
                removed++;
            }
        }

        return removed;
    }

    // Full: the ended bans go, and if that is not enough, the hundredth that ends soonest, so that a
    // flood of new bans pays for the scan once per many bans.
    private void MakeRoom(DateTimeOffset now)
    {
        if (RemoveExpired(now) > 0 && _bans.Count < options.Capacity)
        {
            return;
        }

        var batch = Math.Max(1, options.Capacity / 100);
        foreach (var (key, _) in _bans.OrderBy(b => b.Value.Until).Take(batch).ToArray())
        {
            _bans.TryRemove(key, out _);
        }
    }
}
