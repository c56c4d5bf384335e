using System.Net;
using Appliance.Engine.Security.Bans;

namespace Appliance.Engine.Challenge;

/// <summary>
/// Slows the challenge page for a client that keeps asking for it, as a tarpit does: a flood tool
/// that cannot do the work sends the next request as soon as it has the page, so answering at
/// once lets it spend the machine on pages (measured: 70 000 a second), while waiting a second
/// leaves it one request per connection a second. A browser asks once and is not slowed.
/// Clients are counted in a fixed table of windows indexed by their ban key's hash: it never grows,
/// allocates nothing per request, and two clients sharing a slot only share an allowance.
/// </summary>
internal sealed class ChallengePacer(ChallengeOptions options, ChallengeCounter counter, TimeProvider time)
{
    private const int Slots = 1 << 16;

    // Per slot: the window's number in the high 32 bits, pages asked in it in the low 32.
    private readonly long[] _windows = new long[Slots];
    private readonly TimeSpan _delay = TimeSpan.FromMilliseconds(options.DelayMilliseconds);
    private int _waiting;

    /// <summary>Pages waiting now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Counts a page for <paramref name="client"/> and waits first when it is past its allowance (and a place to wait is free).</summary>
    public Task PaceAsync(IPAddress? client, CancellationToken aborted)
    {
        if (options.DelayMilliseconds == 0 || client is null || CountPage(BanKey.Of(client)) <= options.PagesBeforeDelay)
        {
            return Task.CompletedTask;
        }

        if (Interlocked.Increment(ref _waiting) > options.MaxDelayed)
        {
            Interlocked.Decrement(ref _waiting);
            return Task.CompletedTask;
        }

        counter.Count(ChallengeResult.Delayed);
        return WaitAsync(aborted);
    }

    private async Task WaitAsync(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(_delay, time, aborted);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    // The client's pages in the current window, this one included.
    private long CountPage(BanKey key)
    {
        var window = time.GetUtcNow().ToUnixTimeSeconds() / options.RepeatWindowSeconds;
        ref var slot = ref _windows[(uint)key.GetHashCode() % Slots];
        while (true)
        {
            var seen = Volatile.Read(ref slot);
            var next = seen >> 32 == window ? seen + 1 : (window << 32) | 1;
            if (Interlocked.CompareExchange(ref slot, next, seen) == seen)
            {
                return next & uint.MaxValue;
            }
        }
    }
}
