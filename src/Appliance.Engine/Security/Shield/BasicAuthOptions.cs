using System.ComponentModel.DataAnnotations;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// How basic authentication resists guessing, bound from <c>Appliance:Proxy:BasicAuth</c>. Every
/// wrong password costs a full password hash, so guesses are counted per client address and the
/// number of hashes computed at once is bounded: a guessing flood cannot take the CPU from every
/// other route.
/// </summary>
public sealed class BasicAuthOptions
{
    /// <summary>Wrong credentials from one address within the window before it gets 429; 0 never throttles.</summary>
    [Range(0, 100_000)]
    public int MaxFailures { get; set; } = 10;

    /// <summary>Seconds over which wrong credentials are counted.</summary>
    [Range(1, 86_400)]
    public int FailureWindowSeconds { get; set; } = 60;

    /// <summary>Seconds a throttled address gets 429 on every route that asks for basic auth.</summary>
    [Range(1, 86_400)]
    public int BlockSeconds { get; set; } = 300;

    /// <summary>Password hashes verified at once, all routes together; 0 does not bound them.</summary>
    [Range(0, 1024)]
    public int MaxConcurrentVerifications { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);
}
