namespace Appliance.Engine.Security.TurnedAway;

/// <summary>
/// Refusals per reason in one-second buckets over the last minute, without a lock. Each bucket of
/// each reason is one <see cref="long"/> holding the second it counts (high bits) and its count (low
/// bits), so a writer that finds last minute's second in it starts the bucket afresh with the same
/// compare-and-swap that counts: no reset can lose a count made after it, and a reader trusts a
/// bucket only when its second is the one asked for.
/// </summary>
internal sealed class TurnedAwayRates
{
    /// <summary>Seconds kept: a power of two over the 60 read, so the bucket of a second is a mask away.</summary>
    public const int Slots = 64;

    private const int CountBits = 24;
    private const long CountMask = (1L << CountBits) - 1;

    private readonly long[] _cells = new long[Slots * TurnedAwayReasons.Count];

    /// <summary>Counts one refusal for <paramref name="reason"/> in <paramref name="second"/> (seconds since the recorder started).</summary>
    public void Add(long second, TurnedAwayReason reason)
    {
        ref var cell = ref _cells[Index(second, reason)];

        // Stored as second + 1, so that a bucket never written (0) matches no second.
        var stamp = second + 1;
        while (true)
        {
            var seen = Volatile.Read(ref cell);
            long next;
            if (seen >> CountBits == stamp)
            {
                if ((seen & CountMask) == CountMask)
                {
                    return; // 16.7 million of one reason in one second: the bucket saturates rather than wraps.
                }

                next = seen + 1;
            }
            else if (seen >> CountBits > stamp)
            {
                return; // a late writer of a second already reused: too old to show
            }
            else
            {
                next = (stamp << CountBits) | 1;
            }

            if (Interlocked.CompareExchange(ref cell, next, seen) == seen)
            {
                return;
            }
        }
    }

    /// <summary>The count of <paramref name="reason"/> in <paramref name="second"/>; 0 when that second is gone from the buckets.</summary>
    public long CountAt(long second, TurnedAwayReason reason)
    {
        if (second < 0)
        {
            return 0;
        }

        var seen = Volatile.Read(ref _cells[Index(second, reason)]);
        return seen >> CountBits == second + 1 ? seen & CountMask : 0;
    }

    private static int Index(long second, TurnedAwayReason reason) => (int)(second & (Slots - 1)) * TurnedAwayReasons.Count + (int)reason;
}
