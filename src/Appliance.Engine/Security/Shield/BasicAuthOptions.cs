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
    public int MaxFailures { get; set; } = 10;

    /// <summary>Seconds over which wrong credentials are counted.</summary>
    public int FailureWindowSeconds { get; set; } = 60;

    /// <summary>Seconds a throttled address gets 429 on every route that asks for basic auth.</summary>
    public int BlockSeconds { get; set; } = 300;

    /// <summary>Password hashes verified at once, all routes together; 0 does not bound them.</summary>
    public int MaxConcurrentVerifications { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Problems with the settings, one sentence each, named from <paramref name="section"/>.</summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var problems = new List<string>();
        if (MaxFailures is < 0 or > 100_000)
        {
            problems.Add($"{section}:MaxFailures must be between 0 (off) and 100000.");
        }

        if (FailureWindowSeconds is < 1 or > 86_400)
        {
            problems.Add($"{section}:FailureWindowSeconds must be between 1 and 86400.");
        }

        if (BlockSeconds is < 1 or > 86_400)
        {
            problems.Add($"{section}:BlockSeconds must be between 1 and 86400.");
        }

        if (MaxConcurrentVerifications is < 0 or > 1024)
        {
            problems.Add($"{section}:MaxConcurrentVerifications must be between 0 (unbounded) and 1024.");
        }

        return problems;
    }
}
