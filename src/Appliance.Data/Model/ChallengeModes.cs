namespace Appliance.Data.Model;

/// <summary>When a route asks clients for a proof of work (<see cref="ChallengeSpec.Mode"/>).</summary>
public static class ChallengeModes
{
    /// <summary>Never: API routes and anything a script calls opt out with this.</summary>
    public const string Off = "Off";

    /// <summary>Every client without a valid clearance cookie gets the challenge page.</summary>
    public const string Always = "Always";

    /// <summary>Only while the installation-wide "under attack" switch is on.</summary>
    public const string UnderAttack = "UnderAttack";

    /// <summary>Every mode, in the order forms list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Off, Always, UnderAttack];
}
