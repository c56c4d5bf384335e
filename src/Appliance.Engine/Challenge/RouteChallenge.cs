namespace Appliance.Engine.Challenge;

/// <summary>The challenge part of a route's plan: when it applies, how hard the proof is, how long a clearance lasts.</summary>
internal sealed class RouteChallenge(bool always, bool underAttack, int difficulty, int validMinutes)
{
    public static RouteChallenge Off { get; } = new(false, false, 0, 0);

    /// <summary>Leading zero hex digits the proof's hash must have.</summary>
    public int Difficulty { get; } = difficulty;

    /// <summary>How long the clearance a solved challenge earns lasts.</summary>
    public int ValidMinutes { get; } = validMinutes;

    /// <summary>Whether a client needs a clearance now, given the installation-wide switch.</summary>
    public bool AppliesWhen(bool underAttackNow) => always || (underAttack && underAttackNow);
}
