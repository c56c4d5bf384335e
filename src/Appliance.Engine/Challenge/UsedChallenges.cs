using System.Collections.Concurrent;

namespace Appliance.Engine.Challenge;

/// <summary>
/// The nonces of challenges solved lately, each kept until its challenge could no longer be
/// answered anyway, so a solved challenge cannot earn a second clearance. Per node: a proof
/// replayed against another node of a cluster would pass there once (it still needs the same
/// client address and the answer window of a few minutes).
/// </summary>
public sealed class UsedChallenges(TimeProvider time)
{
    /// <summary>Each entry cost its sender a proof of work; beyond this many, new proofs are refused until old ones expire.</summary>
    internal const int Capacity = 200_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="nonce"/> used until <paramref name="until"/>; false when it already was, or the set is full.</summary>
    internal bool TryUse(string nonce, DateTimeOffset until)
    {
        var now = time.GetUtcNow();
        if (_used.Count >= Capacity)
        {
            foreach (var (key, expiry) in _used)
            {
                if (expiry <= now)
                {
                    _used.TryRemove(key, out _);
                }
            }

            if (_used.Count >= Capacity)
            {
                return false;
            }
        }

        return _used.TryAdd(nonce, until);
    }
}
