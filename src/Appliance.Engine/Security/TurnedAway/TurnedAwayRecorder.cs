using System.Net;
using Appliance.Engine.Security.Bans;

namespace Appliance.Engine.Security.TurnedAway;

/// <summary>
/// This node's record of what the edge turned away: totals per reason since start (for
/// <c>/metrics</c>), per-reason counts in one-second buckets over the last minute, and the
/// addresses turned away most over the last 5 to 10 minutes. Addresses are kept as bans key them
/// (IPv4, or an IPv6 /64), so an offender shown can be banned as shown. Shared by both servers.
/// </summary>
public sealed class TurnedAwayRecorder : ITurnedAwayRecorder
{
    /// <summary>Addresses each generation of the top list holds: the bound on its memory.</summary>
    public const int OffenderSlots = 256;

    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long[] _totals = new long[TurnedAwayReasons.Count];
    private readonly TurnedAwayRates _rates = new();
    private readonly TopOffenders _offenders = new(OffenderSlots);

    public TurnedAwayRecorder(TimeProvider time)
    {
        _time = time;
        _origin = time.GetTimestamp();
    }

    /// <summary>How far back the top list may reach: up to two generations.</summary>
    public static int OffenderWindowSeconds => (int)(2 * TopOffenders.GenerationSeconds);

    /// <summary>Addresses the top list holds now (at most twice <see cref="OffenderSlots"/>).</summary>
    public int TrackedAddresses => _offenders.Tracked;

    /// <inheritdoc />
    public void Record(TurnedAwayReason reason, IPAddress? address)
    {
        var second = Second();
        Interlocked.Increment(ref _totals[(int)reason]);
        _rates.Add(second, reason);
        if (address is not null)
        {
            _offenders.Add(second, BanKey.Of(address), reason);
        }
    }

    /// <summary>Refusals per reason since start, in <see cref="TurnedAwayReasons.All"/> order.</summary>
    public IReadOnlyList<(TurnedAwayReason Reason, long Count)> Totals() =>
        TurnedAwayReasons.All.Select(r => (r, Interlocked.Read(ref _totals[(int)r]))).ToArray();

    /// <summary>
    /// The last <paramref name="seconds"/> completed seconds (the one under way is still filling),
    /// oldest first: how many seconds ago each began, and its count per reason.
    /// </summary>
    public IReadOnlyList<(int SecondsAgo, long[] ByReason)> Series(int seconds)
    {
        seconds = Math.Clamp(seconds, 1, TurnedAwayRates.Slots - 2);
        var now = Second();
        var series = new (int, long[])[seconds];
        for (var i = 0; i < seconds; i++)
        {
            var second = now - seconds + i;
            var counts = new long[TurnedAwayReasons.Count];
            foreach (var reason in TurnedAwayReasons.All)
            {
                counts[(int)reason] = _rates.CountAt(second, reason);
            }

            series[i] = ((int)(now - second), counts);
        }

        return series;
    }

    /// <summary>The addresses turned away most, most first, with their counts and reasons.</summary>
    public IReadOnlyList<(BanKey Address, long Count, IReadOnlyList<TurnedAwayReason> Reasons)> Top(int take)
    {
        var merged = _offenders.Read(Second());
        return merged.OrderByDescending(o => o.Value.Count).ThenBy(o => o.Key.Bits)
            .Take(take)
            .Select(o => (o.Key, o.Value.Count, Reasons(o.Value.Reasons)))
            .ToArray();
    }

    /// <summary>Every address the top list holds, for sums across them (countries).</summary>
    public IReadOnlyList<(BanKey Address, long Count)> Tracked() =>
        _offenders.Read(Second()).Select(o => (o.Key, o.Value.Count)).ToArray();

    private static IReadOnlyList<TurnedAwayReason> Reasons(int bits) =>
        TurnedAwayReasons.All.Where(r => (bits & (1 << (int)r)) != 0).ToArray();

    // Seconds of the monotonic clock since start: a wall-clock step cannot reorder the buckets.
    private long Second() => (long)_time.GetElapsedTime(_origin).TotalSeconds;
}
