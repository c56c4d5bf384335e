using System.Net;
using Appliance.Engine.Security.Bans;

namespace Appliance.Engine.Security.Pacing;

/// <summary>
/// Slows an answer that a client keeps drawing (a challenge page it cannot solve, a 429 it does not
/// heed), as a tarpit does: a flood tool sends its next request as soon as it has the answer, so
/// answering at once lets it spend the machine, while waiting (half to one and a half times the
/// delay, jittered so that a flood's waits do not end together) leaves it about one request per
/// connection per delay. A client that asks now and then is never slowed.
/// Each client's allowance is a generic cell rate (GCRA: one "theoretical arrival time" per client,
/// so allowances refill evenly and never all at once on a clock tick) in a fixed table of 65 536
/// slots indexed by its ban key's hash: it never grows, allocates nothing per request, and two clients
/// sharing a slot share an allowance. Only answers sent at once use up allowance.
/// </summary>
internal sealed class RepeatPacer
{
    private const int Slots = 1 << 16;

    private readonly PacingSettings _settings;
    private readonly TimeProvider _time;
    private readonly long[] _arrivals = new long[Slots];
    private readonly long _interval;
    private readonly long _tolerance;
    private readonly long _globalInterval;
    private readonly long _globalTolerance;
    private long _globalArrival;
    private long _delayed;
    private int _waiting;

    public RepeatPacer(PacingSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        var frequency = time.TimestampFrequency;
        _interval = settings.Allowance > 0 ? (long)(settings.Window.TotalSeconds * frequency / settings.Allowance) : long.MaxValue;
        _tolerance = settings.Allowance > 0 ? (settings.Allowance - 1) * _interval : -1;
        _globalInterval = settings.GlobalPerSecond > 0 ? frequency / settings.GlobalPerSecond : 0;
        _globalTolerance = settings.GlobalPerSecond > 0 ? (settings.GlobalPerSecond - 1) * _globalInterval : 0;
    }

    /// <summary>Answers waiting now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Answers that waited since start.</summary>
    public long Delayed => Interlocked.Read(ref _delayed);

    /// <summary>
    /// Counts an answer for <paramref name="client"/>: completed at once when the answer may go now
    /// (within the client's and the global allowance, or no place left to wait), else after the delay.
    /// </summary>
    public Task PaceAsync(IPAddress? client, CancellationToken aborted)
    {
        if (_settings.Off || client is null)
        {
            return Task.CompletedTask;
        }

        var now = _time.GetTimestamp();
        if (Conforms(ref _arrivals[(uint)BanKey.Of(client).GetHashCode() % Slots], now, _interval, _tolerance)
            && (_globalInterval == 0 || Conforms(ref _globalArrival, now, _globalInterval, _globalTolerance)))
        {
            return Task.CompletedTask;
        }

        if (Interlocked.Increment(ref _waiting) > _settings.MaxDelayed)
        {
            Interlocked.Decrement(ref _waiting);
            return Task.CompletedTask;
        }

        Interlocked.Increment(ref _delayed);
        return WaitAsync(aborted);
    }

    private async Task WaitAsync(CancellationToken aborted)
    {
        try
        {
            // Jittered (half to one and a half times the delay): waits that all began together, as a
            // flood's connections do, would otherwise all end together, a burst every delay.
            await Task.Delay(_settings.Delay * (0.5 + Random.Shared.NextDouble()), _time, aborted);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    // GCRA: an answer conforms when the client's theoretical arrival time is at most the tolerance
    // ahead of now; a conforming answer moves it one interval on.
    private static bool Conforms(ref long arrival, long now, long interval, long tolerance)
    {
        if (tolerance < 0)
        {
            return false;
        }

        while (true)
        {
            var seen = Volatile.Read(ref arrival);
            var theoretical = Math.Max(seen, now);
            if (theoretical - now > tolerance)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref arrival, theoretical + interval, seen) == seen)
            {
                return true;
            }
        }
    }
}
