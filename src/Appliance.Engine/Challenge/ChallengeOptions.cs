using System.ComponentModel.DataAnnotations;

namespace Appliance.Engine.Challenge;

/// <summary>How the challenge page is paced for a client that keeps asking for it, bound from <c>Appliance:Proxy:Challenge</c> and checked at start.</summary>
public sealed class ChallengeOptions
{
    public const string SectionName = "Appliance:Proxy:Challenge";

    /// <summary>
    /// Pages one client (an IPv4 address or an IPv6 /64) gets at once, the allowance refilling evenly
    /// over <see cref="RepeatWindowSeconds"/>; past it pages wait <see cref="DelayMilliseconds"/>. A
    /// browser needs one page (a few with tabs); a flood tool that cannot do the work asks again and
    /// again, and is slowed to the delay.
    /// </summary>
    [Range(0, 1000, ErrorMessage = "The field {0} must be between 0 and 1000.")]
    public int PagesBeforeDelay { get; set; } = 8;

    /// <summary>The time over which a client's allowance refills, in seconds.</summary>
    [Range(1, 3600, ErrorMessage = "The field {0} must be between 1 and 3600.")]
    public int RepeatWindowSeconds { get; set; } = 10;

    /// <summary>How long a page past the allowance waits before it is sent; 0 never delays.</summary>
    [Range(0, 30_000, ErrorMessage = "The field {0} must be between 0 and 30000.")]
    public int DelayMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Pages sent at once a second, all clients together (a second's worth in a burst); past it every
    /// page waits, so thousands of addresses each within its allowance cannot spend the machine on
    /// pages. 0 sets no such bound.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = "The field {0} must be between 0 and 1000000.")]
    public int ImmediatePagesPerSecond { get; set; } = 500;

    /// <summary>Pages waiting at once; past it a page is sent without waiting, so waiting costs bounded memory.</summary>
    [Range(0, 1_000_000, ErrorMessage = "The field {0} must be between 0 and 1000000.")]
    public int MaxDelayed { get; set; } = 10_000;
}
