namespace Appliance.Data.Model;

/// <summary>
/// A route's proof-of-work challenge: a client without a valid clearance cookie gets a small page
/// whose script finds a SHA-256 proof of work before the route's backends see it.
/// </summary>
public sealed record ChallengeSpec
{
    /// <summary>
    /// One of <see cref="ChallengeModes"/>. UnderAttack by default, so that the installation-wide
    /// switch protects every route that has not opted out: routes that scripts call say Off.
    /// </summary>
    public string Mode { get; init; } = ChallengeModes.UnderAttack;

    /// <summary>Leading zero hex digits the proof's SHA-256 must have: each one is 16 times the work (4 is about 65 000 hashes).</summary>
    public int Difficulty { get; init; } = 4;

    /// <summary>How long a clearance cookie lets its client through, in minutes.</summary>
    public int ValidMinutes { get; init; } = 60;
}
