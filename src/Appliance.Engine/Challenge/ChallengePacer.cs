using System.Net;
using Appliance.Engine.Security.Pacing;

namespace Appliance.Engine.Challenge;

/// <summary>
/// Slows the challenge page for a client that keeps asking for it (<see cref="RepeatPacer"/>): a
/// flood tool that cannot do the work asks again as soon as it has the page (measured: 70 000 pages
/// a second on two cores), a browser asks once. Past <see cref="ChallengeOptions.ImmediatePagesPerSecond"/>
/// in all, every page waits too, so a flood spread over thousands of addresses, each within its own
/// allowance, cannot spend the machine on pages either.
/// </summary>
internal sealed class ChallengePacer(ChallengeOptions options, ChallengeCounter counter, TimeProvider time)
{
    private readonly RepeatPacer _pacer = new(
        new PacingSettings(
            options.PagesBeforeDelay,
            TimeSpan.FromSeconds(options.RepeatWindowSeconds),
            TimeSpan.FromMilliseconds(options.DelayMilliseconds),
            options.MaxDelayed,
            options.ImmediatePagesPerSecond),
        time);

    /// <summary>Pages waiting now.</summary>
    public int Waiting => _pacer.Waiting;

    /// <summary>Counts a page for <paramref name="client"/> and completes when it may be sent.</summary>
    public Task PaceAsync(IPAddress? client, CancellationToken aborted)
    {
        var paced = _pacer.PaceAsync(client, aborted);
        if (!paced.IsCompleted)
        {
            counter.Count(ChallengeResult.Delayed);
        }

        return paced;
    }
}
