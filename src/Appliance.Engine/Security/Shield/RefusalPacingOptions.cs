using System.ComponentModel.DataAnnotations;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// How the 429 of a rate limit is paced for a client that keeps drawing it without heeding
/// Retry-After, bound from <c>Appliance:Proxy:RefusalPacing</c> and checked at start.
/// </summary>
public sealed class RefusalPacingOptions
{
    public const string SectionName = "Appliance:Proxy:RefusalPacing";

    /// <summary>
    /// Refusals one client (an IPv4 address or an IPv6 /64) gets at once, the allowance refilling
    /// evenly over <see cref="RepeatWindowSeconds"/>; past it each waits <see cref="DelayMilliseconds"/>.
    /// A client that slows down on its first 429s never reaches it.
    /// </summary>
    [Range(0, 100_000, ErrorMessage = "The field {0} must be between 0 and 100000.")]
    public int RefusalsBeforeDelay { get; set; } = 20;

    /// <summary>The time over which a client's allowance refills, in seconds.</summary>
    [Range(1, 3600, ErrorMessage = "The field {0} must be between 1 and 3600.")]
    public int RepeatWindowSeconds { get; set; } = 10;

    /// <summary>How long a refusal past the allowance waits before it is sent; 0 never delays.</summary>
    [Range(0, 30_000, ErrorMessage = "The field {0} must be between 0 and 30000.")]
    public int DelayMilliseconds { get; set; } = 1000;

    /// <summary>Refusals waiting at once; past it a refusal is sent without waiting, so waiting costs bounded memory.</summary>
    [Range(0, 1_000_000, ErrorMessage = "The field {0} must be between 0 and 1000000.")]
    public int MaxDelayed { get; set; } = 10_000;
}
