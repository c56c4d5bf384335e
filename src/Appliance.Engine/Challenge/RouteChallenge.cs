namespace Appliance.Engine.Challenge;

/// <summary>
/// The challenge part of a route's plan: whether clients need a clearance now (the route always
/// asks, or asks while the installation is under attack and it is), how hard the proof is, how long
/// a clearance lasts, and who never gets asked.
/// </summary>
internal sealed class RouteChallenge(bool applies, int difficulty, int validMinutes, ChallengeExemptions exemptions)
{
    public static RouteChallenge Off { get; } = new(false, 0, 0, ChallengeExemptions.None);

    /// <summary>Whether a client without a clearance gets the page; settled when the snapshot is built, so the switch costs no lookup per request.</summary>
    public bool Applies { get; } = applies;

    /// <summary>Leading zero hex digits the proof's hash must have.</summary>
    public int Difficulty { get; } = difficulty;

    /// <summary>How long the clearance a solved challenge earns lasts.</summary>
    public int ValidMinutes { get; } = validMinutes;

    /// <summary>The addresses and verified crawlers that pass without a proof.</summary>
    public ChallengeExemptions Exemptions { get; } = exemptions;
}
